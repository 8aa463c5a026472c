namespace Mismes.Matching;

/// <summary>
/// A vacancy compiled against a vocabulary and rarity counts: every score contribution as an integer number of
/// 1/100 points. Integer contributions make a score independent of summation order, so the index (which adds terms
/// in pruning order) and the brute-force <see cref="Scorer"/> agree bit for bit and ties are real ties.
/// </summary>
internal sealed class ScoringQuery
{
    /// <summary>Score units per point: 1/100 point, so that occupation plus skill points fit the index's 16-bit accumulator.</summary>
    public const int Scale = 100;

    /// <summary>Credit codes: 0 none; 1..4 exact with evidence Declared..Certified; 5..8 the same one step away in the hierarchy.</summary>
    public const int CodeCount = 9;

    private static readonly double[] EvidenceFactor = [0.6, 0.75, 0.9, 1.0];

    private readonly double _experienceWeight;
    private readonly double _experienceTarget;

    private ScoringQuery(VacancyRequirements vacancy, ScoringWeights weights, double[] creditValue)
    {
        Vacancy = vacancy;
        CreditValue = creditValue;
        _experienceWeight = weights.Experience * Scale;
        _experienceTarget = Math.Max(12, Math.Min(ClampMonths(vacancy.MinimumExperienceMonths), 1200));
    }

    public VacancyRequirements Vacancy { get; }

    public double[] CreditValue { get; }

    public int[] TermSkill { get; private set; } = [];

    public bool[] TermEssential { get; private set; } = [];

    /// <summary>Contribution of term t for credit code c at [t * CodeCount + c].</summary>
    public int[] Contribution { get; private set; } = [];

    public int[] TermUpperBound { get; private set; } = [];

    /// <summary>Occupation proximity in [0, 1] per vocabulary occupation (all zero when the vacancy has none).</summary>
    public double[] Proximity { get; private set; } = [];

    public int[] OccupationContribution { get; private set; } = [];

    /// <summary>Occupations with a positive proximity, ascending.</summary>
    public int[] ActiveOccupations { get; private set; } = [];

    /// <summary>For each skill a person may hold, the terms it gives credit to and how (exact, via narrower, via broader).</summary>
    public Dictionary<int, (int Term, SkillMatchKind Kind)[]> SkillLinks { get; private set; } = [];

    public int MinimumEqf { get; private set; }

    public bool HasDates { get; private set; }

    public int StartDay { get; private set; }

    public int EndDay { get; private set; }

    public ushort Country { get; private set; }

    public ushort[] LanguageCodes { get; private set; } = [];

    public CefrLevel[] LanguageMinimum { get; private set; } = [];

    public string[] Facts { get; private set; } = [];

    /// <summary>Language points of someone who exceeds every requirement (or of everyone when none is required).</summary>
    public int LanguageMax { get; private set; }

    private double LanguageWeight { get; set; }

    public static double[] CreditValues(ScoringWeights weights)
    {
        double matchable = weights.Occupation + weights.Experience + weights.EssentialSkills + weights.OptionalSkills;
        if (matchable > 500 || weights.Languages > 500 || Math.Min(Math.Min(weights.Occupation, weights.Experience), Math.Min(Math.Min(weights.EssentialSkills, weights.OptionalSkills), weights.Languages)) < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(weights), "Weights must be non-negative and the non-language ones add up to at most 500 points");
        }

