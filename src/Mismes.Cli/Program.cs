using Mismes.Cli;

return await MismesCli.BuildRootCommand().Parse(args).InvokeAsync();
