using System.CommandLine;
using Mismes.Cli.Administration;

var root = new RootCommand("mismes: the Mismes command line");
root.Add(MigrateCommand.Create());
root.Add(DemoCommand.Create());
return await root.Parse(args).InvokeAsync();
