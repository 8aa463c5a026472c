using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;

namespace Mismes.Taxonomy.Esco;

/// <summary>
/// Reads ESCO from its official CSV download (any version, any set of languages). Files are found anywhere under the
/// folder by name: <c>occupations_fr.csv</c>, <c>skills_en.csv</c>, <c>ISCOGroups_ar.csv</c>, <c>skillGroups_es.csv</c>,
/// <c>languageSkillsCollection_en.csv</c>, <c>occupationSkillRelations.csv</c> (or <c>_en</c>),
/// <c>broaderRelationsOccPillar.csv</c>, <c>broaderRelationsSkillPillar.csv</c>. A language with missing files just
/// has fewer labels.
/// </summary>
public static partial class EscoCsvReader
{
    public static EscoTaxonomy Read(string escoDir, string? version = null) => Read(escoDir, [], version);

    /// <summary>
    /// Reads <paramref name="escoDir"/> as <see cref="Read(string, string?)"/>, then adds the labels of the languages
    /// it lacks from each of <paramref name="labelDirs"/> (e.g. German and Dutch labels of a later ESCO version):
    /// <c>occupations_de.csv</c>, <c>ISCOGroups_nl.csv</c>, <c>skills_de_collections_subset.csv</c>. Those files only
    /// add labels to concepts of <paramref name="escoDir"/>; a URI it does not have is ignored, and a language it
    /// already has is not replaced.
    /// </summary>
    public static EscoTaxonomy Read(string escoDir, IReadOnlyList<string> labelDirs, string? version = null)
    {
        if (!Directory.Exists(escoDir))
        {
            throw new DirectoryNotFoundException($"ESCO folder not found: {escoDir}");
        }

        foreach (var labelDir in labelDirs.Where(d => !Directory.Exists(d)))
        {
            throw new DirectoryNotFoundException($"ESCO labels folder not found: {labelDir}");
        }

        var builder = new EscoTaxonomyBuilder { Version = version ?? GuessVersion(escoDir) };
        var files = Directory.EnumerateFiles(escoDir, "*.csv", SearchOption.AllDirectories)
            .Select(path => (Path: path, Match: FileName().Match(Path.GetFileName(path))))
            .Where(f => f.Match.Success)
            .Select(f => new EscoFile(f.Path, f.Match.Groups["kind"].Value, f.Match.Groups["lang"].Value))
            // English first: language-independent fields (codes, types) are taken from the first file that has them.
            .OrderBy(f => f.Language is "en" or "" ? 0 : 1)
            .ThenBy(f => f.Language, StringComparer.Ordinal)
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .ToList();

        foreach (var file in files.Where(f => f.Language.Length > 0))
        {
            switch (file.Kind)
            {
                case "occupations":
                    ReadConcepts(builder, file, ConceptKind.Occupation);
                    break;
                case "skills":
                    ReadConcepts(builder, file, ConceptKind.Skill);
                    break;
                case "ISCOGroups":
                    ReadConcepts(builder, file, ConceptKind.IscoGroup);
                    break;
                case "skillGroups":
                    ReadConcepts(builder, file, ConceptKind.SkillGroup);
                    break;
            }
        }

        if (builder.ConceptCount == 0)
        {
            throw new InvalidDataException($"No ESCO concept files (occupations_<lang>.csv, skills_<lang>.csv, ...) under {escoDir}");
        }

        foreach (var file in files)
        {
            if (file.Kind.Equals("occupationSkillRelations", StringComparison.OrdinalIgnoreCase))
            {
                ForEachRow(file.Path, row => builder.AddRelation(
                    row.Get("occupationUri"),
                    row.Get("skillUri"),
                    row.Get("relationType").Equals("essential", StringComparison.OrdinalIgnoreCase)));
            }
            else if (file.Kind.StartsWith("broaderRelations", StringComparison.OrdinalIgnoreCase))
            {
                ForEachRow(file.Path, row => builder.AddBroader(row.Get("conceptUri"), row.Get("broaderUri")));
            }
            else if (file.Kind.EndsWith("Collection", StringComparison.Ordinal))
            {
                var name = CollectionName().Replace(file.Kind, "");
                ForEachRow(file.Path, row => builder.AddToCollection(name, row.Get("conceptUri")));
            }
        }

        var ownLanguages = files.Select(f => f.Language).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
        foreach (var labelDir in labelDirs)
        {
            var labelFiles = Directory.EnumerateFiles(labelDir, "*.csv", SearchOption.AllDirectories)
                .Select(path => (Path: path, Match: LabelFileName().Match(Path.GetFileName(path))))
                .Where(f => f.Match.Success && !ownLanguages.Contains(f.Match.Groups["lang"].Value))
                .OrderBy(f => f.Path, StringComparer.Ordinal);
            foreach (var (path, match) in labelFiles)
            {
                ReadLabels(builder, new EscoFile(path, match.Groups["kind"].Value, match.Groups["lang"].Value));
            }
        }

        return builder.Build();
    }

