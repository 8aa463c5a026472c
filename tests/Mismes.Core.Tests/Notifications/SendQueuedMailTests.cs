using Microsoft.EntityFrameworkCore;
using MimeKit;
using Mismes.Core.Jobs;
using Mismes.Core.Notifications;
using Mismes.TestCommon.Notifications;

namespace Mismes.Core.Tests.Notifications;

/// <summary>The sender job against a real SMTP server on loopback.</summary>
public sealed class SendQueuedMailTests(NotificationsDatabase database) : IClassFixture<NotificationsDatabase>, IAsyncLifetime
{
    private TestSmtpServer _server = null!;

    public async Task InitializeAsync()
    {
        await database.ClearAsync();
        _server = await TestSmtpServer.StartNewAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Send_ArabicPasswordReset_ArrivesInArabicRightToLeftAndIsMarkedSent()
    {
        var smtp = NotificationsDatabase.Smtp(_server);
        var id = (await database.EnqueueAsync(MessageKinds.PasswordReset, "ar-MA", NotificationsDatabase.ResetModel("فاطمة الزهراء"), "fatima@example.org")).Single();

        await database.RunSenderAsync(smtp);

        var mail = Assert.Single(_server.ReceivedFor(id));
        Assert.Equal("fatima@example.org", ((MailboxAddress)mail.To.Single()).Address);
        Assert.Equal("no-reply@test.mismes.ma", ((MailboxAddress)mail.From.Single()).Address);
        Assert.Equal("اختيار كلمة مرور جديدة في Mismes", mail.Subject);
        Assert.Equal("ar-MA", mail.Body?.Headers[HeaderId.ContentLanguage]);
        Assert.Contains("dir=\"rtl\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("مرحباً فاطمة الزهراء", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://mismes.test/Account/Reset?token=abc%2B1&user=42", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal($"{id:N}@test.mismes.ma", mail.MessageId);
        var stored = await database.FindAsync(id);
        Assert.Equal(OutboxStatus.Sent, stored.Status);
        Assert.Equal(database.Clock.GetUtcNow(), stored.SentAt);
        Assert.Equal(1, stored.Attempts);
        Assert.Null(stored.LastError);
        Assert.Equal("", stored.HtmlBody);
        Assert.Equal("", stored.TextBody);
    }

    [Theory]
    [InlineData("fr", "Choisir un nouveau mot de passe Mismes", "Bonjour")]
    [InlineData("en", "Choose a new Mismes password", "Hello")]
    [InlineData("es", "Elegir una nueva contraseña de Mismes", "Hola")]
    public async Task Send_RecipientsLanguage_SubjectAndBodyInThatLanguage(string culture, string subject, string greeting)
    {
        var id = (await database.EnqueueAsync(MessageKinds.PasswordReset, culture, NotificationsDatabase.ResetModel(), "karim@example.org")).Single();

        await database.RunSenderAsync(NotificationsDatabase.Smtp(_server));

        var mail = Assert.Single(_server.ReceivedFor(id));
        Assert.Equal(subject, mail.Subject);
        Assert.StartsWith(greeting, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("dir=\"ltr\"", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ServerRefusesTemporarily_RetriesWithBackoffThenFailsWithTheReason()
    {
        _server.RefuseMessagesWith = 451;
        var smtp = NotificationsDatabase.Smtp(_server, maxAttempts: 3);
        var id = (await database.EnqueueAsync(MessageKinds.Test, "fr", new TestMail("Karim", DateTimeOffset.UnixEpoch), "karim@example.org")).Single();
        var retryTimes = new List<TimeSpan>();

        for (var run = 1; run <= 3; run++)
        {
            var before = database.Clock.GetUtcNow();
            await database.RunSenderAsync(smtp);
            var message = await database.FindAsync(id);
            Assert.Equal(run, message.Attempts);
            Assert.StartsWith("SMTP 451", message.LastError, StringComparison.Ordinal);
            if (run < 3)
            {
                Assert.Equal(OutboxStatus.Queued, message.Status);
                retryTimes.Add(message.NextAttemptAt - before);
                // The run scheduled the next one for the retry time.
                Assert.True(await PendingSenderRunAtAsync(message.NextAttemptAt), "no sender run scheduled for the retry");
                // Too early: nothing is tried.
                await database.RunSenderAsync(smtp);
                Assert.Equal(run, (await database.FindAsync(id)).Attempts);
                database.Clock.Advance(message.NextAttemptAt - before);
            }
        }

        var failed = await database.FindAsync(id);
        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)], retryTimes);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Contains("try again later", failed.LastError, StringComparison.Ordinal);
        Assert.NotNull(failed.FailedAt);
        Assert.Empty(_server.Received);
    }

    [Fact]
    public async Task Send_RecipientRefused_FailsAtOnceAndTheOthersAreSent()
    {
        _server.RefusedRecipients["nobody@example.org"] = true;
        var ids = await database.EnqueueAsync(MessageKinds.Test, "en", new TestMail("Karim", DateTimeOffset.UnixEpoch), "nobody@example.org", "karim@example.org");

        await database.RunSenderAsync(NotificationsDatabase.Smtp(_server));

        var refused = await database.FindAsync(ids[0]);
        Assert.Equal(OutboxStatus.Failed, refused.Status);
        Assert.Equal(1, refused.Attempts);
        Assert.StartsWith("SMTP 550 (RecipientNotAccepted)", refused.LastError, StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Sent, (await database.FindAsync(ids[1])).Status);
        Assert.Single(_server.ReceivedFor(ids[1]));
    }

    [Fact]
    public async Task Send_ServerDown_OneConnectionAttemptPerRunAndEveryMessageWaitsForItsRetry()
    {
        await _server.StopAsync();
        var ids = await database.EnqueueAsync(MessageKinds.Test, "fr", new TestMail("Karim", DateTimeOffset.UnixEpoch), "a@example.org", "b@example.org", "c@example.org");

        await database.RunSenderAsync(NotificationsDatabase.Smtp(_server));

        foreach (var id in ids)
        {
            var message = await database.FindAsync(id);
            Assert.Equal(OutboxStatus.Queued, message.Status);
            Assert.Equal(1, message.Attempts);
            Assert.Equal("SMTP server unreachable (ConnectionRefused).", message.LastError);
            Assert.Equal(database.Clock.GetUtcNow() + TimeSpan.FromMinutes(1), message.NextAttemptAt);
        }
    }

    private async Task<bool> PendingSenderRunAtAsync(DateTimeOffset at)
    {
        await using var db = database.NewContext();
        return await db.Set<BackgroundJob>().AnyAsync(j => j.Kind == SendQueuedMailHandler.JobKind && j.Status == JobStatus.Pending && j.RunAfter == at);
    }
}
