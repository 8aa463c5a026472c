using System.Globalization;

namespace Mismes.Matching;

/// <summary>A skill as given to the vocabulary: its URI and the positions of its broader skills in the same list.</summary>
public sealed record SkillEntry(string Uri, IReadOnlyList<int> BroaderIndices);

/// <summary>An occupation: URI, ISCO-08 unit group code (4 digits, may be null) and skill positions in the skill list.</summary>
public sealed record OccupationEntry(
    string Uri,
    string? IscoCode,
    IReadOnlyList<int> EssentialSkillIndices,
    IReadOnlyList<int> OptionalSkillIndices);

/// <summary>
/// The classification matching works on, given as plain input (matching does not depend on Mismes.Taxonomy).
/// URIs map to dense ids so that profiles, vacancies and the index use small integers.
/// Immutable and safe to share between threads.
/// </summary>
public sealed class MatchingVocabulary
{
    private readonly string[] _skillUris;
    private readonly string[] _occupationUris;
    private readonly Dictionary<string, int> _skillByUri;
    private readonly Dictionary<string, int> _occupationByUri;

    public MatchingVocabulary(IReadOnlyList<SkillEntry> skills, IReadOnlyList<OccupationEntry> occupations)
    {
        int n = skills.Count;
        _skillUris = new string[n];
        _skillByUri = new Dictionary<string, int>(n, StringComparer.Ordinal);
        var parents = new int[n][];
        var childLists = new List<int>[n];
        for (int i = 0; i < n; i++)
        {
            _skillUris[i] = skills[i].Uri;
            if (!_skillByUri.TryAdd(skills[i].Uri, i))
            {
                throw new ArgumentException($"Duplicate skill URI {skills[i].Uri}", nameof(skills));
            }

            parents[i] = skills[i].BroaderIndices.Where(p => p != i).Distinct().Order().ToArray();
            foreach (int p in parents[i])
            {
                if ((uint)p >= (uint)n)
                {
                    throw new ArgumentException($"Skill {skills[i].Uri} has a broader index {p} out of range", nameof(skills));
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            foreach (int p in parents[i])
            {
                (childLists[p] ??= []).Add(i);
            }
        }

        Parents = parents;
        Children = childLists.Select(c => c is null ? [] : c.ToArray()).ToArray();

        int m = occupations.Count;
        _occupationUris = new string[m];
        _occupationByUri = new Dictionary<string, int>(m, StringComparer.Ordinal);
        Isco = new int[m];
        Essential = new int[m][];
        Optional = new int[m][];
        var withEssential = new List<int>[n];
        for (int o = 0; o < m; o++)
        {
            var e = occupations[o];
            _occupationUris[o] = e.Uri;
            if (!_occupationByUri.TryAdd(e.Uri, o))
            {
                throw new ArgumentException($"Duplicate occupation URI {e.Uri}", nameof(occupations));
            }

            Isco[o] = ParseIsco(e.IscoCode);
            Essential[o] = CheckSkills(e.EssentialSkillIndices, n).Distinct().Order().ToArray();
            Optional[o] = CheckSkills(e.OptionalSkillIndices, n).Distinct().Order().Except(Essential[o]).ToArray();
            foreach (int s in Essential[o])
            {
                (withEssential[s] ??= []).Add(o);
            }
        }

        OccupationsWithEssential = withEssential.Select(l => l is null ? [] : l.ToArray()).ToArray();
    }

    public int SkillCount => _skillUris.Length;

    public int OccupationCount => _occupationUris.Length;

    /// <summary>Broader skills of each skill (sorted).</summary>
    internal int[][] Parents { get; }

    /// <summary>Narrower skills of each skill (sorted).</summary>
    internal int[][] Children { get; }

    /// <summary>ISCO-08 unit group as a number (e.g. 2654), or -1 when unknown.</summary>
    internal int[] Isco { get; }

    internal int[][] Essential { get; }

    internal int[][] Optional { get; }

    internal int[][] OccupationsWithEssential { get; }

    public SkillId GetSkill(string uri) =>
        _skillByUri.TryGetValue(uri, out int i) ? new SkillId(i) : throw new KeyNotFoundException($"Unknown skill {uri}");

    public bool TryGetSkill(string uri, out SkillId skill)
    {
        bool found = _skillByUri.TryGetValue(uri, out int i);
        skill = new SkillId(i);
        return found;
    }

    public OccupationId GetOccupation(string uri) =>
        _occupationByUri.TryGetValue(uri, out int i) ? new OccupationId(i) : throw new KeyNotFoundException($"Unknown occupation {uri}");

    public bool TryGetOccupation(string uri, out OccupationId occupation)
    {
        bool found = _occupationByUri.TryGetValue(uri, out int i);
        occupation = new OccupationId(i);
        return found;
    }

    public string SkillUri(SkillId skill) => _skillUris[skill.Value];

    public string OccupationUri(OccupationId occupation) => _occupationUris[occupation.Value];

    public string? IscoCodeOf(OccupationId occupation) =>
        Isco[occupation.Value] < 0 ? null : Isco[occupation.Value].ToString("D4", CultureInfo.InvariantCulture);

    public IReadOnlyList<SkillId> EssentialSkillsOf(OccupationId occupation) =>
        Array.ConvertAll(Essential[occupation.Value], s => new SkillId(s));

    public IReadOnlyList<SkillId> OptionalSkillsOf(OccupationId occupation) =>
        Array.ConvertAll(Optional[occupation.Value], s => new SkillId(s));

    public IReadOnlyList<SkillId> BroaderSkillsOf(SkillId skill) => Array.ConvertAll(Parents[skill.Value], s => new SkillId(s));

    internal void CheckSkill(SkillId skill)
    {
        if ((uint)skill.Value >= (uint)_skillUris.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(skill), skill.Value, "Skill id is not in the vocabulary");
        }
    }

    internal void CheckOccupation(OccupationId occupation)
    {
        if ((uint)occupation.Value >= (uint)_occupationUris.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(occupation), occupation.Value, "Occupation id is not in the vocabulary");
        }
    }

    private static IEnumerable<int> CheckSkills(IReadOnlyList<int> indices, int n)
    {
        foreach (int s in indices)
        {
            if ((uint)s >= (uint)n)
            {
                throw new ArgumentException($"Skill index {s} out of range", nameof(indices));
            }

            yield return s;
        }
    }

    private static int ParseIsco(string? code)
    {
        if (code is null)
        {
            return -1;
        }

        // ESCO gives the ISCO-08 unit group (4 digits); accept longer codes by keeping the first four digits.
        ReadOnlySpan<char> digits = code.AsSpan().Trim();
        if (digits.Length > 4)
        {
            digits = digits[..4];
        }

        return digits.Length == 4 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : -1;
    }
}
