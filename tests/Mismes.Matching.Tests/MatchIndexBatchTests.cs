using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mismes.Matching;

namespace Mismes.Matching.Tests;

/// <summary>The batch path (workers pulling chunks, one reused query context each) against single queries and brute force.</summary>
public class MatchIndexBatchTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 50)]
    [InlineData(2, 1)]
    [InlineData(2, 3)]
    [InlineData(2, 257)]
    [InlineData(3, 100)]
    [InlineData(-1, 300)]
    public void TopKBatch_WorkersAndSizes_EqualsBruteForce(int workers, int count)
    {
        var world = new RandomWorld(31 + count);
        var profiles = Enumerable.Range(0, 400).Select(_ => world.NextProfile()).ToList();
        using var index = new MatchIndex(world.Vocabulary) { CheckpointMinimumPostings = 0 };
        index.AddRange(profiles);
        var vacancies = Enumerable.Range(0, count).Select(_ => world.NextVacancy()).ToArray();
        var scorer = new Scorer(world.Vocabulary);

        var batch = index.TopKBatch(vacancies, 12, workers);

        Assert.Equal(count, batch.Length);
        for (int i = 0; i < count; i++)
        {
            MatchIndexTests.AssertSame(scorer.TopK(profiles, vacancies[i], 12), batch[i]);
        }
    }

    [Fact]
    public void TopKBatch_Streaming_ReportsEachVacancyOnceWithItsResult()
    {
        var world = new RandomWorld(8);
        using var index = new MatchIndex(world.Vocabulary);
        index.AddRange(Enumerable.Range(0, 300).Select(_ => world.NextProfile()));
        var vacancies = Enumerable.Range(0, 333).Select(_ => world.NextVacancy()).ToArray();
        var seen = new ConcurrentDictionary<int, IReadOnlyList<MatchResult>>();

        index.TopKBatch(vacancies, 7, (i, result) => Assert.True(seen.TryAdd(i, result), $"vacancy {i} reported twice"));

        Assert.Equal(Enumerable.Range(0, vacancies.Length), seen.Keys.Order());
        for (int i = 0; i < vacancies.Length; i++)
        {
            MatchIndexTests.AssertSame(index.TopK(vacancies[i], 7), seen[i]);
        }
    }

    [Fact]
    public void TopKBatch_NoVacancies_ReturnsEmpty()
    {
        var world = new RandomWorld(3);
        using var index = new MatchIndex(world.Vocabulary);
        index.AddRange(Enumerable.Range(0, 20).Select(_ => world.NextProfile()));

        Assert.Empty(index.TopKBatch([], 5));
    }

    [Fact]
    public void TopKBatch_InvalidVacancy_ThrowsAndStopsTheOtherWorkers()
    {
        var world = new RandomWorld(4);
        using var index = new MatchIndex(world.Vocabulary);
        index.AddRange(Enumerable.Range(0, 200).Select(_ => world.NextProfile()));
        var vacancies = Enumerable.Range(0, 2000).Select(_ => world.NextVacancy()).ToArray();
        vacancies[0] = vacancies[0] with { EssentialSkills = [new SkillId(world.Vocabulary.SkillCount + 5)] };
        int reported = 0;

        var error = Assert.Throws<AggregateException>(() => index.TopKBatch(vacancies, 5, (_, _) => Interlocked.Increment(ref reported), 2));

        Assert.Contains(error.InnerExceptions, e => e is ArgumentException);
        Assert.True(reported < vacancies.Length, $"all {reported} other vacancies ran after the failure");
    }

    [Fact]
    public void TopKBatch_WithConcurrentWriter_EveryResultIsConsistentAndTheIndexStaysUsable()
    {
        var world = new RandomWorld(91);
        using var index = new MatchIndex(world.Vocabulary);
        index.AddRange(Enumerable.Range(0, 300).Select(_ => world.NextProfile()));
        var vacancies = Enumerable.Range(0, 400).Select(_ => world.NextVacancy()).ToArray();
        var extra = Enumerable.Range(0, 400).Select(_ => world.NextProfile()).ToArray();

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
        var batch = index.TopKBatch(vacancies, 10, 2);
        writer.Wait();

        foreach (var top in batch)
        {
            Assert.True(top.Count <= 10);
            Assert.Equal(top.OrderByDescending(r => r.Score).ThenBy(r => r.ProfileId).Select(r => r.ProfileId), top.Select(r => r.ProfileId));
        }

        var after = index.TopKBatch(vacancies, 10, 2);
        for (int i = 0; i < vacancies.Length; i++)
        {
            MatchIndexTests.AssertSame(index.TopK(vacancies[i], 10), after[i]);
        }
    }

    [Property(MaxTest = 60)]
    public Property TopKBatch_RandomData_EqualsBruteForce(PositiveInt seed, bool prune, bool wide)
    {
        var world = new RandomWorld(seed.Get, wide);
        var profiles = Enumerable.Range(0, world.Random.Next(0, 200)).Select(_ => world.NextProfile()).ToList();
        using var index = new MatchIndex(world.Vocabulary) { CheckpointMinimumPostings = prune ? 0 : int.MaxValue / 2 };
        index.AddRange(profiles);
        var vacancies = Enumerable.Range(0, world.Random.Next(1, 40)).Select(_ => world.NextVacancy()).ToArray();
        int k = world.Random.Next(1, 30);
        var scorer = new Scorer(world.Vocabulary);

        var batch = index.TopKBatch(vacancies, k, world.Random.Next(1, 4));

        for (int i = 0; i < vacancies.Length; i++)
        {
            MatchIndexTests.AssertSame(scorer.TopK(profiles, vacancies[i], k), batch[i]);
        }

        return true.ToProperty();
    }
}
