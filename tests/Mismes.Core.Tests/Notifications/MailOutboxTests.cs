using Microsoft.EntityFrameworkCore;
using Mismes.Core.Notifications;

namespace Mismes.Core.Tests.Notifications;

public sealed class MailOutboxTests(NotificationsDatabase database) : IClassFixture<NotificationsDatabase>
{
    private static readonly SmtpOptions Smtp = NotificationsDatabase.Smtp(maxAttempts: 3);

    [Fact]
    public async Task Claim_DueMessage_IsHeldByOneClaimantUntilTheLeaseEnds()
    {
        await database.ClearAsync();
        var id = (await database.EnqueueAsync(MessageKinds.Test, "fr", Test(), "karim@example.org")).Single();
        await using var db = database.NewContext();
        var outbox = database.Outbox(db, Smtp);

        var first = await outbox.ClaimNextAsync("run-1", CancellationToken.None);
        var second = await outbox.ClaimNextAsync("run-2", CancellationToken.None);
        database.Clock.Advance(Smtp.Lease + TimeSpan.FromSeconds(1));
        var afterLease = await outbox.ClaimNextAsync("run-2", CancellationToken.None);

        Assert.Equal(id, first?.Id);
        Assert.Equal(1, first?.Attempts);
        Assert.Null(second);
        Assert.Equal(id, afterLease?.Id);
        Assert.Equal(2, afterLease?.Attempts);
        Assert.False(await outbox.MarkSentAsync(id, "run-1", CancellationToken.None), "run-1 lost the message when its lease ended");
        Assert.True(await outbox.MarkSentAsync(id, "run-2", CancellationToken.None));
    }

    [Fact]
    public async Task MarkFailed_Repeatedly_BacksOffDoublingThenFailsWithTheReasonAndErasesTheBodies()
    {
        await database.ClearAsync();
        var id = (await database.EnqueueAsync(MessageKinds.PasswordReset, "fr", NotificationsDatabase.ResetModel(), "karim@example.org")).Single();
        await using var db = database.NewContext();
        var outbox = database.Outbox(db, Smtp);
        var delays = new List<TimeSpan>();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var claimed = await outbox.ClaimNextAsync("run", CancellationToken.None);
            Assert.Equal(id, claimed?.Id);
            var failedAt = database.Clock.GetUtcNow();
            var status = await outbox.MarkFailedAsync(id, "run", $"SMTP 451 attempt {attempt}", permanent: false, CancellationToken.None);
            var message = await database.FindAsync(id);
            Assert.Equal(attempt < 3 ? OutboxStatus.Queued : OutboxStatus.Failed, status);
            if (status == OutboxStatus.Queued)
            {
                delays.Add(message.NextAttemptAt - failedAt);
                Assert.Null(await outbox.ClaimNextAsync("early", CancellationToken.None));
                database.Clock.Advance(message.NextAttemptAt - failedAt);
            }
        }

        var failed = await database.FindAsync(id);
        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)], delays);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Equal(3, failed.Attempts);
        Assert.Equal("SMTP 451 attempt 3", failed.LastError);
        Assert.Equal(database.Clock.GetUtcNow(), failed.FailedAt);
        Assert.Equal("", failed.HtmlBody);
        Assert.Equal("", failed.TextBody);
        Assert.Null(await outbox.ClaimNextAsync("later", CancellationToken.None));
    }

    [Fact]
    public async Task MarkFailed_Permanent_FailsAtOnce()
    {
        await database.ClearAsync();
        var id = (await database.EnqueueAsync(MessageKinds.Test, "fr", Test(), "nobody@example.org")).Single();
        await using var db = database.NewContext();
        var outbox = database.Outbox(db, Smtp);
        await outbox.ClaimNextAsync("run", CancellationToken.None);

        var status = await outbox.MarkFailedAsync(id, "run", "SMTP 550 (RecipientNotAccepted): no such user", permanent: true, CancellationToken.None);

        Assert.Equal(OutboxStatus.Failed, status);
        Assert.Equal(1, (await database.FindAsync(id)).Attempts);
    }

    [Fact]
    public async Task Claim_ManyClaimantsAtOnce_EachMessageClaimedExactlyOnce()
    {
        await database.ClearAsync();
        var recipients = Enumerable.Range(0, 60).Select(i => $"person{i}@example.org").ToArray();
        var ids = await database.EnqueueAsync(MessageKinds.Test, "fr", Test(), recipients);

        // Four claimants, each on its own connection, as four nodes' sender runs would be.
        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(n => Task.Run(async () =>
        {
            var mine = new List<Guid>();
            await using var db = database.NewContext();
            var outbox = database.Outbox(db, Smtp);
            while (await outbox.ClaimNextAsync($"claimant-{n}", CancellationToken.None) is { } message)
            {
                mine.Add(message.Id);
            }

            return mine;
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(ids.Order(), all.Order());
        await using var check = database.NewContext();
        Assert.All(await check.Set<OutboxMessage>().ToListAsync(), m => Assert.Equal(1, m.Attempts));
    }

    [Fact]
    public async Task NextDueAt_WaitingRetryAndHeldMessage_IsTheEarlierOfBoth()
    {
        await database.ClearAsync();
        await database.EnqueueAsync(MessageKinds.Test, "fr", Test(), "a@example.org", "b@example.org");
        await using var db = database.NewContext();
        var outbox = database.Outbox(db, Smtp);
        var start = database.Clock.GetUtcNow();
        var first = await outbox.ClaimNextAsync("run", CancellationToken.None);
        await outbox.MarkFailedAsync(first!.Id, "run", "SMTP 451", permanent: false, CancellationToken.None);
        await outbox.ClaimNextAsync("run", CancellationToken.None);

        var next = await outbox.NextDueAtAsync(CancellationToken.None);

        // The retry in 1 minute comes before the end of the other message's 5-minute lease.
        Assert.Equal(start + TimeSpan.FromMinutes(1), next);
    }

    private static TestMail Test() => new("Karim", DateTimeOffset.UnixEpoch);
}
