using System.CommandLine;
using Mismes.Cli.Administration;
using Mismes.Cli.Taxonomy;

// The `mismes` command: one file per command; add new commands to this list.
var root = new RootCommand("mismes — integrated platform for migrant support measures")
{
    MigrateCommand.Create(),
    DemoCommand.Create(),
    TaxonomyCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
