using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Mismes.Core.Data;
using Mismes.Core.Seeding;

namespace Mismes.Core.Jobs;

/// <summary>
/// Deletes finished jobs older than <see cref="JobOptions.KeepFinished"/>, then schedules its own next run a day
/// later, so the jobs table stays small without any node being special.
/// </summary>
internal sealed class PurgeFinishedJobsHandler(AppDbContext db, JobQueue queue, TimeProvider clock, IOptions<JobOptions> options) : IJobHandler
{
    public const string JobKind = "jobs.purge-finished";

    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    public string Kind => JobKind;

    public async Task HandleAsync(string payload, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - options.Value.KeepFinished;
        await db.Set<BackgroundJob>()
            .Where(j => (j.Status == JobStatus.Succeeded || j.Status == JobStatus.Failed) && j.FinishedAt < cutoff)
            .ExecuteDeleteAsync(ct);

        // Idempotent: a re-run (the node died before recording success) does not schedule a second purge.
        if (!await db.Set<BackgroundJob>().AnyAsync(j => j.Kind == JobKind && j.Status == JobStatus.Pending, ct))
        {
            await queue.EnqueueAsync(JobKind, "{}", now + Interval, ct);
        }
    }
}

/// <summary>Puts the first purge on the schedule when none is waiting or running (after every migration).</summary>
internal sealed class PurgeFinishedJobsSchedule(AppDbContext db, JobQueue queue, TimeProvider clock) : IReferenceDataSeeder
{
    public int Order => 1000;

    public async Task SeedAsync(CancellationToken ct)
    {
        var scheduled = await db.Set<BackgroundJob>().AnyAsync(
            j => j.Kind == PurgeFinishedJobsHandler.JobKind && (j.Status == JobStatus.Pending || j.Status == JobStatus.Running),
            ct);
        if (!scheduled)
        {
            await queue.EnqueueAsync(PurgeFinishedJobsHandler.JobKind, "{}", clock.GetUtcNow() + TimeSpan.FromHours(1), ct);
        }
    }
}

public static class CoreJobs
{
    /// <summary>The job queue and the jobs Core itself runs.</summary>
    public static IServiceCollection AddCoreJobs(this IServiceCollection services)
    {
        services.AddOptions<JobOptions>();
        services.AddScoped<JobQueue>();
        services.AddJobHandler<PurgeFinishedJobsHandler>();
        services.AddScoped<IReferenceDataSeeder, PurgeFinishedJobsSchedule>();
        return services;
    }
}
