namespace Mismes.Taxonomy.Esco;

/// <summary>Collects concepts and relations by URI (in any order, from any number of files), then freezes them.</summary>
internal sealed class EscoTaxonomyBuilder
{
    private readonly Dictionary<string, Draft> drafts = new(StringComparer.Ordinal);
    private readonly HashSet<(string Child, string Parent)> broader = [];
    private readonly HashSet<(string Occupation, string Skill, bool Essential)> relations = [];
    private readonly Dictionary<string, HashSet<string>> collections = new(StringComparer.OrdinalIgnoreCase);

    public string Version { get; set; } = "unknown";

    public int ConceptCount => drafts.Count;

    public void AddConcept(ConceptKind kind, string uri, string code, string iscoGroupCode, SkillType skillType, ReuseLevel reuseLevel)
    {
        if (!drafts.TryGetValue(uri, out var draft))
        {
            drafts[uri] = draft = new Draft(kind, uri);
        }

        // The first file that knows a field wins; later languages only add labels.
        if (draft.Code.Length == 0)
        {
            draft.Code = code;
        }

        if (draft.IscoGroupCode.Length == 0)
        {
            draft.IscoGroupCode = iscoGroupCode;
        }

        if (draft.SkillType == SkillType.None)
        {
            draft.SkillType = skillType;
        }

        if (draft.ReuseLevel == ReuseLevel.None)
        {
            draft.ReuseLevel = reuseLevel;
        }
    }

    public void AddLabels(string uri, string language, ConceptLabels labels)
    {
        if (drafts.TryGetValue(uri, out var draft) && labels.Preferred.Length > 0)
        {
            draft.Labels[language] = labels;
        }
    }

    public void AddBroader(string child, string parent) => broader.Add((child, parent));

    public void AddRelation(string occupation, string skill, bool essential) => relations.Add((occupation, skill, essential));

    public void AddToCollection(string name, string uri)
    {
        if (!collections.TryGetValue(name, out var set))
        {
            collections[name] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        set.Add(uri);
    }

    public EscoTaxonomy Build()
    {
        // Stable ids: by kind, then URI, so the same input always gives the same numbering.
        var ordered = drafts.Values
            .Where(d => d.Labels.Count > 0)
            .OrderBy(d => d.Kind)
            .ThenBy(d => d.Uri, StringComparer.Ordinal)
            .ToArray();
        var ids = new Dictionary<string, int>(ordered.Length, StringComparer.Ordinal);
        var concepts = new EscoConcept[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            var d = ordered[i];
            ids[d.Uri] = i;
            concepts[i] = new EscoConcept(i, d.Kind, d.Uri, d.Code, d.IscoGroupCode, d.SkillType, d.ReuseLevel, d.Labels);
        }

        var broaderLists = Lists(concepts.Length);
        foreach (var (child, parent) in broader)
        {
            if (ids.TryGetValue(child, out var c) && ids.TryGetValue(parent, out var p) && c != p)
            {
                broaderLists[c].Add(p);
            }
        }

        // Occupations without an explicit broader relation hang under their ISCO unit group.
        var iscoIds = concepts.Where(c => c.Kind == ConceptKind.IscoGroup)
            .GroupBy(c => c.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        foreach (var concept in concepts)
        {
            if (broaderLists[concept.Id].Count > 0)
            {
                continue;
            }

            if (concept.Kind == ConceptKind.Occupation && iscoIds.TryGetValue(concept.IscoGroupCode, out var g))
            {
                broaderLists[concept.Id].Add(g);
            }
            else if (concept.Kind == ConceptKind.IscoGroup && concept.Code.Length > 1
                && iscoIds.TryGetValue(concept.Code[..^1], out var parentGroup))
            {
                broaderLists[concept.Id].Add(parentGroup);
            }
        }

        var essential = Lists(concepts.Length);
        var optional = Lists(concepts.Length);
        foreach (var (occupation, skill, isEssential) in relations)
        {
            if (ids.TryGetValue(occupation, out var o) && ids.TryGetValue(skill, out var s))
            {
                (isEssential ? essential : optional)[o].Add(s);
            }
        }

        var collectionIds = collections.ToDictionary(
            c => c.Key,
            c => c.Value.Where(ids.ContainsKey).Select(u => ids[u]).Order().ToArray(),
            StringComparer.OrdinalIgnoreCase);

        var languages = concepts.SelectMany(c => c.Labels.Keys).Distinct(StringComparer.Ordinal)
            .OrderBy(l => l == "en" ? 0 : 1).ThenBy(l => l, StringComparer.Ordinal).ToArray();

        return new EscoTaxonomy(Version, languages, concepts, Freeze(broaderLists), Freeze(essential), Freeze(optional), collectionIds);
    }

    private static List<int>[] Lists(int n)
    {
        var lists = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            lists[i] = [];
        }

        return lists;
    }

    private static int[][] Freeze(List<int>[] lists) => lists.Select(l => l.Distinct().Order().ToArray()).ToArray();

    private sealed class Draft(ConceptKind kind, string uri)
    {
        public ConceptKind Kind { get; } = kind;

        public string Uri { get; } = uri;

        public string Code { get; set; } = "";

        public string IscoGroupCode { get; set; } = "";

        public SkillType SkillType { get; set; }

        public ReuseLevel ReuseLevel { get; set; }

        public Dictionary<string, ConceptLabels> Labels { get; } = new(StringComparer.Ordinal);
    }
}
