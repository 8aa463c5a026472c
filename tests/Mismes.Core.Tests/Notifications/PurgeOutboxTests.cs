using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mismes.Core.Jobs;
using Mismes.Core.Notifications;

namespace Mismes.Core.Tests.Notifications;

public sealed class PurgeOutboxTests(NotificationsDatabase database) : IClassFixture<NotificationsDatabase>
{
    [Fact]
    public async Task Purge_FinishedLongAgo_DeletedAndQueuedOrRecentKeptAndNextPurgeScheduled()
    {
        await database.ClearAsync();
        var keep = TimeSpan.FromDays(90);
        var now = database.Clock.GetUtcNow();
        var old = now - keep - TimeSpan.FromDays(1);
        var recent = now - TimeSpan.FromDays(1);
        await using (var db = database.NewContext())
        {
            db.Set<OutboxMessage>().AddRange(
                Message("old-sent@example.org", OutboxStatus.Sent, old),
                Message("old-failed@example.org", OutboxStatus.Failed, old),
                Message("recent-sent@example.org", OutboxStatus.Sent, recent),
                Message("old-queued@example.org", OutboxStatus.Queued, old));
            db.Set<CapturedMail>().AddRange(Captured("old@example.org", old), Captured("recent@example.org", recent));
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            var handler = new PurgeOutboxHandler(db, new JobQueue(db, database.Clock, Options.Create(new JobOptions())), database.Clock, Options.Create(new SmtpOptions { KeepFinished = keep }));
            await handler.HandleAsync("{}", CancellationToken.None);
        }

        await using var check = database.NewContext();
        Assert.Equal(
            ["old-queued@example.org", "recent-sent@example.org"],
            await check.Set<OutboxMessage>().OrderBy(m => m.Recipient).Select(m => m.Recipient).ToListAsync());
        Assert.Equal(["recent@example.org"], await check.Set<CapturedMail>().Select(m => m.To).ToListAsync());
        Assert.True(await check.Set<BackgroundJob>().AnyAsync(j => j.Kind == PurgeOutboxHandler.JobKind && j.RunAfter == now + PurgeOutboxHandler.Interval));
    }

    private static OutboxMessage Message(string recipient, OutboxStatus status, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(),
        Kind = MessageKinds.Test,
        Recipient = recipient,
        Culture = "fr",
        Subject = "s",
        HtmlBody = "",
        TextBody = "",
        Status = status,
        NextAttemptAt = at,
        CreatedAt = at,
        SentAt = status == OutboxStatus.Sent ? at : null,
        FailedAt = status == OutboxStatus.Failed ? at : null,
    };

    private static CapturedMail Captured(string to, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(),
        ReceivedAt = at,
        From = "no-reply@test.mismes.ma",
        To = to,
        Subject = "s",
    };
}