    private static void ReadLabels(EscoTaxonomyBuilder builder, EscoFile file) =>
        ForEachRow(file.Path, row => builder.AddLabels(row.Get("conceptUri"), file.Language, Labels(row)));

    private static ConceptLabels Labels(Row row)
    {
        var description = row.Get("description");
        return new ConceptLabels(
            row.Get("preferredLabel").Trim(),
            SplitLabels(row.Get("altLabels")),
            SplitLabels(row.Get("hiddenLabels")),
            description.Length == 0 ? null : description.Trim());
    }

    private static void ReadConcepts(EscoTaxonomyBuilder builder, EscoFile file, ConceptKind kind)
    {
        ForEachRow(file.Path, row =>
        {
            var uri = row.Get("conceptUri");
            if (uri.Length == 0)
            {
                return;
            }

            var code = row.Get("code");
            builder.AddConcept(
                kind,
                uri,
                code,
                kind == ConceptKind.Occupation ? row.Get("iscoGroup") : "",
                ParseSkillType(row.Get("skillType")),
                ParseReuseLevel(row.Get("reuseLevel")));
            builder.AddLabels(uri, file.Language, Labels(row));
        });
    }

    internal static string[] SplitLabels(string value) =>
        value.Length == 0
            ? []
            : value.Split(['\n', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct(StringComparer.Ordinal).ToArray();

    internal static SkillType ParseSkillType(string value) => value.Trim() switch
    {
        "skill/competence" or "skill" or "competence" => SkillType.SkillCompetence,
        "knowledge" => SkillType.Knowledge,
        _ => SkillType.None,
    };

    internal static ReuseLevel ParseReuseLevel(string value) => value.Trim() switch
    {
        "transversal" => ReuseLevel.Transversal,
        "cross-sector" or "cross-sectoral" => ReuseLevel.CrossSector,
        "sector-specific" => ReuseLevel.SectorSpecific,
        "occupation-specific" => ReuseLevel.OccupationSpecific,
        _ => ReuseLevel.None,
    };

    private static string GuessVersion(string escoDir)
    {
        var match = VersionInPath().Match(Path.GetFullPath(escoDir));
        return match.Success ? match.Groups[1].Value : "unknown";
    }

    private static void ForEachRow(string path, Action<Row> action)
    {
        // CsvHelper's defaults: RFC 4180 quoting with line breaks inside quoted fields (altLabels), missing fields empty.
        using var csv = CsvReader.FromFile(path, null);
        var row = new Row(csv);
        while (csv.Read())
        {
            action(row);
        }
    }

    [GeneratedRegex(@"^(?<kind>[A-Za-z]+?)(?:_(?<lang>[a-z]{2,3}(?:-[A-Za-z]+)?))?\.csv$")]
    private static partial Regex FileName();

    // In a labels folder: "occupations_de.csv", "skills_nl_collections_subset.csv" (a partial file says so after the language).
    [GeneratedRegex(@"^(?<kind>occupations|skills|ISCOGroups|skillGroups)_(?<lang>[a-z]{2,3})(?:_[A-Za-z0-9_]+)?\.csv$")]
    private static partial Regex LabelFileName();

    [GeneratedRegex("(?:Skills|Occupations)?Collection$")]
    private static partial Regex CollectionName();

    [GeneratedRegex(@"esco[-_ ]?v?(\d+\.\d+(?:\.\d+)?)", RegexOptions.IgnoreCase)]
    private static partial Regex VersionInPath();

    private sealed record EscoFile(string Path, string Kind, string Language);

    /// <summary>Field access by header name; a column the file lacks reads as empty.</summary>
    private sealed class Row(CsvReader csv)
    {
        private readonly Dictionary<string, int> columns = new(StringComparer.Ordinal);

        public string Get(string column)
        {
            if (!columns.TryGetValue(column, out var index))
            {
                columns[column] = index = csv.TryGetFieldIndex(column, out var found) ? found : -1;
            }

            return index < 0 ? "" : csv.GetString(index);
        }
    }
}
