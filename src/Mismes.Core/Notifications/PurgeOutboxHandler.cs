using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mismes.Core.Data;
using Mismes.Core.Jobs;
using Mismes.Core.Seeding;

namespace Mismes.Core.Notifications;

/// <summary>
/// Deletes sent and failed messages, and captured development mail, older than <see cref="SmtpOptions.KeepFinished"/>,
/// then schedules itself a day later (the same pattern as the job queue's own purge): the outbox holds recipients'
/// addresses, which are kept no longer than staff need to answer "did my message go?".
/// </summary>
internal sealed class PurgeOutboxHandler(AppDbContext db, JobQueue jobs, TimeProvider clock, IOptions<SmtpOptions> options) : IJobHandler
{
    public const string JobKind = "notifications.purge";

    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    public string Kind => JobKind;

    public async Task HandleAsync(string payload, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - options.Value.KeepFinished;
        await db.Set<OutboxMessage>()
            .Where(m => (m.Status == OutboxStatus.Sent && m.SentAt < cutoff) || (m.Status == OutboxStatus.Failed && m.FailedAt < cutoff))
            .ExecuteDeleteAsync(ct);
        await db.Set<CapturedMail>().Where(m => m.ReceivedAt < cutoff).ExecuteDeleteAsync(ct);

        // Idempotent: a re-run (its node died before recording success) does not schedule a second purge.
        if (!await db.Set<BackgroundJob>().AnyAsync(j => j.Kind == JobKind && j.Status == JobStatus.Pending, ct))
        {
            await jobs.EnqueueAsync(JobKind, "{}", now + Interval, ct);
        }
    }
}

/// <summary>Puts the first outbox purge on the schedule when none is waiting or running (after every migration).</summary>
internal sealed class PurgeOutboxSchedule(AppDbContext db, JobQueue jobs, TimeProvider clock) : IReferenceDataSeeder
{
    public int Order => 1002;

    public async Task SeedAsync(CancellationToken ct)
    {
        var scheduled = await db.Set<BackgroundJob>().AnyAsync(
            j => j.Kind == PurgeOutboxHandler.JobKind && (j.Status == JobStatus.Pending || j.Status == JobStatus.Running),
            ct);
        if (!scheduled)
        {
            await jobs.EnqueueAsync(PurgeOutboxHandler.JobKind, "{}", clock.GetUtcNow() + TimeSpan.FromHours(2), ct);
        }
    }
}
