using CsvHelper;
using Mismes.Matching;

namespace Mismes.Bench.Speed;

/// <summary>
/// Just what the speed benchmark needs from the official ESCO CSVs: occupations with ISCO codes, their essential and
/// optional skills, and broader relations between skills (skill-to-skill only; skill groups are too coarse for credit).
/// </summary>
internal sealed class EscoRelations
{
    private EscoRelations(MatchingVocabulary vocabulary, int[][] essential, int[][] optional, int[] skillsInRelations)
    {
        Vocabulary = vocabulary;
        Essential = essential;
        Optional = optional;
        SkillsInRelations = skillsInRelations;
    }

    public MatchingVocabulary Vocabulary { get; }

    /// <summary>Essential skill ids per occupation id.</summary>
    public int[][] Essential { get; }

    public int[][] Optional { get; }

    /// <summary>Every skill referenced by some occupation (the pool for noise skills).</summary>
    public int[] SkillsInRelations { get; }

    public static EscoRelations Load(string escoDirectory)
    {
        var occupations = new List<(string Uri, string Isco)>();
        foreach (var row in Read(Path.Combine(escoDirectory, "en", "occupations_en.csv"), "conceptUri", "iscoGroup"))
        {
            occupations.Add((row[0], row[1]));
        }

        var skillIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var skillUris = new List<string>();
        int SkillOf(string uri)
        {
            if (!skillIndex.TryGetValue(uri, out int i))
            {
                i = skillUris.Count;
                skillIndex.Add(uri, i);
                skillUris.Add(uri);
            }

            return i;
        }

        var occupationIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int o = 0; o < occupations.Count; o++)
        {
            occupationIndex[occupations[o].Uri] = o;
        }

        var essential = occupations.Select(_ => new List<int>()).ToArray();
        var optional = occupations.Select(_ => new List<int>()).ToArray();
        foreach (var row in Read(Path.Combine(escoDirectory, "relations", "occupationSkillRelations.csv"), "occupationUri", "relationType", "skillUri"))
        {
            if (!occupationIndex.TryGetValue(row[0], out int o))
            {
                continue;
            }

            (row[1] == "essential" ? essential : optional)[o].Add(SkillOf(row[2]));
        }

        var parents = new Dictionary<int, List<int>>();
        foreach (var row in Read(Path.Combine(escoDirectory, "relations", "broaderRelationsSkillPillar.csv"), "conceptType", "conceptUri", "broaderType", "broaderUri"))
        {
            if (row[0] != "KnowledgeSkillCompetence" || row[2] != "KnowledgeSkillCompetence")
            {
                continue;
            }

            int child = SkillOf(row[1]);
            int parent = SkillOf(row[3]);
            if (!parents.TryGetValue(child, out var list))
            {
                parents[child] = list = [];
            }

            list.Add(parent);
        }

        var skills = skillUris
            .Select((uri, i) => new SkillEntry(uri, parents.TryGetValue(i, out var p) ? p : []))
            .ToList();
        var occupationEntries = occupations
            .Select((o, i) => new OccupationEntry(o.Uri, o.Isco, essential[i], optional[i]))
            .ToList();
        var vocabulary = new MatchingVocabulary(skills, occupationEntries);
        var used = essential.Concat(optional).SelectMany(l => l).Distinct().Order().ToArray();
        return new EscoRelations(
            vocabulary,
            essential.Select(l => l.Distinct().ToArray()).ToArray(),
            optional.Select(l => l.Distinct().ToArray()).ToArray(),
            used);
    }

    private static IEnumerable<string[]> Read(string path, params string[] columns)
    {
        using var csv = CsvReader.FromFile(path, CsvReaderOptions.Default);
        csv.ReadHeader();
        var indices = columns.Select(c => csv.GetFieldIndex(c)).ToArray();
        while (csv.Read())
        {
            var row = new string[columns.Length];
            for (int i = 0; i < columns.Length; i++)
            {
                row[i] = csv.GetString(indices[i]);
            }

            yield return row;
        }
    }
}
