using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Mismes.Taxonomy.Esco;

namespace Mismes.Cli.Taxonomy;

/// <summary><c>mismes taxonomy build &lt;esco-dir&gt;</c>: official ESCO CSV download → compact data file.</summary>
internal static class TaxonomyBuildCommand
{
    public static Command Create()
    {
        var escoDir = new Argument<DirectoryInfo>("esco-dir") { Description = "Folder with the official ESCO CSV files (any version, any languages)" };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Data file to write (default: data/esco/esco.bin of this repository)" };
        var labels = new Option<DirectoryInfo[]>("--labels")
        {
            Description = "Folder with labels in more languages (e.g. ../shared/data/esco-1.2-labels): adds the languages the ESCO folder lacks",
            AllowMultipleArgumentsPerToken = true,
        };
        var version = new Option<string>("--version") { Description = "ESCO version to record (default: guessed from the folder name, e.g. esco-1.1.1)" };
        var command = new Command("build", "Read ESCO's CSV files and write the compact data file the platform ships")
        {
            escoDir,
            output,
            labels,
            version,
        };
        command.SetAction(parse => Run(
            parse.InvocationConfiguration,
            parse.GetRequiredValue(escoDir),
            parse.GetValue(output)?.FullName ?? TaxonomyCommand.DefaultDataFile(),
            parse.GetValue(labels) ?? [],
            parse.GetValue(version)));
        return command;
    }

    private static int Run(InvocationConfiguration io, DirectoryInfo escoDir, string output, DirectoryInfo[] labels, string? version)
    {
        foreach (var dir in labels.Prepend(escoDir).Where(d => !d.Exists))
        {
            io.Error.WriteLine($"ESCO folder not found: {dir.FullName}");
            return 1;
        }

        var watch = Stopwatch.StartNew();
        var taxonomy = EscoCsvReader.Read(escoDir.FullName, labels.Select(d => d.FullName).ToList(), version);
        var readMs = watch.ElapsedMilliseconds;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        watch.Restart();
        var temporary = output + ".tmp";
        EscoDataFile.Write(taxonomy, temporary);
        File.Move(temporary, output, overwrite: true);
        var writeMs = watch.ElapsedMilliseconds;

        var inv = CultureInfo.InvariantCulture;
        io.Output.WriteLine(string.Create(inv, $"ESCO v{taxonomy.Version} ({taxonomy.Attribution})"));
        io.Output.WriteLine(string.Create(inv, $"  languages     {string.Join(", ", taxonomy.Languages)}"));
        foreach (var language in taxonomy.Languages)
        {
            io.Output.WriteLine(string.Create(inv, $"  labels {language,-6} {taxonomy.Occupations.Count(o => o.Labels.ContainsKey(language)),6:N0} occupations, {taxonomy.Skills.Count(s => s.Labels.ContainsKey(language)),6:N0} skills"));
        }

        io.Output.WriteLine(string.Create(inv, $"  occupations   {taxonomy.Occupations.Count,8:N0}"));
        io.Output.WriteLine(string.Create(inv, $"  skills        {taxonomy.Skills.Count,8:N0}"));
        io.Output.WriteLine(string.Create(inv, $"  ISCO groups   {taxonomy.IscoGroups.Count,8:N0}"));
        io.Output.WriteLine(string.Create(inv, $"  skill groups  {taxonomy.SkillGroups.Count,8:N0}"));
        io.Output.WriteLine(string.Create(inv, $"  collections   {string.Join(", ", taxonomy.CollectionNames.Order(StringComparer.Ordinal))}"));
        io.Output.WriteLine(string.Create(inv, $"read CSV in {readMs} ms; wrote {output} ({new FileInfo(output).Length / 1024.0 / 1024.0:0.0} MB) in {writeMs} ms"));
        return 0;
    }
}
