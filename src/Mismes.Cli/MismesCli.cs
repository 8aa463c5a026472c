using System.CommandLine;
using Mismes.Cli.Administration;
using Mismes.Cli.Recognition;
using Mismes.Cli.Taxonomy;

namespace Mismes.Cli;

/// <summary>
/// The `mismes` command tree. Commands write to the invocation's Output and Error writers (the console by default)
/// so tests run them in-process and read what they print.
/// </summary>
internal static class MismesCli
{
    /// <summary>One file per command; add new commands to this list.</summary>
    /// <param name="stdin">Standard input for commands that read it (tests pass their own); the console's by default.</param>
    public static RootCommand BuildRootCommand(TextReader? stdin = null) => new("mismes — integrated platform for migrant support measures")
    {
        MigrateCommand.Create(),
        AdminCommand.Create(stdin),
        DemoCommand.Create(),
        TaxonomyCommand.Create(),
        CredentialCommand.Create(),
    };
}
