using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.Notifications;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Notifications;

/// <summary>The outbox page on a host whose mail goes to the development sink (no SMTP settings).</summary>
public sealed class OutboxPageTests(SinkHost host) : IClassFixture<SinkHost>
{
    private const string OwnInstitution = "TEST-OUTBOX-A";
    private const string OtherInstitution = "TEST-OUTBOX-B";

    [Fact]
    public async Task Outbox_Advisor_SeesOwnInstitutionsMessagesWithStatusAndReasonOnly()
    {
        var own = await host.InstitutionIdAsync(OwnInstitution);
        var other = await host.InstitutionIdAsync(OtherInstitution);
        var marker = Guid.NewGuid().ToString("N")[..8];
        await SeedAsync(
            Message($"queued-{marker}@example.org", own, OutboxStatus.Queued),
            Message($"sent-{marker}@example.org", own, OutboxStatus.Sent),
            Message($"failed-{marker}@example.org", own, OutboxStatus.Failed, "SMTP 550 (RecipientNotAccepted): no such user"),
            Message($"other-{marker}@example.org", other, OutboxStatus.Sent),
            Message($"system-{marker}@example.org", null, OutboxStatus.Sent));
        using var advisor = await host.CreateSignedInClientAsync(Roles.Advisor, OwnInstitution);

        using var response = await advisor.GetAsync(new Uri("/Notifications/Outbox?culture=en", UriKind.Relative));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"queued-{marker}@example.org", html, StringComparison.Ordinal);
        Assert.Contains($"sent-{marker}@example.org", html, StringComparison.Ordinal);
        Assert.Contains($"failed-{marker}@example.org", html, StringComparison.Ordinal);
        Assert.Contains("SMTP 550 (RecipientNotAccepted): no such user", html, StringComparison.Ordinal);
        Assert.Contains(">Queued</span>", html, StringComparison.Ordinal);
        Assert.Contains(">Sent</span>", html, StringComparison.Ordinal);
        Assert.Contains(">Failed</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"other-{marker}", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"system-{marker}", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Notifications/Outbox\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outbox_FilteredByStatus_ListsOnlyThatStatus()
    {
        var own = await host.InstitutionIdAsync(OwnInstitution);
        var marker = Guid.NewGuid().ToString("N")[..8];
        await SeedAsync(
            Message($"f-{marker}@example.org", own, OutboxStatus.Failed, "SMTP server unreachable (ConnectionRefused)."),
            Message($"s-{marker}@example.org", own, OutboxStatus.Sent));
        using var advisor = await host.CreateSignedInClientAsync(Roles.Advisor, OwnInstitution);

        var html = await advisor.GetStringAsync(new Uri("/Notifications/Outbox?Status=Failed", UriKind.Relative));

        Assert.Contains($"f-{marker}@example.org", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"s-{marker}@example.org", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outbox_Administrator_SeesEveryInstitutionAndSystemMail()
    {
        var other = await host.InstitutionIdAsync(OtherInstitution);
        var marker = Guid.NewGuid().ToString("N")[..8];
        await SeedAsync(Message($"other-{marker}@example.org", other, OutboxStatus.Sent), Message($"system-{marker}@example.org", null, OutboxStatus.Sent));
        using var admin = await host.CreateSignedInClientAsync(Roles.Administrator, InstitutionCodes.Mcmream);

        var html = await admin.GetStringAsync(new Uri("/Notifications/Outbox", UriKind.Relative));

        Assert.Contains($"other-{marker}@example.org", html, StringComparison.Ordinal);
        Assert.Contains($"system-{marker}@example.org", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Beneficiary)]
    [InlineData(Roles.Employer)]
    [InlineData(Roles.Trainer)]
    [InlineData(Roles.Analyst)]
    public async Task Outbox_NotSendingStaff_AccessDenied(string role)
    {
        using var client = await host.CreateSignedInClientAsync(role, OwnInstitution);

        using var page = await client.GetAsync(new Uri("/Notifications/Outbox", UriKind.Relative));
        using var captured = await client.GetAsync(new Uri($"/Notifications/Captured/{Guid.NewGuid()}", UriKind.Relative));
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", page.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.StartsWith("/Account/AccessDenied", captured.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Notifications/Outbox\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestMessage_Posted_IsSentToOwnAddressAndCapturedByTheSinkInTheUsersLanguage()
    {
        var user = await host.CreateUserAsync(Roles.ProgrammeManager, OwnInstitution);
        using var client = await host.CreateSignedInClientAsync(user);

        using var posted = await client.PostFormAsync("/Notifications/Outbox?culture=ar-MA", [], "/Notifications/Outbox?handler=Test&culture=ar-MA");
        await host.Runner().RunDueJobsAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        CapturedMail captured;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var message = await db.Set<OutboxMessage>().SingleAsync(m => m.Recipient == user.Email);
            Assert.Equal(OutboxStatus.Sent, message.Status);
            Assert.Equal(MessageKinds.Test, message.Kind);
            Assert.Equal("ar-MA", message.Culture);
            Assert.Equal(user.InstitutionId, message.InstitutionId);
            captured = await db.Set<CapturedMail>().SingleAsync(m => m.OutboxMessageId == message.Id);
        }

        Assert.Equal("رسالة تجريبية من Mismes", captured.Subject);
        Assert.Contains(user.Email, captured.To, StringComparison.Ordinal);
        Assert.Equal("ar-MA", captured.Culture);
        var outbox = await client.GetStringAsync(new Uri("/Notifications/Outbox", UriKind.Relative));
        Assert.Contains("id=\"captured-table\"", outbox, StringComparison.Ordinal);
        Assert.Contains($"/Notifications/Captured/{captured.Id}", outbox, StringComparison.Ordinal);
        var page = await client.GetStringAsync(new Uri($"/Notifications/Captured/{captured.Id}", UriKind.Relative));
        // The HTML body is shown only inside a sandboxed frame, as an encoded attribute value; the text body as text.
        Assert.Contains("<iframe class=\"captured-html", page, StringComparison.Ordinal);
        Assert.Contains("sandbox=\"\"", page, StringComparison.Ordinal);
        Assert.Contains("srcdoc=\"&lt;!DOCTYPE html&gt;", page, StringComparison.Ordinal);
        Assert.Contains("dir=&quot;rtl&quot;", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"captured-text\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CapturedMail_OfAnotherInstitution_NotFound()
    {
        var other = await host.CreateUserAsync(Roles.Advisor, OtherInstitution);
        using var otherClient = await host.CreateSignedInClientAsync(other);
        using var _ = await otherClient.PostFormAsync("/Notifications/Outbox", [], "/Notifications/Outbox?handler=Test");
        await host.Runner().RunDueJobsAsync(CancellationToken.None);
        Guid capturedId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var messageId = await db.Set<OutboxMessage>().Where(m => m.Recipient == other.Email).Select(m => m.Id).SingleAsync();
            capturedId = await db.Set<CapturedMail>().Where(m => m.OutboxMessageId == messageId).Select(m => m.Id).SingleAsync();
        }

        using var advisor = await host.CreateSignedInClientAsync(Roles.Advisor, OwnInstitution);
        using var response = await advisor.GetAsync(new Uri($"/Notifications/Captured/{capturedId}", UriKind.Relative));
        using var own = await otherClient.GetAsync(new Uri($"/Notifications/Captured/{capturedId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Theory]
    [InlineData("/Notifications/Outbox?p=abc")]
    [InlineData("/Notifications/Outbox?p=2147483647&cp=-5")]
    [InlineData("/Notifications/Outbox?Status=Nonsense")]
    [InlineData("/Notifications/Outbox?Status=42")]
    public async Task Outbox_OddQuery_AnswersThePageNotAnError(string url)
    {
        using var advisor = await host.CreateSignedInClientAsync(Roles.Advisor, OwnInstitution);

        using var response = await advisor.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task SeedAsync(params OutboxMessage[] messages)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Set<OutboxMessage>().AddRange(messages);
        await db.SaveChangesAsync();
    }

    private OutboxMessage Message(string recipient, Guid? institution, OutboxStatus status, string? error = null)
    {
        var now = host.Clock.GetUtcNow();
        return new OutboxMessage
        {
            Id = Guid.NewGuid(),
            Kind = MessageKinds.PasswordReset,
            Recipient = recipient,
            Culture = "fr",
            Subject = "Choisir un nouveau mot de passe Mismes",
            HtmlBody = "",
            TextBody = "",
            Status = status,
            Attempts = status == OutboxStatus.Queued ? 0 : 1,
            LastError = error,
            NextAttemptAt = status == OutboxStatus.Queued ? now + TimeSpan.FromDays(1) : now,
            InstitutionId = institution,
            CreatedAt = now,
            SentAt = status == OutboxStatus.Sent ? now : null,
            FailedAt = status == OutboxStatus.Failed ? now : null,
        };
    }
}