        if (weights.HierarchyCredit is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(weights), "HierarchyCredit must be within [0, 1]");
        }

        var v = new double[CodeCount];
        for (int e = 0; e < 4; e++)
        {
            v[1 + e] = EvidenceFactor[e];
            v[5 + e] = EvidenceFactor[e] * weights.HierarchyCredit;
        }

        return v;
    }

    public static byte Code(SkillEvidence evidence, bool viaHierarchy) =>
        (byte)(1 + Math.Clamp((int)evidence, 0, 3) + (viaHierarchy ? 4 : 0));

    /// <summary>True when code a gives strictly more credit than b (ties go to the lower code, i.e. exact first).</summary>
    public static bool Better(double[] creditValue, int a, int b) =>
        creditValue[a] > creditValue[b] || (creditValue[a] == creditValue[b] && a != 0 && (b == 0 || a < b));

    public static int ClampMonths(int months) => Math.Clamp(months, 0, ushort.MaxValue);

    public static int DayOf(DateOnly? date, int missing) => date?.DayNumber ?? missing;

    public static ScoringQuery Compile(
        MatchingVocabulary vocabulary,
        ScoringWeights weights,
        double[] creditValue,
        VacancyRequirements vacancy,
        int[] documentFrequency,
        int profileCount)
    {
        var q = new ScoringQuery(vacancy, weights, creditValue);

        // Terms: essential skills first, then optional ones not already essential; duplicates dropped.
        var seen = new HashSet<int>();
        var ess = new List<int>();
        var opt = new List<int>();
        foreach (var s in vacancy.EssentialSkills)
        {
            vocabulary.CheckSkill(s);
            if (seen.Add(s.Value))
            {
                ess.Add(s.Value);
            }
        }

        foreach (var s in vacancy.OptionalSkills)
        {
            vocabulary.CheckSkill(s);
            if (seen.Add(s.Value))
            {
                opt.Add(s.Value);
            }
        }

        int terms = ess.Count + opt.Count;
        q.TermSkill = [.. ess, .. opt];
        q.TermEssential = new bool[terms];
        q.Contribution = new int[terms * CodeCount];
        q.TermUpperBound = new int[terms];
        AddTerms(q, ess, 0, weights.EssentialSkills, documentFrequency, profileCount, essential: true);
        AddTerms(q, opt, ess.Count, weights.OptionalSkills, documentFrequency, profileCount, essential: false);

        CompileOccupation(q, vocabulary, weights, vacancy);
        q.SkillLinks = Links(vocabulary, q.TermSkill);

        q.MinimumEqf = vacancy.MinimumEqfLevel ?? 0;
        q.HasDates = vacancy.StartDate is not null;
        q.StartDay = DayOf(vacancy.StartDate, int.MinValue);
        q.EndDay = DayOf(vacancy.EndDate ?? vacancy.StartDate, int.MinValue);
        q.Country = vacancy.Country is null ? (ushort)0 : IsoCode.Encode(vacancy.Country);

        // One requirement per language: the highest minimum wins.
        var languages = new SortedDictionary<ushort, CefrLevel>();
        foreach (var l in vacancy.Languages)
        {
            ushort code = IsoCode.Encode(l.Language);
            languages[code] = languages.TryGetValue(code, out var m) && m > l.Minimum ? m : l.Minimum;
        }

        q.LanguageCodes = [.. languages.Keys];
        q.LanguageMinimum = [.. languages.Values];
        q.Facts = vacancy.RequiredEligibilityFacts.Distinct(StringComparer.Ordinal).ToArray();
        q.LanguageWeight = weights.Languages * Scale;
        q.LanguageMax = (int)Math.Round(q.LanguageWeight);
        return q;
    }

    /// <summary>Quarter points of language fit for one language: 2 at the minimum, 3 one level above, 4 from two above.</summary>
    public static int LanguageQuarters(CefrLevel held, CefrLevel minimum) => Math.Min(4, 2 + (held - minimum));

    public int LanguageContribution(int quarterSum) =>
        LanguageCodes.Length == 0 ? LanguageMax : (int)Math.Round(LanguageWeight * quarterSum / (4.0 * LanguageCodes.Length));

    public int ExperienceContribution(int occupation, int months) =>
        (int)Math.Round(ExperienceScale(occupation) * Math.Min(1.0, ClampMonths(months) / _experienceTarget));

    /// <summary>Experience points for full experience in an occupation (before rounding); the index's hot loop reuses it.</summary>
    public double ExperienceScale(int occupation) => _experienceWeight * Proximity[occupation];

    public double ExperienceTarget => _experienceTarget;

    /// <summary>Occupation plus experience points for holding one occupation; a profile gets the best of its occupations.</summary>
    public int OccupationValue(int occupation, int months) =>
        Proximity[occupation] == 0 ? 0 : OccupationContribution[occupation] + ExperienceContribution(occupation, months);

    private static Dictionary<int, (int Term, SkillMatchKind Kind)[]> Links(MatchingVocabulary vocabulary, int[] termSkills)
    {
        var links = new Dictionary<int, List<(int, SkillMatchKind)>>();
        for (int t = 0; t < termSkills.Length; t++)
        {
            int s = termSkills[t];
            Add(s, t, SkillMatchKind.Exact);
            foreach (int p in vocabulary.Parents[s])
            {
                Add(p, t, SkillMatchKind.ViaBroader);
            }

            foreach (int c in vocabulary.Children[s])
            {
                Add(c, t, SkillMatchKind.ViaNarrower);
            }
        }

        return links.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());

        void Add(int held, int term, SkillMatchKind kind)
        {
            if (!links.TryGetValue(held, out var list))
            {
                links[held] = list = [];
            }

            list.Add((term, kind));
        }
    }

    private static void AddTerms(
        ScoringQuery q, List<int> skills, int offset, double weight, int[] df, int n, bool essential)
    {
        double total = 0;
        foreach (int s in skills)
        {
            total += SkillRarity.Idf(df[s], n);
        }

        for (int i = 0; i < skills.Count; i++)
        {
            int t = offset + i;
            q.TermEssential[t] = essential;
            double share = weight * Scale * SkillRarity.Idf(df[skills[i]], n) / total;
            int upper = 0;
            for (int c = 1; c < CodeCount; c++)
            {
                int v = (int)Math.Round(share * q.CreditValue[c]);
                q.Contribution[(t * CodeCount) + c] = v;
                upper = Math.Max(upper, v);
            }

            q.TermUpperBound[t] = upper;
        }
    }

    private static void CompileOccupation(ScoringQuery q, MatchingVocabulary vocabulary, ScoringWeights weights, VacancyRequirements vacancy)
    {
        int m = vocabulary.OccupationCount;
        q.Proximity = new double[m];
        q.OccupationContribution = new int[m];
        if (vacancy.Occupation is not { } target)
        {
            return;
        }

        vocabulary.CheckOccupation(target);
        int vo = target.Value;
        int iv = vocabulary.Isco[vo];
        var shared = new int[m];
        foreach (int s in vocabulary.Essential[vo])
        {
            foreach (int o in vocabulary.OccupationsWithEssential[s])
            {
                shared[o]++;
            }
        }

        int essentialCount = vocabulary.Essential[vo].Length;
        var active = new List<int>();
        for (int o = 0; o < m; o++)
        {
            double p = 0;
            int io = vocabulary.Isco[o];
            if (o == vo)
            {
                p = 1;
            }
            else if (iv >= 0 && io >= 0)
            {
                p = io == iv ? 0.75 : io / 10 == iv / 10 ? 0.5 : io / 100 == iv / 100 ? 0.25 : 0;
            }

            // Occupations sharing essential skills are close even across ISCO groups, but never as close as the same unit
            // group; sharing less than a quarter of them (often one transversal skill) does not make an occupation close.
            if (essentialCount > 0 && shared[o] * 4 >= essentialCount)
            {
                p = Math.Max(p, 0.6 * shared[o] / essentialCount);
            }

            if (p > 0)
            {
                q.Proximity[o] = p;
                q.OccupationContribution[o] = (int)Math.Round(weights.Occupation * Scale * p);
                active.Add(o);
            }
        }

        q.ActiveOccupations = [.. active];
    }
}
