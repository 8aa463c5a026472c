using System.CommandLine;

namespace Mismes.Cli.Taxonomy;

/// <summary><c>mismes taxonomy ...</c>: the ESCO data the platform ships.</summary>
internal static class TaxonomyCommand
{
    public static Command Create() => new("taxonomy", "ESCO occupations and skills: build the shipped data file, inspect it, search it")
    {
        TaxonomyBuildCommand.Create(),
        TaxonomyStatsCommand.Create(),
        TaxonomySearchCommand.Create(),
    };

    /// <summary>The repository's data/esco folder when run inside a clone, else the current folder.</summary>
    public static string DefaultDataFile()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mismes.slnx")))
            {
                return Path.Combine(dir.FullName, "data", "esco", Mismes.Taxonomy.Esco.EscoTaxonomy.ShippedFileName);
            }
        }

        return Path.Combine(Environment.CurrentDirectory, Mismes.Taxonomy.Esco.EscoTaxonomy.ShippedFileName);
    }
}
