using Mismes.Matching;

namespace Mismes.Matching.Tests;

public class ScorerTests
{
    private static readonly VacancyRequirements Welder = TestData.Vacancy([0, 3, 4], [5]);

    [Theory]
    [InlineData(0, 1)] // same ESCO occupation beats same ISCO unit group
    [InlineData(1, 2)] // same unit group beats same minor group
    [InlineData(2, 3)] // same minor group beats same sub-major group
    [InlineData(3, 4)] // same sub-major group beats an unrelated occupation
    [InlineData(5, 4)] // shared essential skills beat an unrelated occupation
    [InlineData(1, 5)] // same unit group beats sharing two of three essential skills
    public void Evaluate_CloserOccupation_ScoresHigher(int closer, int farther)
    {
        var a = TestData.Profile(1) with { Occupations = [new OccupationExperience(new OccupationId(closer), 24)] };
        var b = TestData.Profile(2) with { Occupations = [new OccupationExperience(new OccupationId(farther), 24)] };

        var scoreA = TestData.Score(a, Welder, a, b);
        var scoreB = TestData.Score(b, Welder, a, b);

        Assert.True(scoreA.Score > scoreB.Score, $"{scoreA.Score} <= {scoreB.Score}");
        Assert.True(scoreA.Breakdown.Occupation > scoreB.Breakdown.Occupation);
    }

    [Theory]
    [InlineData(new[] { 0, 3 }, new[] { 4 })]
    [InlineData(new[] { 0 }, new[] { 3, 4 })]
    [InlineData(new int[0], new[] { 0, 3, 4 })]
    [InlineData(new[] { 0, 3, 4 }, new int[0])]
    public void Evaluate_MissingEssentialSkills_AreTheSkillGap(int[] held, int[] missing)
    {
        var result = TestData.Score(TestData.Profile(1, held), Welder);

        Assert.Equal(missing.Select(s => new SkillId(s)), result.MissingEssentialSkills);
        Assert.Equal(held.Order(), result.MatchedSkills.Select(m => m.Required.Value).Order());
    }

    [Theory]
    [InlineData(0, 0, SkillMatchKind.Exact)]
    [InlineData(1, 0, SkillMatchKind.ViaNarrower)] // holds arc welding, welding required
    [InlineData(0, 1, SkillMatchKind.ViaBroader)] // holds welding, arc welding required
    public void Evaluate_SkillInHierarchy_GetsCreditOfItsKind(int held, int required, SkillMatchKind kind)
    {
        var result = TestData.Score(TestData.Profile(1, held), TestData.Vacancy([required], []));

        var match = Assert.Single(result.MatchedSkills);
        Assert.Equal(kind, match.Kind);
        Assert.Equal(held, match.Held.Value);
        Assert.Empty(result.MissingEssentialSkills);
    }

    [Fact]
    public void Evaluate_HierarchyMatch_GetsPartialCredit()
    {
        var vacancy = TestData.Vacancy([0], []);
        var exact = TestData.Profile(1, 0);
        var narrower = TestData.Profile(2, 1);
        var unrelated = TestData.Profile(3, 9);

        float e = TestData.Score(exact, vacancy, exact, narrower, unrelated).Breakdown.EssentialSkills;
        float n = TestData.Score(narrower, vacancy, exact, narrower, unrelated).Breakdown.EssentialSkills;
        float u = TestData.Score(unrelated, vacancy, exact, narrower, unrelated).Breakdown.EssentialSkills;

        Assert.True(e > n && n > u, $"{e} {n} {u}");
        Assert.Equal(e * 0.5f, n, 3);
    }

    [Theory]
    [InlineData(SkillEvidence.Certified, SkillEvidence.Validated)]
    [InlineData(SkillEvidence.Validated, SkillEvidence.Trained)]
    [InlineData(SkillEvidence.Trained, SkillEvidence.Declared)]
    public void Evaluate_StrongerEvidence_ScoresHigher(SkillEvidence stronger, SkillEvidence weaker)
    {
        var a = TestData.Profile(1) with { Skills = [new ProfileSkill(new SkillId(0), stronger)] };
        var b = TestData.Profile(2) with { Skills = [new ProfileSkill(new SkillId(0), weaker)] };

        Assert.True(TestData.Score(a, Welder, a, b).Score > TestData.Score(b, Welder, a, b).Score);
    }

