using System.Collections.Frozen;

namespace Mismes.Taxonomy.Esco;

/// <summary>
/// The ESCO classification in memory: occupations, skills, ISCO groups and skill groups with their multilingual
/// labels, hierarchy, occupation–skill relations and skill collections. Immutable and safe to share.
/// Build it with <see cref="EscoCsvReader.Read"/>, <see cref="EscoDataFile.Read"/> or <see cref="LoadShipped"/>.
/// </summary>
public sealed class EscoTaxonomy
{
    /// <summary>Name of the data file shipped in data/esco/ and copied next to the assembly.</summary>
    public const string ShippedFileName = "esco.bin";

    private readonly EscoConcept[] concepts;
    private readonly int[][] broader;
    private readonly int[][] narrower;
    private readonly int[][] essential;
    private readonly int[][] optional;
    private readonly FrozenDictionary<string, int> byUri;
    private readonly FrozenDictionary<string, int> iscoByCode;
    private readonly FrozenDictionary<string, int[]> collections;

    internal EscoTaxonomy(
        string version,
        IReadOnlyList<string> languages,
        EscoConcept[] concepts,
        int[][] broader,
        int[][] essential,
        int[][] optional,
        IReadOnlyDictionary<string, int[]> collections)
    {
        Version = version;
        Languages = languages;
        this.concepts = concepts;
        this.broader = broader;
        this.essential = essential;
        this.optional = optional;
        this.collections = collections.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        byUri = concepts.ToFrozenDictionary(c => c.Uri, c => c.Id, StringComparer.Ordinal);
        iscoByCode = concepts.Where(c => c.Kind == ConceptKind.IscoGroup && c.Code.Length > 0)
            .GroupBy(c => c.Code, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);

        var children = new List<int>[concepts.Length];
        for (var i = 0; i < broader.Length; i++)
        {
            foreach (var parent in broader[i])
            {
                (children[parent] ??= []).Add(i);
            }
        }

        narrower = children.Select(c => c?.ToArray() ?? []).ToArray();
        Occupations = Of(ConceptKind.Occupation);
        Skills = Of(ConceptKind.Skill);
        IscoGroups = Of(ConceptKind.IscoGroup);
        SkillGroups = Of(ConceptKind.SkillGroup);
    }

    /// <summary>ESCO version, e.g. "1.1.1".</summary>
    public string Version { get; }

    /// <summary>The attribution the product must show wherever ESCO data appears.</summary>
    public string Attribution => $"ESCO, European Commission, v{Version} (esco.ec.europa.eu)";

    /// <summary>Language codes that have at least one label, English first.</summary>
    public IReadOnlyList<string> Languages { get; }

    /// <summary>All concepts; <c>Concepts[c.Id] == c</c>.</summary>
    public IReadOnlyList<EscoConcept> Concepts => concepts;

    public IReadOnlyList<EscoConcept> Occupations { get; }

    public IReadOnlyList<EscoConcept> Skills { get; }

    public IReadOnlyList<EscoConcept> IscoGroups { get; }

    public IReadOnlyList<EscoConcept> SkillGroups { get; }

    /// <summary>Collection names ("language", "transversal", "digital", "green", "digComp", ...).</summary>
    public IReadOnlyCollection<string> CollectionNames => collections.Keys;

    /// <summary>Loads the data file shipped with the application (copied next to Mismes.Taxonomy.dll).</summary>
    public static EscoTaxonomy LoadShipped()
    {
        var path = ShippedFilePath()
            ?? throw new FileNotFoundException($"ESCO data file {ShippedFileName} not found next to the application; run `mismes taxonomy build`.");
        return EscoDataFile.Read(path);
    }

    /// <summary>Where the shipped data file is, or null when it is missing.</summary>
    public static string? ShippedFilePath()
    {
        foreach (var dir in new[] { Path.GetDirectoryName(typeof(EscoTaxonomy).Assembly.Location), AppContext.BaseDirectory })
        {
            if (string.IsNullOrEmpty(dir))
            {
                continue;
            }

            foreach (var candidate in new[] { Path.Combine(dir, ShippedFileName), Path.Combine(dir, "esco", ShippedFileName) })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public EscoConcept? FindByUri(string uri) => byUri.TryGetValue(uri, out var id) ? concepts[id] : null;

    /// <summary>The ISCO-08 group with this code ("2", "26", "265", "2654").</summary>
    public EscoConcept? FindIscoGroup(string code) => iscoByCode.TryGetValue(code, out var id) ? concepts[id] : null;

    /// <summary>Occupations whose ISCO-08 unit group starts with <paramref name="iscoCodePrefix"/>.</summary>
    public IEnumerable<EscoConcept> OccupationsInIscoGroup(string iscoCodePrefix) =>
        Occupations.Where(o => o.IscoGroupCode.StartsWith(iscoCodePrefix, StringComparison.Ordinal));

    /// <summary>Direct parents: an occupation's ISCO group or broader occupation; a skill's broader skill or skill group.</summary>
    public IReadOnlyList<EscoConcept> Broader(EscoConcept concept) => Map(broader[concept.Id]);

    public IReadOnlyList<EscoConcept> Narrower(EscoConcept concept) => Map(narrower[concept.Id]);

    /// <summary>All ancestors, nearest first, without duplicates.</summary>
    public IReadOnlyList<EscoConcept> Ancestors(EscoConcept concept)
    {
        var result = new List<EscoConcept>();
        var seen = new HashSet<int> { concept.Id };
        var queue = new Queue<int>(broader[concept.Id]);
        while (queue.TryDequeue(out var id))
        {
            if (!seen.Add(id))
            {
                continue;
            }

            result.Add(concepts[id]);
            foreach (var parent in broader[id])
            {
                queue.Enqueue(parent);
            }
        }

        return result;
    }

    public IReadOnlyList<EscoConcept> EssentialSkills(EscoConcept occupation) => Map(essential[occupation.Id]);

    public IReadOnlyList<EscoConcept> OptionalSkills(EscoConcept occupation) => Map(optional[occupation.Id]);

    /// <summary>Occupations for which <paramref name="skill"/> is essential.</summary>
    public IEnumerable<EscoConcept> OccupationsRequiring(EscoConcept skill) =>
        Occupations.Where(o => Array.IndexOf(essential[o.Id], skill.Id) >= 0);

    public IReadOnlyList<EscoConcept> Collection(string name) =>
        collections.TryGetValue(name, out var ids) ? Map(ids) : [];

    /// <summary>Names of the collections that contain <paramref name="skill"/>.</summary>
    public IEnumerable<string> CollectionsOf(EscoConcept skill) =>
        collections.Where(c => Array.BinarySearch(c.Value, skill.Id) >= 0).Select(c => c.Key).Order(StringComparer.Ordinal);

    internal int[] BroaderIds(int id) => broader[id];

    internal int[] EssentialIds(int id) => essential[id];

    internal int[] OptionalIds(int id) => optional[id];

    internal IReadOnlyDictionary<string, int[]> CollectionIds => collections;

    private EscoConcept[] Map(int[] ids)
    {
        var result = new EscoConcept[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            result[i] = concepts[ids[i]];
        }

        return result;
    }

    private EscoConcept[] Of(ConceptKind kind) => concepts.Where(c => c.Kind == kind).ToArray();
}
