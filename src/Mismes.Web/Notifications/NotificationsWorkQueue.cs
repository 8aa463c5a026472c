using Mismes.Core.Notifications;
using Mismes.Web.Platform;

namespace Mismes.Web.Notifications;

/// <summary>The outbox's part of the work queue: messages that failed or wait too long, for those who read the outbox.</summary>
internal sealed class NotificationsWorkQueue(OutboxWorkCounts counts) : IWorkQueueSource
{
    public string Policy => NotificationsPolicies.ReadOutbox;

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        var work = await counts.CountAsync(ct);
        return
        [
            new("Notifications.Work.Failed", work.FailedRecently, "/Notifications/Outbox?Status=" + nameof(OutboxStatus.Failed), WorkUrgency.Now),
            new("Notifications.Work.QueuedTooLong", work.QueuedTooLong, "/Notifications/Outbox?Status=" + nameof(OutboxStatus.Queued), WorkUrgency.Soon),
        ];
    }
}
