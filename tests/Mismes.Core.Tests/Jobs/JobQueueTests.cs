using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Mismes.Core.Jobs;

namespace Mismes.Core.Tests.Jobs;

public sealed class JobQueueTests(JobsDatabase database) : IClassFixture<JobsDatabase>
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task ClaimNext_DueJob_ReturnsItRunningForThisNode()
    {
        var clock = JobsDatabase.NewClock();
        var kind = JobsDatabase.UniqueKind("due");
        await using var db = database.NewContext();
        var queue = JobsDatabase.Queue(db, clock);
        var id = await queue.EnqueueAsync(kind, """{"n":1}""");

        var job = await queue.ClaimNextAsync("node-a", Lease, [kind]);

        Assert.NotNull(job);
        Assert.Equal(id, job.Id);
        Assert.Equal("""{"n":1}""", job.Payload);
        Assert.Equal(1, job.Attempts);
        await using var check = database.NewContext();
        var stored = await check.Set<BackgroundJob>().SingleAsync(j => j.Id == id);
        Assert.Equal(JobStatus.Running, stored.Status);
        Assert.Equal("node-a", stored.ClaimedBy);
        Assert.Equal(clock.GetUtcNow() + Lease, stored.ClaimedUntil);
        Assert.Equal(1, stored.Attempts);
    }

    [Fact]
    public async Task ClaimNext_NotYetDue_ReturnsNullUntilItsTime()
    {
        var clock = JobsDatabase.NewClock();
        var kind = JobsDatabase.UniqueKind("later");
        await using var db = database.NewContext();
        var queue = JobsDatabase.Queue(db, clock);
        var id = await queue.EnqueueAsync(kind, "{}", clock.GetUtcNow().AddMinutes(10));

        var early = await queue.ClaimNextAsync("node-a", Lease, [kind]);
        clock.Advance(TimeSpan.FromMinutes(10));
        var onTime = await queue.ClaimNextAsync("node-a", Lease, [kind]);

        Assert.Null(early);
        Assert.Equal(id, onTime?.Id);
    }

    [Fact]
    public async Task ClaimNext_OldestDueFirst_ThenNothing()
    {
        var clock = JobsDatabase.NewClock();
        var kind = JobsDatabase.UniqueKind("order");
        await using var db = database.NewContext();
        var queue = JobsDatabase.Queue(db, clock);
        var later = await queue.EnqueueAsync(kind, "{}", clock.GetUtcNow().AddMinutes(-1));
        var earlier = await queue.EnqueueAsync(kind, "{}", clock.GetUtcNow().AddMinutes(-2));

        var first = await queue.ClaimNextAsync("node-a", Lease, [kind]);
        var second = await queue.ClaimNextAsync("node-a", Lease, [kind]);
        var third = await queue.ClaimNextAsync("node-a", Lease, [kind]);

        Assert.Equal(earlier, first?.Id);
        Assert.Equal(later, second?.Id);
        Assert.Null(third);
    }

    [Fact]
    public async Task ClaimNext_OtherKinds_AreLeftAlone()
    {
        var clock = JobsDatabase.NewClock();
        var mine = JobsDatabase.UniqueKind("mine");
        var theirs = JobsDatabase.UniqueKind("theirs");
        await using var db = database.NewContext();
        var queue = JobsDatabase.Queue(db, clock);
        await queue.EnqueueAsync(theirs, "{}");

        var claimed = await queue.ClaimNextAsync("node-a", Lease, [mine]);
        var none = await queue.ClaimNextAsync("node-a", Lease, []);
        var theirsClaimed = await queue.ClaimNextAsync("node-b", Lease, [mine, theirs]);

        Assert.Null(claimed);
        Assert.Null(none);
        Assert.Equal(theirs, theirsClaimed?.Kind);
    }

    [Fact]
    public async Task ClaimNext_LeaseExpired_AnotherNodeTakesOverAndFirstNodeCannotComplete()
    {
        var clock = JobsDatabase.NewClock();
        var kind = JobsDatabase.UniqueKind("crash");
        await using var db = database.NewContext();
        var queue = JobsDatabase.Queue(db, clock);
        var id = await queue.EnqueueAsync(kind, "{}");
        await queue.ClaimNextAsync("node-a", Lease, [kind]);

        var whileLeased = await queue.ClaimNextAsync("node-b", Lease, [kind]);
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var afterExpiry = await queue.ClaimNextAsync("node-b", Lease, [kind]);
        var staleCompleted = await queue.CompleteAsync(id, "node-a");
        var completed = await queue.CompleteAsync(id, "node-b");

        Assert.Null(whileLeased);
        Assert.Equal(id, afterExpiry?.Id);
        Assert.Equal(2, afterExpiry?.Attempts);
        Assert.False(staleCompleted);
        Assert.True(completed);
        await using var check = database.NewContext();
        var stored = await check.Set<BackgroundJob>().SingleAsync(j => j.Id == id);
        Assert.Equal(JobStatus.Succeeded, stored.Status);
        Assert.Equal("node-b", stored.ClaimedBy);
        Assert.Equal(clock.GetUtcNow(), stored.FinishedAt);
    }

    [Fact]
    public async Task RenewLease_HeldJob_KeepsOtherNodesOut()
    {
        var clock = JobsDatabase.NewClock();
        var kind = JobsDatabase.UniqueKind("renew");
        await using var db = database.NewContext();
        var queue = JobsDatabase.Queue(db, clock);
        var id = await queue.EnqueueAsync(kind, "{}");
        await queue.ClaimNextAsync("node-a", Lease, [kind]);

        clock.Advance(Lease - TimeSpan.FromSeconds(1));
        var renewed = await queue.RenewLeaseAsync(id, "node-a", Lease);
        var renewedByOther = await queue.RenewLeaseAsync(id, "node-b", Lease);
        clock.Advance(TimeSpan.FromSeconds(2));
        var stolen = await queue.ClaimNextAsync("node-b", Lease, [kind]);

        Assert.True(renewed);
        Assert.False(renewedByOther);
        Assert.Null(stolen);
    }

    [Fact]
    public async Task Fail_BeforeLastAttempt_WaitsBackoffThenRunsAgain()
    {
        var clock = JobsDatabase.NewClock();
        var kind = JobsDatabase.UniqueKind("retry");
        var options = new JobOptions { MaxAttempts = 3, RetryBackoff = TimeSpan.FromSeconds(30) };
        await using var db = database.NewContext();
        var queue = JobsDatabase.Queue(db, clock, options);
        var id = await queue.EnqueueAsync(kind, "{}");
        await queue.ClaimNextAsync("node-a", Lease, [kind]);

        var status = await queue.FailAsync(id, "node-a", "Upstream timed out.");
        var tooEarly = await queue.ClaimNextAsync("node-a", Lease, [kind]);
        clock.Advance(TimeSpan.FromSeconds(30));
        var retried = await queue.ClaimNextAsync("node-b", Lease, [kind]);

        Assert.Equal(JobStatus.Pending, status);
        Assert.Null(tooEarly);
        Assert.Equal(id, retried?.Id);
        Assert.Equal(2, retried?.Attempts);
        Assert.Equal("Upstream timed out.", retried?.LastError);
    }

    [Fact]
    public async Task Fail_OnLastAttempt_MarksFailedForGood()
    {
        var clock = JobsDatabase.NewClock();
        var kind = JobsDatabase.UniqueKind("dead");
        var options = new JobOptions { MaxAttempts = 2, RetryBackoff = TimeSpan.FromSeconds(10) };
        await using var db = database.NewContext();
        var queue = JobsDatabase.Queue(db, clock, options);
        var id = await queue.EnqueueAsync(kind, "{}");

        await queue.ClaimNextAsync("node-a", Lease, [kind]);
        var first = await queue.FailAsync(id, "node-a", "boom");
        clock.Advance(TimeSpan.FromSeconds(10));
        await queue.ClaimNextAsync("node-a", Lease, [kind]);
        var second = await queue.FailAsync(id, "node-a", "boom again");
        clock.Advance(TimeSpan.FromDays(1));
        var afterwards = await queue.ClaimNextAsync("node-a", Lease, [kind]);

        Assert.Equal(JobStatus.Pending, first);
        Assert.Equal(JobStatus.Failed, second);
        Assert.Null(afterwards);
        await using var check = database.NewContext();
        var stored = await check.Set<BackgroundJob>().SingleAsync(j => j.Id == id);
        Assert.Equal(JobStatus.Failed, stored.Status);
        Assert.Equal(2, stored.Attempts);
        Assert.Equal("boom again", stored.LastError);
        Assert.NotNull(stored.FinishedAt);
    }

    [Fact]
    public async Task Fail_ByNodeThatDoesNotHoldTheJob_ChangesNothing()
    {
        var clock = JobsDatabase.NewClock();
        var kind = JobsDatabase.UniqueKind("notheld");
        await using var db = database.NewContext();
        var queue = JobsDatabase.Queue(db, clock);
        var id = await queue.EnqueueAsync(kind, "{}");
        await queue.ClaimNextAsync("node-a", Lease, [kind]);

        var status = await queue.FailAsync(id, "node-b", "not mine");

        Assert.Null(status);
        await using var check = database.NewContext();
        Assert.Equal(JobStatus.Running, (await check.Set<BackgroundJob>().SingleAsync(j => j.Id == id)).Status);
    }

    [Fact]
    public async Task Release_ShuttingDownNode_GivesJobBackWithoutCountingTheRun()
    {
        var clock = JobsDatabase.NewClock();
        var kind = JobsDatabase.UniqueKind("release");
        await using var db = database.NewContext();
        var queue = JobsDatabase.Queue(db, clock);
        var id = await queue.EnqueueAsync(kind, "{}");
        await queue.ClaimNextAsync("node-a", Lease, [kind]);

        var released = await queue.ReleaseAsync(id, "node-a");
        var again = await queue.ClaimNextAsync("node-b", Lease, [kind]);

        Assert.True(released);
        Assert.Equal(id, again?.Id);
        Assert.Equal(1, again?.Attempts);
    }

    [Fact]
    public async Task FailAbandoned_LeaseExpiredOnLastAttempt_MarksFailed()
    {
        var clock = JobsDatabase.NewClock();
        var kind = JobsDatabase.UniqueKind("abandoned");
        await using var db = database.NewContext();
        var queue = JobsDatabase.Queue(db, clock, new JobOptions { MaxAttempts = 1 });
        var id = await queue.EnqueueAsync(kind, "{}");
        await queue.ClaimNextAsync("node-a", Lease, [kind]);

        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var reclaimed = await queue.ClaimNextAsync("node-b", Lease, [kind]);
        var failed = await queue.FailAbandonedAsync();

        Assert.Null(reclaimed);
        Assert.True(failed >= 1);
        await using var check = database.NewContext();
        var stored = await check.Set<BackgroundJob>().SingleAsync(j => j.Id == id);
        Assert.Equal(JobStatus.Failed, stored.Status);
        Assert.Null(stored.ClaimedUntil);
    }

    [Fact]
    public async Task Add_WithoutSaving_IsNotClaimableUntilTheUnitOfWorkCommits()
    {
        var clock = JobsDatabase.NewClock();
        var kind = JobsDatabase.UniqueKind("outbox");
        await using var db = database.NewContext();
        var queue = JobsDatabase.Queue(db, clock);
        await using var other = database.NewContext();
        var otherQueue = JobsDatabase.Queue(other, clock);

        queue.Add(kind, "{}");
        var beforeSave = await otherQueue.ClaimNextAsync("node-b", Lease, [kind]);
        await db.SaveChangesAsync();
        var afterSave = await otherQueue.ClaimNextAsync("node-b", Lease, [kind]);

        Assert.Null(beforeSave);
        Assert.NotNull(afterSave);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"open\":")]
    public async Task Enqueue_PayloadNotJson_Throws(string payload)
    {
        await using var db = database.NewContext();
        var queue = JobsDatabase.Queue(db, JobsDatabase.NewClock());

        await Assert.ThrowsAsync<ArgumentException>(() => queue.EnqueueAsync("test.bad", payload));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task Enqueue_BlankKind_Throws(string kind)
    {
        await using var db = database.NewContext();
        var queue = JobsDatabase.Queue(db, JobsDatabase.NewClock());

        await Assert.ThrowsAsync<ArgumentException>(() => queue.EnqueueAsync(kind, "{}"));
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(5, 480)]
    [InlineData(8, 3600)]
    [InlineData(40, 3600)]
    public void Backoff_Attempts_DoublesUpToTheCap(int attempts, int expectedSeconds)
    {
        var options = new JobOptions { RetryBackoff = TimeSpan.FromSeconds(30), MaxRetryBackoff = TimeSpan.FromHours(1) };

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), JobQueue.Backoff(attempts, options));
    }

    [Fact]
    public void DescribeError_OrdinaryException_KeepsTypeNotMessage()
    {
        var described = JobQueue.DescribeError(new InvalidOperationException("Person Fatima Zahra, born 1990-01-01"));
        var safe = JobQueue.DescribeError(new JobFailedException("Export file too large."));

        Assert.Equal("System.InvalidOperationException", described);
        Assert.Equal("Export file too large.", safe);
    }

    [Fact]
    public async Task ClaimNext_ConcurrentClaimers_ClaimEachJobExactlyOnce()
    {
        const int jobs = 120;
        const int claimers = 6;
        var clock = JobsDatabase.NewClock();
        var kind = JobsDatabase.UniqueKind("race");
        await using (var db = database.NewContext())
        {
            var queue = JobsDatabase.Queue(db, clock);
            for (var i = 0; i < jobs; i++)
            {
                queue.Add(kind, $$"""{"n":{{i}}}""");
            }

            await db.SaveChangesAsync();
        }

        var claims = new ConcurrentBag<(long Id, string Node)>();
        var tasks = Enumerable.Range(0, claimers).Select(c => Task.Run(async () =>
        {
            var node = $"node-{c}";
            while (true)
            {
                // A context per claim, as the runner does: each claim is its own unit of work.
                await using var db = database.NewContext();
                var job = await JobsDatabase.Queue(db, clock).ClaimNextAsync(node, Lease, [kind]);
                if (job is null)
                {
                    return;
                }

                claims.Add((job.Id, node));
            }
        }));
        await Task.WhenAll(tasks);

        Assert.Equal(jobs, claims.Count);
        Assert.Equal(jobs, claims.Select(c => c.Id).Distinct().Count());
        await using var check = database.NewContext();
        var stored = await check.Set<BackgroundJob>().Where(j => j.Kind == kind).ToListAsync();
        Assert.All(stored, j => Assert.Equal((JobStatus.Running, 1), (j.Status, j.Attempts)));
        Assert.Equal(
            claims.ToDictionary(c => c.Id, c => c.Node),
            stored.ToDictionary(j => j.Id, j => j.ClaimedBy!));
    }
}
