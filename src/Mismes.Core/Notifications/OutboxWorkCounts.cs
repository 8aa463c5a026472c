using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Data;

namespace Mismes.Core.Notifications;

/// <summary>Messages of the user's institution (administrators: all) that need someone to look at the outbox.</summary>
public sealed record OutboxWork(int FailedRecently, int QueuedTooLong);

/// <summary>Counts for the Notifications part of the work queue; counts only, no address is disclosed.</summary>
public sealed class OutboxWorkCounts(AppDbContext db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>Failed messages stay on the queue this long: after that they are history, not work.</summary>
    public static readonly TimeSpan FailedWindow = TimeSpan.FromDays(7);

    /// <summary>The sender runs every minute; a message still queued after an hour is stuck (retries, an SMTP outage).</summary>
    public static readonly TimeSpan QueuedTooLong = TimeSpan.FromHours(1);

    public async Task<OutboxWork> CountAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var failedSince = now - FailedWindow;
        var queuedBefore = now - QueuedTooLong;
        var visible = db.Set<OutboxMessage>().VisibleTo(user, m => m.InstitutionId);
        var failed = await visible.CountAsync(m => m.Status == OutboxStatus.Failed && m.CreatedAt >= failedSince, ct);
        var stuck = await visible.CountAsync(m => m.Status == OutboxStatus.Queued && m.CreatedAt < queuedBefore, ct);
        return new OutboxWork(failed, stuck);
    }
}
