using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mismes.Core.Data;
using Mismes.Core.Jobs;

namespace Mismes.Core.Tests.Jobs;

public sealed class PurgeFinishedJobsTests(JobsDatabase database) : IClassFixture<JobsDatabase>
{
    private static readonly JobOptions Options = new() { KeepFinished = TimeSpan.FromDays(30) };

    [Fact]
    public async Task Handle_FinishedLongAgo_DeletesOnlyThose()
    {
        var clock = JobsDatabase.NewClock();
        var now = clock.GetUtcNow();
        var kind = JobsDatabase.UniqueKind("purge");
        long oldSucceeded, oldFailed, recent, pending, running;
        await using (var db = database.NewContext())
        {
            oldSucceeded = await AddAsync(db, kind, JobStatus.Succeeded, now.AddDays(-31));
            oldFailed = await AddAsync(db, kind, JobStatus.Failed, now.AddDays(-45));
            recent = await AddAsync(db, kind, JobStatus.Succeeded, now.AddDays(-29));
            pending = await AddAsync(db, kind, JobStatus.Pending, null);
            running = await AddAsync(db, kind, JobStatus.Running, null);
        }

        await using (var db = database.NewContext())
        {
            await Handler(db, clock).HandleAsync("{}", CancellationToken.None);
        }

        await using var check = database.NewContext();
        var left = await check.Set<BackgroundJob>().Where(j => j.Kind == kind).Select(j => j.Id).ToListAsync();
        Assert.Equal(new[] { recent, pending, running }.Order(), left.Order());
        Assert.DoesNotContain(oldSucceeded, left);
        Assert.DoesNotContain(oldFailed, left);
    }

    [Fact]
    public async Task Handle_RunTwice_SchedulesOneNextRunADayLater()
    {
        var clock = JobsDatabase.NewClock();

        for (var run = 0; run < 2; run++)
        {
            await using var db = database.NewContext();
            await Handler(db, clock).HandleAsync("{}", CancellationToken.None);
        }

        await using var check = database.NewContext();
        var next = await check.Set<BackgroundJob>()
            .Where(j => j.Kind == PurgeFinishedJobsHandler.JobKind && j.Status == JobStatus.Pending)
            .ToListAsync();
        var job = Assert.Single(next);
        Assert.Equal(clock.GetUtcNow() + PurgeFinishedJobsHandler.Interval, job.RunAfter);
    }

    private static PurgeFinishedJobsHandler Handler(AppDbContext db, TimeProvider clock) =>
        new(db, JobsDatabase.Queue(db, clock, Options), clock, Microsoft.Extensions.Options.Options.Create(Options));

    private static async Task<long> AddAsync(AppDbContext db, string kind, JobStatus status, DateTimeOffset? finishedAt)
    {
        var job = new BackgroundJob
        {
            Kind = kind,
            Payload = "{}",
            Status = status,
            Attempts = 1,
            MaxAttempts = 5,
            RunAfter = (finishedAt ?? DateTimeOffset.UnixEpoch).ToUniversalTime(),
            CreatedAt = (finishedAt ?? DateTimeOffset.UnixEpoch).ToUniversalTime(),
            FinishedAt = finishedAt,
        };
        db.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }
}
