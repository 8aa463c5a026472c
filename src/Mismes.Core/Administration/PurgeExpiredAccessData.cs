using Microsoft.EntityFrameworkCore;
using Mismes.Core.Data;
using Mismes.Core.Jobs;
using Mismes.Core.Seeding;

namespace Mismes.Core.Administration;

/// <summary>
/// Deletes ended sessions and sign-in failures older than the throttle's window every hour, then schedules its own
/// next run. Both are ignored once expired anyway; this keeps the tables small and forgets client addresses.
/// </summary>
internal sealed class PurgeExpiredAccessDataHandler(
    UserSessions sessions, SignInThrottle throttle, AppDbContext db, JobQueue queue, TimeProvider clock) : IJobHandler
{
    public const string JobKind = "administration.purge-expired";

    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public string Kind => JobKind;

    public async Task HandleAsync(string payload, CancellationToken ct)
    {
        await sessions.DeleteExpiredAsync(ct);
        await throttle.DeleteExpiredAsync(ct);

        // Idempotent: a re-run (the node died before recording success) does not schedule a second purge.
        if (!await db.Set<BackgroundJob>().AnyAsync(j => j.Kind == JobKind && j.Status == JobStatus.Pending, ct))
        {
            await queue.EnqueueAsync(JobKind, "{}", clock.GetUtcNow() + Interval, ct);
        }
    }
}

/// <summary>Puts the first purge on the schedule when none is waiting or running (after every migration).</summary>
internal sealed class PurgeExpiredAccessDataSchedule(AppDbContext db, JobQueue queue, TimeProvider clock) : IReferenceDataSeeder
{
    public int Order => 1000;

    public async Task SeedAsync(CancellationToken ct)
    {
        var scheduled = await db.Set<BackgroundJob>().AnyAsync(
            j => j.Kind == PurgeExpiredAccessDataHandler.JobKind && (j.Status == JobStatus.Pending || j.Status == JobStatus.Running),
            ct);
        if (!scheduled)
        {
            await queue.EnqueueAsync(PurgeExpiredAccessDataHandler.JobKind, "{}", clock.GetUtcNow() + PurgeExpiredAccessDataHandler.Interval, ct);
        }
    }
}
