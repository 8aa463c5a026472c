using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Identity;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.Notifications;
using Mismes.TestCommon;
using Mismes.Web.Platform.Jobs;
using Mismes.Web.Tests.Notifications;

namespace Mismes.Web.Tests.Administration;

/// <summary>
/// "Forgot password" and the administrator's reset link through the real host: the message goes through the outbox
/// and a real SMTP server on loopback, and its link sets a new password once (issue 6, 2.8).
/// </summary>
public sealed partial class PasswordResetTests(SmtpHost host) : IClassFixture<SmtpHost>
{
    private const string NewPassword = "Quiet-River-Lantern-2027";

    [Fact]
    public async Task ForgotPassword_MailArrivesOverSmtp_ItsLinkResetsThePasswordOnceAndEndsEverySession()
    {
        var user = await host.CreateUserAsync(Roles.Advisor, "TEST-RESET");
        var (_, oldCookie) = await host.SignInKeepingCookieAsync(user);
        var anonymous = host.CreateCookieClient();

        using var asked = await anonymous.PostFormAsync("/Account/ForgotPassword?culture=en", new Dictionary<string, string> { ["Email"] = user.Email });
        Assert.Contains("If an active account uses this address", await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await host.Services.GetRequiredService<JobRunner>().RunDueJobsAsync(CancellationToken.None);

        var mail = Assert.Single(host.Smtp.Received, m => m.To.Mailboxes.Any(a => a.Address == user.Email));
        Assert.Equal("Choisir un nouveau mot de passe Mismes", mail.Subject);
        var link = new Uri(LinkIn(mail.TextBody!));
        Assert.Equal("/Account/ResetPassword", link.AbsolutePath);
        Assert.Contains($"href=\"{WebUtility.HtmlEncode(link.OriginalString)}\"", mail.HtmlBody, StringComparison.Ordinal);

        var browser = host.CreateCookieClient();
        var form = await browser.GetStringAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        Assert.Contains("name=\"NewPassword\"", form, StringComparison.Ordinal);
        using var reset = await PostResetAsync(browser, link, NewPassword);
        Assert.Contains("data-testid=\"password-reset\"", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The new password signs in, the old one does not, and the session from before the reset has ended.
        Assert.Equal(HttpStatusCode.Redirect, (await host.CreateCookieClient().SignInAsync(user.Email, NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.CreateCookieClient().SignInAsync(user.Email, user.Password)).StatusCode);
        using var replay = host.CreateReplayClient(oldCookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);

        // Used once: the same link opens nothing the second time, and a post with it changes nothing.
        var again = await host.CreateCookieClient().GetStringAsync(new Uri(link.PathAndQuery + "&culture=en", UriKind.Relative));
        Assert.Contains("This link no longer works", again, StringComparison.Ordinal);
        var thief = host.CreateCookieClient();
        using var reuse = await PostResetAsync(thief, link, "Another-Choice-Of-Words-2028", formPage: "/Account/ForgotPassword");
        Assert.Contains("data-testid=\"reset-link-invalid\"", await reuse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await host.CreateCookieClient().SignInAsync(user.Email, "Another-Choice-Of-Words-2028")).StatusCode);

        await using var scope = host.Services.CreateAsyncScope();
        var id = user.Id.ToString();
        var actions = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<AuditEntry>()
            .Where(a => a.RecordType == "User" && a.RecordId == id).Select(a => a.Action).ToListAsync();
        Assert.Contains(AuditAction.PasswordResetSent, actions);
        Assert.Contains(AuditAction.PasswordReset, actions);
    }

    [Fact]
    public async Task ForgotPassword_UnknownDeactivatedOrReal_SameAnswerAndMailOnlyForTheRealOne()
    {
        var real = await host.CreateUserAsync(Roles.Advisor, "TEST-RESET-ENUM");
        var deactivated = await host.CreateUserAsync(Roles.Advisor, "TEST-RESET-ENUM");
        await DeactivateAsync(deactivated.Id);
        var before = await QueuedForAsync(real.Email, deactivated.Email, "nobody-here@test.mismes.ma");

        var answers = new List<string>();
        foreach (var email in new[] { real.Email, deactivated.Email, "nobody-here@test.mismes.ma", "not an address" })
        {
            using var response = await host.CreateCookieClient().PostFormAsync("/Account/ForgotPassword?culture=en", new Dictionary<string, string> { ["Email"] = email });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(MainText(await response.Content.ReadAsStringAsync()));
        }

        Assert.Single(answers.Distinct(StringComparer.Ordinal));
        var after = await QueuedForAsync(real.Email, deactivated.Email, "nobody-here@test.mismes.ma");
        Assert.Equal([1, 0, 0], after.Zip(before, (a, b) => a - b));
    }

    [Fact]
    public async Task ResetPassword_WeakPassword_RefusedWithThePolicysMessage_LinkStillWorks()
    {
        var user = await host.CreateUserAsync(Roles.Advisor, "TEST-RESET-WEAK");
        var link = await ResetLinkAsync(user);
        var browser = host.CreateCookieClient();

        using var response = await PostResetAsync(browser, link, "Password1234", culture: "en");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("This password is too common or too easy to guess", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#NewPassword\"", html, StringComparison.Ordinal);
        using var second = await PostResetAsync(browser, link, NewPassword);
        Assert.Contains("data-testid=\"password-reset\"", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetPassword_TamperedOrMissingToken_LinkInvalid()
    {
        var user = await host.CreateUserAsync(Roles.Advisor, "TEST-RESET-TAMPER");
        var client = host.CreateCookieClient();

        var tampered = await client.GetStringAsync(new Uri($"/Account/ResetPassword?user={user.Id:D}&token=AAAA&culture=en", UriKind.Relative));
        var missing = await client.GetStringAsync(new Uri("/Account/ResetPassword?culture=en", UriKind.Relative));
        var garbage = await client.GetAsync(new Uri("/Account/ResetPassword?user=not-a-guid&token=%00", UriKind.Relative));

        Assert.Contains("This link no longer works", tampered, StringComparison.Ordinal);
        Assert.Contains("This link no longer works", missing, StringComparison.Ordinal);
        Assert.True(garbage.StatusCode < HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task AdministratorSendsResetLink_SameMailInTheUsersLanguage_AndAudited()
    {
        var admin = await host.CreateSignedInClientAsync(Roles.Administrator, InstitutionCodes.Mcmream);
        var user = await host.CreateUserAsync(Roles.CaseWorker, "TEST-RESET-ADMIN");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var account = (await users.FindByIdAsync(user.Id.ToString()))!;
            account.PreferredCulture = "es";
            await users.UpdateAsync(account);
        }

        var edit = $"/Administration/Users/Edit/{user.Id:D}";
        using var response = await admin.PostFormAsync(edit, [], edit + "?handler=SendReset");
        Assert.Equal($"{edit}?done=ResetSent", response.Headers.Location?.OriginalString);
        await host.Services.GetRequiredService<JobRunner>().RunDueJobsAsync(CancellationToken.None);

        var mail = Assert.Single(host.Smtp.Received, m => m.To.Mailboxes.Any(a => a.Address == user.Email));
        Assert.Equal("Elegir una nueva contraseña de Mismes", mail.Subject);
        using var reset = await PostResetAsync(host.CreateCookieClient(), new Uri(LinkIn(mail.TextBody!)), NewPassword);
        Assert.Contains("data-testid=\"password-reset\"", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var audit = await admin.GetStringAsync(new Uri($"/Administration/Audit?RecordType=User&RecordId={user.Id:D}&culture=en", UriKind.Relative));
        Assert.Contains("sent a link to choose a new password for the account of Test CaseWorker.", audit, StringComparison.Ordinal);
        Assert.Contains("Test CaseWorker", audit, StringComparison.Ordinal);
    }

    [Fact]
    public void ResetLinks_ExpireAfterOneHour()
    {
        var options = host.Services.GetRequiredService<IOptions<DataProtectionTokenProviderOptions>>().Value;

        Assert.Equal(TimeSpan.FromHours(1), options.TokenLifespan);
    }

    /// <summary>A reset link made by the service an administrator's button calls, without the mail round trip.</summary>
    private async Task<Uri> ResetLinkAsync(TestUser user)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var token = await users.GeneratePasswordResetTokenAsync((await users.FindByIdAsync(user.Id.ToString()))!);
        return new Uri($"http://localhost/Account/ResetPassword?user={user.Id:D}&token={Uri.EscapeDataString(token)}");
    }

    private static async Task<HttpResponseMessage> PostResetAsync(HttpClient client, Uri link, string password, string culture = "en", string? formPage = null)
    {
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        return await client.PostFormAsync(
            formPage ?? link.PathAndQuery,
            new Dictionary<string, string>
            {
                ["user"] = query["user"]!,
                ["token"] = query["token"]!,
                ["NewPassword"] = password,
                ["ConfirmPassword"] = password,
            },
            "/Account/ResetPassword?culture=" + culture);
    }

    private async Task DeactivateAsync(Guid userId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await db.Set<AppUser>().SingleAsync(u => u.Id == userId);
        user.DeactivatedAt = host.Clock.GetUtcNow();
        await db.SaveChangesAsync();
    }

    private async Task<int[]> QueuedForAsync(params string[] emails)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var counts = new List<int>();
        foreach (var email in emails)
        {
            counts.Add(await db.Set<OutboxMessage>().CountAsync(m => m.Recipient == email && m.Kind == MessageKinds.PasswordReset));
        }

        return [.. counts];
    }

    private static string LinkIn(string text) => ResetLink().Match(text).Value;

    /// <summary>The page's main content, without the antiforgery token that differs per response.</summary>
    private static string MainText(string html) => MainContent().Match(html).Value;

    [GeneratedRegex(@"https?://\S+/Account/ResetPassword\?\S+")]
    private static partial Regex ResetLink();

    [GeneratedRegex("<h1[\\s\\S]*?data-testid=\"reset-requested\"[^<]*</div>")]
    private static partial Regex MainContent();
}
