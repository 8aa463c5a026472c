using System.Globalization;

namespace Mismes.Matching;

/// <summary>
/// The reference: scores one profile against one vacancy straight from the records, applying every hard filter and
/// explaining the result. <see cref="MatchIndex"/> must return exactly what <see cref="TopK"/> returns.
/// Stateless apart from its inputs; safe to share between threads.
/// </summary>
public sealed class Scorer
{
    private readonly MatchingVocabulary _vocabulary;
    private readonly double[] _creditValue;

    public Scorer(MatchingVocabulary vocabulary, ScoringWeights? weights = null)
    {
        _vocabulary = vocabulary;
        Weights = weights ?? ScoringWeights.Default;
        _creditValue = ScoringQuery.CreditValues(Weights);
    }

    public ScoringWeights Weights { get; }

    public MatchOutcome Evaluate(CandidateProfile profile, VacancyRequirements vacancy, SkillRarity rarity) =>
        Evaluate(profile, Compile(vacancy, rarity));

    /// <summary>
    /// Brute force: rarity from these profiles, every profile scored, best first, ties by id ascending. Profiles that
    /// match nothing (no close occupation, no credited skill) are left out.
    /// </summary>
    public IReadOnlyList<MatchResult> TopK(IReadOnlyCollection<CandidateProfile> profiles, VacancyRequirements vacancy, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var q = Compile(vacancy, SkillRarity.FromProfiles(_vocabulary, profiles));
        var scored = new List<(int Score, CandidateProfile Profile)>();
        foreach (var p in profiles)
        {
            int s = ScoreOrExclude(p, q);
            if (s >= 0)
            {
                scored.Add((s, p));
            }
        }

        return scored
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Profile.Id)
            .Take(k)
            .Select(x => Evaluate(x.Profile, q).Result!)
            .ToList();
    }

    internal ScoringQuery Compile(VacancyRequirements vacancy, SkillRarity rarity) =>
        ScoringQuery.Compile(_vocabulary, Weights, _creditValue, vacancy, rarity.Frequencies, rarity.ProfileCount);

    /// <summary>
    /// Integer score (1/100 points) of a profile that can be ranked, or -1 when a hard filter excludes it or it has
    /// nothing in common with the vacancy (no close occupation, no credited skill): a shortlist never lists strangers.
    /// </summary>
    internal int ScoreOrExclude(CandidateProfile profile, ScoringQuery q)
    {
        if (!Passes(profile, q, null, out int quarters))
        {
            return -1;
        }

        int matched = BestOccupation(profile, q, out _, out _);
        for (int t = 0; t < q.TermSkill.Length; t++)
        {
            matched += q.Contribution[(t * ScoringQuery.CodeCount) + BestCredit(profile, q.TermSkill[t], out _, out _)];
        }

        return matched == 0 ? -1 : matched + q.LanguageContribution(quarters);
    }

    internal MatchOutcome Evaluate(CandidateProfile profile, ScoringQuery q)
    {
        var exclusions = new List<Exclusion>();
        if (!Passes(profile, q, exclusions, out int quarters))
        {
            return new MatchOutcome(null, exclusions);
        }

        BestOccupation(profile, q, out int occupationPoints, out int experiencePoints);
        int languagePoints = q.LanguageContribution(quarters);
        int essential = 0;
        int optional = 0;
        var matched = new List<SkillMatch>();
        var missing = new List<SkillId>();
        int terms = q.TermSkill.Length;
        var codes = new int[terms];
        var helds = new int[terms];
        var kinds = new SkillMatchKind[terms];
        foreach (var s in profile.Skills)
        {
            if (!q.SkillLinks.TryGetValue(s.Skill.Value, out var links))
            {
                continue;
            }

            foreach (var (t, k) in links)
            {
                int c = ScoringQuery.Code(s.Evidence, k != SkillMatchKind.Exact);
                if (ScoringQuery.Better(_creditValue, c, codes[t]) || (c == codes[t] && s.Skill.Value < helds[t]))
                {
                    (codes[t], helds[t], kinds[t]) = (c, s.Skill.Value, k);
                }
            }
        }

        for (int t = 0; t < terms; t++)
        {
            int code = codes[t];
            int held = helds[t];
            var kind = kinds[t];
            int points = q.Contribution[(t * ScoringQuery.CodeCount) + code];
            if (q.TermEssential[t])
            {
                essential += points;
            }
            else
            {
                optional += points;
            }

            if (code != 0)
            {
                matched.Add(new SkillMatch(
                    new SkillId(q.TermSkill[t]),
                    new SkillId(held),
                    kind,
                    (SkillEvidence)((code - 1) % 4),
                    q.TermEssential[t],
                    (float)q.CreditValue[code]));
            }
            else if (q.TermEssential[t])
            {
                missing.Add(new SkillId(q.TermSkill[t]));
            }
        }

        int total = occupationPoints + experiencePoints + essential + optional + languagePoints;
        var breakdown = new ScoreBreakdown(
            Points(occupationPoints), Points(experiencePoints), Points(essential), Points(optional), Points(languagePoints));
        return new MatchOutcome(new MatchResult(profile.Id, Points(total), breakdown, matched, missing), []);
    }

    internal static float Points(int scaled) => scaled / (float)ScoringQuery.Scale;

    /// <summary>Applies every hard filter; collects all reasons when asked to, else stops at the first.</summary>
    private static bool Passes(CandidateProfile p, ScoringQuery q, List<Exclusion>? reasons, out int languageQuarters)
    {
        bool ok = true;
        languageQuarters = 0;
        if (!p.ConsentToMatching)
        {
            ok = Fail(ExclusionReason.NoConsent, "no consent to matching");
            if (reasons is null)
            {
                return false;
            }
        }

        for (int i = 0; i < q.LanguageCodes.Length; i++)
        {
            CefrLevel? held = null;
            foreach (var l in p.Languages)
            {
                if (IsoCode.Encode(l.Language) == q.LanguageCodes[i] && (held is null || l.Level > held))
                {
                    held = l.Level;
                }
            }

            string language = IsoCode.Decode(q.LanguageCodes[i], upper: false);
            if (held is not { } h || h < q.LanguageMinimum[i])
            {
                ok = Fail(ExclusionReason.LanguageBelowMinimum, $"{language}: {(held is null ? "none" : held.ToString())} < {q.LanguageMinimum[i]}");
                if (reasons is null)
                {
                    return false;
                }
            }
            else
            {
                languageQuarters += ScoringQuery.LanguageQuarters(h, q.LanguageMinimum[i]);
            }
        }

        if (q.MinimumEqf > 0 && (p.EqfLevel ?? 0) < q.MinimumEqf)
        {
            ok = Fail(
                ExclusionReason.EqfBelowMinimum,
                string.Create(CultureInfo.InvariantCulture, $"EQF {(p.EqfLevel is null ? "unknown" : p.EqfLevel.Value.ToString(CultureInfo.InvariantCulture))} < {q.MinimumEqf}"));
            if (reasons is null)
            {
                return false;
            }
        }

        if (q.HasDates
            && (ScoringQuery.DayOf(p.AvailableFrom, int.MinValue) > q.StartDay || ScoringQuery.DayOf(p.AvailableTo, int.MaxValue) < q.EndDay))
        {
            ok = Fail(
                ExclusionReason.NotAvailable,
                string.Create(CultureInfo.InvariantCulture, $"available {p.AvailableFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "..."} to {p.AvailableTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "..."}"));
            if (reasons is null)
            {
                return false;
            }
        }

        if (q.Country != 0 && p.CountriesWanted.Count > 0 && !p.CountriesWanted.Any(c => IsoCode.Encode(c) == q.Country))
        {
            ok = Fail(ExclusionReason.CountryNotWanted, $"{IsoCode.Decode(q.Country, upper: true)} not in {string.Join(',', p.CountriesWanted)}");
            if (reasons is null)
            {
                return false;
            }
        }

        foreach (string fact in q.Facts)
        {
            if (!p.EligibilityFacts.Contains(fact, StringComparer.Ordinal))
            {
                ok = Fail(ExclusionReason.MissingEligibilityFact, fact);
                if (reasons is null)
                {
                    return false;
                }
            }
        }

        return ok;

        bool Fail(ExclusionReason reason, string detail)
        {
            reasons?.Add(new Exclusion(reason, detail));
            return false;
        }
    }

    private static int BestOccupation(CandidateProfile p, ScoringQuery q, out int occupationPoints, out int experiencePoints)
    {
        int best = 0;
        occupationPoints = 0;
        experiencePoints = 0;
        foreach (var o in p.Occupations)
        {
            int v = q.OccupationValue(o.Occupation.Value, o.Months);

            // Equal values: the closer occupation explains the score (independent of the order occupations are listed in).
            if (v > best || (v == best && v > 0 && q.OccupationContribution[o.Occupation.Value] > occupationPoints))
            {
                best = v;
                occupationPoints = q.OccupationContribution[o.Occupation.Value];
                experiencePoints = v - occupationPoints;
            }
        }

        return best;
    }

    /// <summary>Best credit code for a required skill, by definition: the skill itself, a narrower or a broader one.</summary>
    private int BestCredit(CandidateProfile p, int required, out int held, out SkillMatchKind kind)
    {
        int best = 0;
        held = -1;
        kind = SkillMatchKind.Exact;
        foreach (var s in p.Skills)
        {
            int d = s.Skill.Value;
            SkillMatchKind k;
            if (d == required)
            {
                k = SkillMatchKind.Exact;
            }
            else if (Array.BinarySearch(_vocabulary.Parents[d], required) >= 0)
            {
                k = SkillMatchKind.ViaNarrower;
            }
            else if (Array.BinarySearch(_vocabulary.Parents[required], d) >= 0)
            {
                k = SkillMatchKind.ViaBroader;
            }
            else
            {
                continue;
            }

            int code = ScoringQuery.Code(s.Evidence, k != SkillMatchKind.Exact);
            if (ScoringQuery.Better(_creditValue, code, best) || (code == best && d < held))
            {
                best = code;
                held = d;
                kind = k;
            }
        }

        return best;
    }
}
