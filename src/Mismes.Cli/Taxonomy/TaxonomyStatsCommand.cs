using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Mismes.Taxonomy.Esco;

namespace Mismes.Cli.Taxonomy;

/// <summary><c>mismes taxonomy stats [--file f]</c>: load time and memory of the data file, measured in a fresh process.</summary>
internal static class TaxonomyStatsCommand
{
    public static Command Create()
    {
        var file = new Option<FileInfo>("--file", "-f") { Description = "Data file (default: the one shipped next to the application)" };
        var command = new Command("stats", "Load the ESCO data file and report counts, load time and memory") { file };
        command.SetAction(parse => Run(parse.InvocationConfiguration, parse.GetValue(file)));
        return command;
    }

    private static int Run(InvocationConfiguration io, FileInfo? file)
    {
        var path = file?.FullName ?? EscoTaxonomy.ShippedFilePath() ?? TaxonomyCommand.DefaultDataFile();
        if (!File.Exists(path))
        {
            io.Error.WriteLine($"Data file not found: {path}; run `mismes taxonomy build <esco-dir>`.");
            return 1;
        }

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var taxonomy = EscoDataFile.Read(path);
        var loadMs = watch.Elapsed.TotalMilliseconds;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(taxonomy);
        var inv = CultureInfo.InvariantCulture;
        io.Output.WriteLine(string.Create(inv, $"{path} ({new FileInfo(path).Length / 1024.0 / 1024.0:0.0} MB)"));
        io.Output.WriteLine(string.Create(inv, $"ESCO v{taxonomy.Version}, languages {string.Join(", ", taxonomy.Languages)}: {taxonomy.Occupations.Count:N0} occupations, {taxonomy.Skills.Count:N0} skills, {taxonomy.IscoGroups.Count:N0} ISCO groups, {taxonomy.SkillGroups.Count:N0} skill groups"));
        io.Output.WriteLine(string.Create(inv, $"load {loadMs:0} ms; managed heap held by the taxonomy {(after - before) / 1024.0 / 1024.0:0.0} MB; process working set {Process.GetCurrentProcess().WorkingSet64 / 1024.0 / 1024.0:0.0} MB"));
        io.Output.WriteLine(taxonomy.Attribution);
        return 0;
    }
}
