using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mismes.Matching;

namespace Mismes.Matching.Tests;

public class MatchIndexTests
{
    private static readonly VacancyRequirements Welder = TestData.Vacancy([0, 3, 4], [5]);

    [Fact]
    public void TopK_AfterAdd_FindsBestFirst()
    {
        using var index = new MatchIndex(TestData.Vocabulary);
        index.Add(TestData.Profile(1, 0));
        index.Add(TestData.Profile(2, 0, 3, 4));
        index.Add(TestData.Profile(3, 9));

        var top = index.TopK(Welder, 2);

        Assert.Equal([2L, 1L], top.Select(r => r.ProfileId));
        Assert.Equal(3, index.Count);
    }

    [Fact]
    public void TopK_ProfileMatchingNothing_IsNotRanked()
    {
        using var index = new MatchIndex(TestData.Vocabulary);
        index.Add(TestData.Profile(1, 9) with { Occupations = [new OccupationExperience(new OccupationId(4), 60)] });
        index.Add(TestData.Profile(2, 9, 3));

        Assert.Equal([2L], index.TopK(Welder, 10).Select(r => r.ProfileId));
        Assert.Equal(ScoringWeights.Default.Languages * 0.75, index.Explain(Welder, 1)!.Result!.Score, 3);
    }

    [Fact]
    public void Update_ChangedSkills_ChangesRanking()
    {
        using var index = new MatchIndex(TestData.Vocabulary);
        index.Add(TestData.Profile(1, 0, 3));
        index.Add(TestData.Profile(2, 0));

        index.Update(TestData.Profile(2, 0, 3, 4));

        Assert.Equal([2L, 1L], index.TopK(Welder, 5).Select(r => r.ProfileId));
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public void Remove_Profile_DisappearsFromResultsAndRarity()
    {
        using var index = new MatchIndex(TestData.Vocabulary);
        index.Add(TestData.Profile(1, 4));
        index.Add(TestData.Profile(2, 0));

        Assert.True(index.Remove(1));

        Assert.Equal([2L], index.TopK(Welder, 5).Select(r => r.ProfileId));
        Assert.Equal(0, index.Rarity.DocumentFrequency(new SkillId(4)));
        Assert.Null(index.Explain(Welder, 1));
        Assert.False(index.Remove(1));
    }

    [Fact]
    public void Add_ExistingId_Throws()
    {
        using var index = new MatchIndex(TestData.Vocabulary);
        index.Add(TestData.Profile(1, 0));

        Assert.Throws<ArgumentException>(() => index.Add(TestData.Profile(1, 3)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10)]
    public void Add_UnknownSkill_Throws(int skill)
    {
        using var index = new MatchIndex(TestData.Vocabulary);

        Assert.Throws<ArgumentOutOfRangeException>(() => index.Add(TestData.Profile(1, skill)));
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void TopK_Result_ExplainsMatchesAndGap()
    {
        using var index = new MatchIndex(TestData.Vocabulary);
        index.Add(TestData.Profile(1, 1, 5));

        var result = Assert.Single(index.TopK(Welder, 1));

        Assert.Equal([new SkillId(3), new SkillId(4)], result.MissingEssentialSkills);
        Assert.Contains(result.MatchedSkills, m => m.Required.Value == 0 && m.Held.Value == 1 && m.Kind == SkillMatchKind.ViaNarrower);
        Assert.Contains(result.MatchedSkills, m => m.Required.Value == 5 && !m.Essential);
        var explained = index.Explain(Welder, 1)!.Result!;
        Assert.Equal((result.Score, result.Breakdown), (explained.Score, explained.Breakdown));
        Assert.Equal(result.MatchedSkills, explained.MatchedSkills);
    }

    [Fact]
    public void Get_StoredProfile_RoundTrips()
    {
        var p = TestData.Profile(42, 3, 0) with { Occupations = [new OccupationExperience(new OccupationId(2), 30)] };
        using var index = new MatchIndex(TestData.Vocabulary);
        index.Add(p);

        var stored = index.Get(42)!;

        Assert.Equal([0, 3], stored.Skills.Select(s => s.Skill.Value));
        Assert.Equal(p.Occupations, stored.Occupations);
        Assert.Equal(p.Languages, stored.Languages);
        Assert.Equal(p.CountriesWanted, stored.CountriesWanted);
        Assert.Equal(p.EligibilityFacts, stored.EligibilityFacts);
        Assert.Equal((p.EqfLevel, p.AvailableFrom, p.AvailableTo, p.ConsentToMatching), (stored.EqfLevel, stored.AvailableFrom, stored.AvailableTo, stored.ConsentToMatching));
    }

    [Fact]
    public void Remove_ManyProfiles_CompactsAndStaysExact()
    {
        var world = new RandomWorld(11);
        var profiles = Enumerable.Range(0, 3000).Select(_ => world.NextProfile()).ToList();
        using var index = new MatchIndex(world.Vocabulary);
        index.AddRange(profiles);
        long before = index.MemoryBytes;

        foreach (var p in profiles.Where((_, i) => i % 3 != 0).ToList())
        {
            index.Remove(p.Id);
            profiles.Remove(p);
        }

        Assert.True(index.MemoryBytes < before, "compaction should shrink the index");
        var vacancy = world.NextVacancy();
        AssertSame(new Scorer(world.Vocabulary).TopK(profiles, vacancy, 25), index.TopK(vacancy, 25));
    }

    [Fact]
    public void TopKBatch_ManyVacancies_EqualsOneByOne()
    {
        var world = new RandomWorld(5);
        using var index = new MatchIndex(world.Vocabulary);
        index.AddRange(Enumerable.Range(0, 500).Select(_ => world.NextProfile()));
        var vacancies = Enumerable.Range(0, 40).Select(_ => world.NextVacancy()).ToArray();

        var batch = index.TopKBatch(vacancies, 10);

        for (int i = 0; i < vacancies.Length; i++)
        {
            AssertSame(index.TopK(vacancies[i], 10), batch[i]);
        }
    }

    [Fact]
    public void TopK_LargePopulation_PrunesAndStaysExact()
    {
        var world = new RandomWorld(2024);
        var profiles = Enumerable.Range(0, 4000).Select(_ => world.NextProfile()).ToList();
        using var index = new MatchIndex(world.Vocabulary) { CheckpointMinimumPostings = 0 };
        index.AddRange(profiles);
        var scorer = new Scorer(world.Vocabulary);

        for (int i = 0; i < 30; i++)
        {
            var vacancy = world.NextVacancy() with { RequiredEligibilityFacts = [], StartDate = null };
            AssertSame(scorer.TopK(profiles, vacancy, 10), index.TopK(vacancy, 10));
        }

        Assert.True(index.PrunedQueries > 0, "no query was pruned");
    }

    [Fact]
    public void TopK_ConcurrentReadersAndOneWriter_StayConsistent()
    {
        var world = new RandomWorld(77);
        using var index = new MatchIndex(world.Vocabulary);
        index.AddRange(Enumerable.Range(0, 300).Select(_ => world.NextProfile()));
        var vacancies = Enumerable.Range(0, 20).Select(_ => world.NextVacancy()).ToArray();
        var extra = Enumerable.Range(0, 300).Select(_ => world.NextProfile()).ToArray();

        var writer = Task.Run(() =>
        {
            foreach (var p in extra)
            {
                index.Add(p);
            }

            foreach (var p in extra.Where((_, i) => i % 2 == 0))
            {
                index.Remove(p.Id);
            }
        });
        Parallel.For(0, 200, i =>
        {
            var top = index.TopK(vacancies[i % vacancies.Length], 10);
            Assert.True(top.Count <= 10);
            Assert.Equal(top.OrderByDescending(r => r.Score).ThenBy(r => r.ProfileId).Select(r => r.ProfileId), top.Select(r => r.ProfileId));
        });
        writer.Wait();

        Assert.Equal(450, index.Count);
    }

    [Property(MaxTest = 200)]
    public Property TopK_RandomData_EqualsBruteForce(PositiveInt seed, bool prune)
    {
        var world = new RandomWorld(seed.Get);
        var profiles = Enumerable.Range(0, world.Random.Next(0, 150)).Select(_ => world.NextProfile()).ToList();
        using var index = new MatchIndex(world.Vocabulary) { CheckpointMinimumPostings = prune ? 0 : int.MaxValue / 2 };
        index.AddRange(profiles);
        return CheckAll(world, index, profiles).ToProperty();
    }

    [Property(MaxTest = 100)]
    public Property TopK_ManyLanguagesCountriesAndFacts_EqualsBruteForce(PositiveInt seed)
    {
        var world = new RandomWorld(seed.Get, wide: true);
        var profiles = Enumerable.Range(0, world.Random.Next(0, 200)).Select(_ => world.NextProfile()).ToList();
        using var index = new MatchIndex(world.Vocabulary);
        index.AddRange(profiles);
        return CheckAll(world, index, profiles).ToProperty();
    }

    [Property(MaxTest = 100)]
    public Property TopK_AfterRemovalsAndUpdates_EqualsBruteForce(PositiveInt seed)
    {
        var world = new RandomWorld(seed.Get);
        var profiles = Enumerable.Range(0, world.Random.Next(1, 150)).Select(_ => world.NextProfile()).ToList();
        using var index = new MatchIndex(world.Vocabulary) { CheckpointMinimumPostings = 0 };
        index.AddRange(profiles);
        for (int i = 0; i < profiles.Count; i++)
        {
            double roll = world.Random.NextDouble();
            if (roll < 0.2)
            {
                index.Remove(profiles[i].Id);
                profiles.RemoveAt(i--);
            }
            else if (roll < 0.35)
            {
                profiles[i] = world.NextProfile(profiles[i].Id);
                index.Update(profiles[i]);
            }
        }

        return CheckAll(world, index, profiles).ToProperty();
    }

    private static bool CheckAll(RandomWorld world, MatchIndex index, List<CandidateProfile> profiles)
    {
        var scorer = new Scorer(world.Vocabulary);
        for (int v = 0; v < 5; v++)
        {
            var vacancy = world.NextVacancy();
            int k = world.Random.Next(1, 40);
            AssertSame(scorer.TopK(profiles, vacancy, k), index.TopK(vacancy, k));
        }

        return true;
    }

    internal static void AssertSame(IReadOnlyList<MatchResult> expected, IReadOnlyList<MatchResult> actual)
    {
        Assert.Equal(expected.Select(r => (r.ProfileId, r.Score)), actual.Select(r => (r.ProfileId, r.Score)));
        Assert.Equal(expected.Select(r => r.Breakdown), actual.Select(r => r.Breakdown));
        Assert.Equal(expected.Select(r => string.Join(',', r.MissingEssentialSkills)), actual.Select(r => string.Join(',', r.MissingEssentialSkills)));
    }
}