    [Fact]
    public void Evaluate_RarerSkill_WeighsMore()
    {
        // Skill 3 is held by everyone, skill 4 by one person: matching the rare one is worth more.
        var vacancy = TestData.Vacancy([3, 4], []);
        var rare = TestData.Profile(1, 3, 4);
        var population = new[] { rare, TestData.Profile(2, 3), TestData.Profile(3, 3), TestData.Profile(4, 3) };

        var result = TestData.Score(rare, vacancy, population);

        var credit = result.MatchedSkills.ToDictionary(m => m.Required.Value, m => m.Credit);
        Assert.Equal(credit[3], credit[4]);
        var onlyCommon = TestData.Score(population[1], vacancy, population);
        Assert.True(result.Breakdown.EssentialSkills - onlyCommon.Breakdown.EssentialSkills > onlyCommon.Breakdown.EssentialSkills);
    }

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(6, 0.5)]
    [InlineData(12, 1.0)]
    [InlineData(120, 1.0)]
    public void Evaluate_Experience_GrowsToTheMinimum(int months, double share)
    {
        var profile = TestData.Profile(1) with { Occupations = [new OccupationExperience(new OccupationId(0), months)] };

        var result = TestData.Score(profile, Welder);

        Assert.Equal(ScoringWeights.Default.Experience * share, result.Breakdown.Experience, 3);
    }

    [Theory]
    [InlineData(CefrLevel.A2, CefrLevel.B1, true)]
    [InlineData(CefrLevel.B1, CefrLevel.B1, false)]
    [InlineData(CefrLevel.B2, CefrLevel.C1, true)]
    [InlineData(CefrLevel.C2, CefrLevel.C1, false)]
    [InlineData(CefrLevel.A1, CefrLevel.A2, true)]
    public void Evaluate_LanguageLevel_ExcludesBelowMinimum(CefrLevel held, CefrLevel minimum, bool excluded)
    {
        var profile = TestData.Profile(1, 0) with { Languages = [new LanguageSkill("ES", held)] };
        var vacancy = Welder with { Languages = [new LanguageRequirement("es", minimum)] };

        var outcome = new Scorer(TestData.Vocabulary).Evaluate(profile, vacancy, SkillRarity.FromProfiles(TestData.Vocabulary, [profile]));

        Assert.Equal(excluded, outcome.IsExcluded);
        if (excluded)
        {
            Assert.Equal(ExclusionReason.LanguageBelowMinimum, Assert.Single(outcome.Exclusions).Reason);
        }
    }

    [Theory]
    [InlineData(CefrLevel.B1, CefrLevel.B1, 0.5)]
    [InlineData(CefrLevel.B2, CefrLevel.B1, 0.75)]
    [InlineData(CefrLevel.C1, CefrLevel.B1, 1.0)]
    [InlineData(CefrLevel.C2, CefrLevel.B1, 1.0)]
    public void Evaluate_LanguageAboveMinimum_ScoresMore(CefrLevel held, CefrLevel minimum, double share)
    {
        var profile = TestData.Profile(1, 0) with { Languages = [new LanguageSkill("es", held)] };
        var vacancy = Welder with { Languages = [new LanguageRequirement("es", minimum)] };

        Assert.Equal(ScoringWeights.Default.Languages * share, TestData.Score(profile, vacancy).Breakdown.Languages, 3);
    }

    [Theory]
    [InlineData("consent", ExclusionReason.NoConsent)]
    [InlineData("language", ExclusionReason.LanguageBelowMinimum)]
    [InlineData("missing-language", ExclusionReason.LanguageBelowMinimum)]
    [InlineData("eqf", ExclusionReason.EqfBelowMinimum)]
    [InlineData("unknown-eqf", ExclusionReason.EqfBelowMinimum)]
    [InlineData("starts-late", ExclusionReason.NotAvailable)]
    [InlineData("ends-early", ExclusionReason.NotAvailable)]
    [InlineData("country", ExclusionReason.CountryNotWanted)]
    [InlineData("fact", ExclusionReason.MissingEligibilityFact)]
    public void Evaluate_FailedFilter_ExcludesWithReason(string failure, ExclusionReason reason)
    {
        var p = TestData.Profile(7, 0, 3);
        p = failure switch
        {
            "consent" => p with { ConsentToMatching = false },
            "language" => p with { Languages = [new LanguageSkill("es", CefrLevel.A2)] },
            "missing-language" => p with { Languages = [new LanguageSkill("fr", CefrLevel.C2)] },
            "eqf" => p with { EqfLevel = 2 },
            "unknown-eqf" => p with { EqfLevel = null },
            "starts-late" => p with { AvailableFrom = TestData.Start.AddDays(1) },
            "ends-early" => p with { AvailableTo = TestData.Start.AddMonths(2) },
            "country" => p with { CountriesWanted = ["FR", "DE"] },
            "fact" => p,
            _ => throw new ArgumentOutOfRangeException(nameof(failure)),
        };
        var vacancy = failure == "fact" ? Welder with { RequiredEligibilityFacts = ["seasonal-2026"] } : Welder;
        using var index = new MatchIndex(TestData.Vocabulary);
        index.Add(p);

        var outcome = index.Explain(vacancy, 7)!;

        Assert.Null(outcome.Result);
        Assert.Equal(reason, Assert.Single(outcome.Exclusions).Reason);
        Assert.Empty(index.TopK(vacancy, 10));
        Assert.False(string.IsNullOrEmpty(outcome.Exclusions[0].Detail));
    }

    [Fact]
    public void Evaluate_SeveralFailedFilters_ListsEveryReason()
    {
        var p = TestData.Profile(1, 0) with { ConsentToMatching = false, EqfLevel = 1, CountriesWanted = ["FR"] };

        var outcome = new Scorer(TestData.Vocabulary).Evaluate(p, Welder, SkillRarity.FromProfiles(TestData.Vocabulary, [p]));

        Assert.Equal(
            [ExclusionReason.NoConsent, ExclusionReason.EqfBelowMinimum, ExclusionReason.CountryNotWanted],
            outcome.Exclusions.Select(e => e.Reason));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("ES", true)]
    [InlineData("FR", false)]
    public void Evaluate_NoCountryWanted_MeansAnyCountry(string? vacancyCountry, bool passesWithSpainOnly)
    {
        var anywhere = TestData.Profile(1, 0) with { CountriesWanted = [] };
        var spainOnly = TestData.Profile(2, 0);
        var vacancy = Welder with { Country = vacancyCountry };
        var scorer = new Scorer(TestData.Vocabulary);
        var rarity = SkillRarity.FromProfiles(TestData.Vocabulary, [anywhere, spainOnly]);

        Assert.False(scorer.Evaluate(anywhere, vacancy, rarity).IsExcluded);
        Assert.Equal(passesWithSpainOnly, !scorer.Evaluate(spainOnly, vacancy, rarity).IsExcluded);
    }

    [Fact]
    public void TopK_EqualScores_BreaksTiesByIdAscending()
    {
        var profiles = new[] { 5L, 3L, 9L, 1L }.Select(id => TestData.Profile(id, 0, 3)).ToArray();

        var top = new Scorer(TestData.Vocabulary).TopK(profiles, Welder, 3);

        Assert.Equal([1L, 3L, 5L], top.Select(r => r.ProfileId));
        Assert.All(top, r => Assert.Equal(top[0].Score, r.Score));
    }

    [Fact]
    public void Evaluate_Breakdown_AddsUpToScore()
    {
        var profile = TestData.Profile(1, 0, 1, 5) with { Occupations = [new OccupationExperience(new OccupationId(1), 7)] };

        var r = TestData.Score(profile, Welder);

        float sum = r.Breakdown.Occupation + r.Breakdown.Experience + r.Breakdown.EssentialSkills + r.Breakdown.OptionalSkills + r.Breakdown.Languages;
        Assert.Equal(r.Score, sum, 3);
        Assert.InRange(r.Score, 0, 100);
    }
}
