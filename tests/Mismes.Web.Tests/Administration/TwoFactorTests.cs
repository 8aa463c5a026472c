using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.TestCommon;
using Mismes.TestCommon.People;

namespace Mismes.Web.Tests.Administration;

/// <summary>
/// Two-step verification through the real host (issue 6, 3.2): setup with an authenticator app, the second step of
/// sign-in, recovery codes that work once, the roles that require it, and "confirm it's you" before sensitive actions.
/// </summary>
public sealed partial class TwoFactorTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private static readonly Uri Me = new("/api/v1/me", UriKind.Relative);

    [Fact]
    public async Task Setup_ScanConfirmThenSignIn_AsksForTheCodeAndAcceptsIt()
    {
        var user = await factory.CreateUserAsync(Roles.Trainer, "TEST-2FA");
        var client = await factory.CreateSignedInClientAsync(user);

        var setup = await client.GetStringAsync(new Uri("/Account/Mfa/Setup?culture=en", UriKind.Relative));
        var key = AuthenticatorKey().Match(setup).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        Assert.Matches("^[A-Z2-7]{32}$", key);
        Assert.Contains("src=\"data:image/png;base64,", setup, StringComparison.Ordinal);
        using var wrong = await client.PostFormAsync("/Account/Mfa/Setup?culture=en", new Dictionary<string, string> { ["Code"] = "000000" == SignInHelpers.CurrentCode(key) ? "111111" : "000000" });
        Assert.Contains("Code: this code is not valid.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var right = await client.PostFormAsync("/Account/Mfa/Setup?culture=en", new Dictionary<string, string> { ["Code"] = SignInHelpers.CurrentCode(key) });
        var done = await right.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"two-factor-enabled\"", done, StringComparison.Ordinal);
        Assert.Equal(10, RecoveryCode().Count(done.Split("data-testid=\"recovery-codes\"")[1]));

        // The next sign-in stops after the password and finishes with the app's code.
        var next = factory.CreateCookieClient();
        using var password = await next.SignInAsync(user.Email, user.Password);
        Assert.StartsWith("/Account/SignInCode", password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await next.GetAsync(Me)).StatusCode);
        using var code = await next.PostFormAsync(password.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = SignInHelpers.CurrentCode(key) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync(Me)).StatusCode);
        Assert.Single(await AuditAsync(user.Id, AuditAction.TwoFactorEnabled));
    }

    [Fact]
    public async Task SecondStep_WrongCode_RefusedAndLoggedWithoutPersonalData()
    {
        var admin = await factory.CreateUserAsync(Roles.Administrator, "TEST-2FA");
        var client = factory.CreateCookieClient();
        using var password = await client.SignInAsync(admin.Email, admin.Password);
        var wrong = SignInHelpers.CurrentCode(admin.AuthenticatorKey!) == "123456" ? "654321" : "123456";

        using var response = await client.PostFormAsync(password.Headers.Location!.OriginalString + "&culture=en", new Dictionary<string, string> { ["Code"] = wrong });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Code from the app: this code is not valid.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Me)).StatusCode);
        var logged = Assert.Single(factory.Logs.Entries, e => e.EventId.Id == SecurityEvents.SignInFailedId && e.Message.Contains("(wrong-code)", StringComparison.Ordinal));
        Assert.DoesNotContain(admin.Email, logged.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RecoveryCode_SignsInOnce_NeverTwice()
    {
        var manager = await factory.CreateUserAsync(Roles.ProgrammeManager, "TEST-2FA");
        string code;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            code = (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByIdAsync(manager.Id.ToString()))!, 10))!.First();
        }

        var first = await SignInWithRecoveryCodeAsync(manager, code);
        var second = await SignInWithRecoveryCodeAsync(manager, code);

        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(Me)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync(Me)).StatusCode);
        await using var check = factory.Services.CreateAsyncScope();
        var manager2 = check.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.Equal(9, await manager2.CountRecoveryCodesAsync((await manager2.FindByIdAsync(manager.Id.ToString()))!));
    }

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.ProgrammeManager)]
    public async Task RequiredRole_WithoutTwoStep_SentToSetup_NothingElseOpensUntilDone(string role)
    {
        var user = await factory.CreateUserAsync(role, "TEST-2FA-REQ");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var account = (await users.FindByIdAsync(user.Id.ToString()))!;
            await users.SetTwoFactorEnabledAsync(account, false);
            await users.RemoveAuthenticationTokenAsync(account, "[AspNetUserStore]", "AuthenticatorKey");
        }

        var client = factory.CreateCookieClient();
        using var signIn = await client.SignInAsync(user.Email, user.Password);

        Assert.Equal("/Account/Mfa/Setup", signIn.Headers.Location?.OriginalString);
        var people = await client.GetAsync(new Uri("/People", UriKind.Relative));
        Assert.Equal("/Account/Mfa/Setup", people.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Me)).StatusCode);
        var setup = await client.GetStringAsync(new Uri("/Account/Mfa/Setup", UriKind.Relative));
        Assert.Contains("data-testid=\"two-factor-required\"", setup, StringComparison.Ordinal);

        var key = AuthenticatorKey().Match(setup).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        using var done = await client.PostFormAsync("/Account/Mfa/Setup", new Dictionary<string, string> { ["Code"] = SignInHelpers.CurrentCode(key) });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/People", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Me)).StatusCode);
    }

    [Fact]
    public async Task RequiredRole_CannotTurnItOff()
    {
        var admin = await factory.CreateUserAsync(Roles.Administrator, "TEST-2FA");
        var client = await factory.CreateSignedInClientAsync(admin);

        using var response = await client.PostFormAsync("/Account/Mfa?culture=en", [], "/Account/Mfa?handler=Disable&culture=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Your role requires two-step verification: it cannot be turned off.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await users.GetTwoFactorEnabledAsync((await users.FindByIdAsync(admin.Id.ToString()))!));
    }

    [Fact]
    public async Task SensitiveAction_MoreThanFiveMinutesAfterSignIn_AsksToConfirmFirst_ThenWorks()
    {
        var admin = await factory.CreateUserAsync(Roles.Administrator, "TEST-2FA-REAUTH");
        var client = await factory.CreateSignedInClientAsync(admin);
        // Sessions stay open 30 idle minutes; the sign-in counts as a fresh authentication for 5.
        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        using var stale = await client.PostFormAsync("/Account/Mfa", [], "/Account/Mfa?handler=Regenerate");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal("/Account/Confirm?returnUrl=%2FAccount%2FMfa", stale.Headers.Location?.OriginalString);
        Assert.Empty(await AuditAsync(admin.Id, AuditAction.RecoveryCodesRegenerated));

        using var wrong = await client.PostFormAsync("/Account/Confirm?culture=en", new Dictionary<string, string> { ["Password"] = admin.Password, ["Code"] = "000001" });
        Assert.Contains("The password or the code is not correct.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var confirmed = await client.PostFormAsync("/Account/Confirm?returnUrl=%2FAccount%2FMfa", new Dictionary<string, string>
        {
            ["Password"] = admin.Password,
            ["Code"] = SignInHelpers.CurrentCode(admin.AuthenticatorKey!),
        });
        Assert.Equal("/Account/Mfa", confirmed.Headers.Location?.OriginalString);

        using var fresh = await client.PostFormAsync("/Account/Mfa", [], "/Account/Mfa?handler=Regenerate");
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Contains("data-testid=\"recovery-codes\"", await fresh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await AuditAsync(admin.Id, AuditAction.RecoveryCodesRegenerated));
    }

    [Fact]
    public async Task OfferedRole_CanTurnItOff_AfterConfirming()
    {
        var user = await factory.CreateUserAsync(Roles.Analyst, "TEST-2FA");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var account = (await users.FindByIdAsync(user.Id.ToString()))!;
            await users.ResetAuthenticatorKeyAsync(account);
            user = user with { AuthenticatorKey = await users.GetAuthenticatorKeyAsync(account) };
            await users.SetTwoFactorEnabledAsync(account, true);
        }

        var client = await factory.CreateSignedInClientAsync(user);
        using var response = await client.PostFormAsync("/Account/Mfa?culture=en", [], "/Account/Mfa?handler=Disable&culture=en");

        Assert.Contains("Two-step verification is turned off.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateCookieClient().SignInAsync(user.Email, user.Password)).StatusCode);
        Assert.Single(await AuditAsync(user.Id, AuditAction.TwoFactorDisabled));
    }

    [Fact]
    public async Task PersonalDataDownload_LongAfterSignIn_ConfirmFirst_ThenDownloads()
    {
        var beneficiary = await factory.CreateUserAsync(Roles.Beneficiary, "TEST-2FA-EXPORT");
        await factory.Services.AddLinkedRecordAsync(beneficiary, factory.Clock.GetUtcNow());
        var client = await factory.CreateSignedInClientAsync(beneficiary);
        var download = new Uri("/People/MyRecord?handler=Download", UriKind.Relative);
        Assert.Equal("application/json", (await client.GetAsync(download)).Content.Headers.ContentType?.MediaType);

        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        using var stale = await client.GetAsync(download);
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal("/Account/Confirm?returnUrl=%2FPeople%2FMyRecord%3Fhandler%3DDownload", stale.Headers.Location?.OriginalString);

        using var confirmed = await client.PostFormAsync(stale.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Password"] = beneficiary.Password });
        Assert.Equal("/People/MyRecord?handler=Download", confirmed.Headers.Location?.OriginalString);
        using var fresh = await client.GetAsync(download);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal("application/json", fresh.Content.Headers.ContentType?.MediaType);
    }

    private async Task<HttpClient> SignInWithRecoveryCodeAsync(TestUser user, string code)
    {
        var client = factory.CreateCookieClient();
        using var password = await client.SignInAsync(user.Email, user.Password);
        var page = password.Headers.Location!.OriginalString;
        using var response = await client.PostFormAsync(page, new Dictionary<string, string> { ["RecoveryCode"] = code }, page.Replace("/Account/SignInCode?", "/Account/SignInCode?handler=Recovery&", StringComparison.Ordinal));
        return client;
    }

    private async Task<List<AuditEntry>> AuditAsync(Guid userId, AuditAction action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var id = userId.ToString();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<AuditEntry>()
            .Where(a => a.RecordType == "User" && a.RecordId == id && a.Action == action).ToListAsync();
    }

    [GeneratedRegex("data-testid=\"authenticator-key\" dir=\"ltr\">([A-Z2-7 ]+)</code>")]
    private static partial Regex AuthenticatorKey();

    [GeneratedRegex("<code class=\"fs-6\">[a-zA-Z0-9-]+</code>")]
    private static partial Regex RecoveryCode();
}
