using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Administration;

/// <summary>
/// Sessions live on the server (issue 6, 3.1): a cookie copied before sign-out, a password change or another
/// revocation is refused afterwards; sessions end after 30 idle minutes and 12 hours after sign-in.
/// </summary>
public sealed class SessionTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private static readonly Uri Me = new("/api/v1/me", UriKind.Relative);

    [Fact]
    public async Task SignOut_OldCookieReplayed_IsRefused()
    {
        var user = await factory.CreateUserAsync(Roles.Advisor, "TEST-SESSION");
        var (client, cookie) = await factory.SignInKeepingCookieAsync(user);
        using var thief = factory.CreateReplayClient(cookie);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync(Me)).StatusCode);

        using var signOut = await client.PostFormAsync("/Account/SignOut", []);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.GetAsync(Me)).StatusCode);
        Assert.Equal(0, await SessionCountAsync(user.Id));
    }

    [Fact]
    public async Task SignOut_EndsOnlyThatSession()
    {
        var user = await factory.CreateUserAsync(Roles.Advisor, "TEST-SESSION");
        var (first, _) = await factory.SignInKeepingCookieAsync(user);
        var (_, otherBrowser) = await factory.SignInKeepingCookieAsync(user);

        await first.PostFormAsync("/Account/SignOut", []);

        using var other = factory.CreateReplayClient(otherBrowser);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(Me)).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_EveryOldCookieIsRefused_AndTheNewPasswordSignsIn()
    {
        var user = await factory.CreateUserAsync(Roles.CaseWorker, "TEST-SESSION");
        var (client, cookie) = await factory.SignInKeepingCookieAsync(user);
        var (_, otherBrowser) = await factory.SignInKeepingCookieAsync(user);
        const string newPassword = "New-Passphrase-For-Tests-2026";

        using var response = await client.PostFormAsync("/Account/ChangePassword?culture=en", new Dictionary<string, string>
        {
            ["CurrentPassword"] = user.Password,
            ["NewPassword"] = newPassword,
            ["ConfirmPassword"] = newPassword,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"password-changed\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var oldCookie = factory.CreateReplayClient(cookie);
        using var other = factory.CreateReplayClient(otherBrowser);
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldCookie.GetAsync(Me)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync(Me)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Me)).StatusCode);
        Assert.Equal(0, await SessionCountAsync(user.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(user.Email, newPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Me)).StatusCode);
    }

    [Fact]
    public async Task SignIn_WhileSignedIn_StartsANewSessionAndEndsTheOldOne()
    {
        var first = await factory.CreateUserAsync(Roles.Advisor, "TEST-SESSION");
        var second = await factory.CreateUserAsync(Roles.Advisor, "TEST-SESSION");
        var (client, firstCookie) = await factory.SignInKeepingCookieAsync(first);

        using var response = await client.SignInAsync(second.Email, second.Password);

        var secondCookie = SignInHelpers.AuthCookieOf(response);
        Assert.NotEqual(firstCookie, secondCookie);
        using var old = factory.CreateReplayClient(firstCookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync(Me)).StatusCode);
        Assert.Equal(0, await SessionCountAsync(first.Id));
        Assert.Equal(1, await SessionCountAsync(second.Id));
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_NamesTheFieldAndChangesNothing()
    {
        var user = await factory.CreateUserAsync(Roles.CaseWorker, "TEST-SESSION");
        var (client, cookie) = await factory.SignInKeepingCookieAsync(user);

        using var response = await client.PostFormAsync("/Account/ChangePassword?culture=en", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "not the password at all",
            ["NewPassword"] = "New-Passphrase-For-Tests-2026",
            ["ConfirmPassword"] = "New-Passphrase-For-Tests-2026",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Current password: it is not correct.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#CurrentPassword\"", html, StringComparison.Ordinal);
        using var sameCookie = factory.CreateReplayClient(cookie);
        Assert.Equal(HttpStatusCode.OK, (await sameCookie.GetAsync(Me)).StatusCode);
    }

    [Fact]
    public async Task Session_IdleFor30Minutes_IsRefused()
    {
        var user = await factory.CreateUserAsync(Roles.Advisor, "TEST-SESSION");
        var (_, cookie) = await factory.SignInKeepingCookieAsync(user);
        using var browser = factory.CreateReplayClient(cookie);

        factory.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Me)).StatusCode);
        factory.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Me)).StatusCode);
        factory.Clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(Me)).StatusCode);
    }

    [Fact]
    public async Task Session_ActiveAllDay_EndsTwelveHoursAfterSignIn()
    {
        var user = await factory.CreateUserAsync(Roles.Advisor, "TEST-SESSION");
        var (_, cookie) = await factory.SignInKeepingCookieAsync(user);
        using var browser = factory.CreateReplayClient(cookie);

        // A request every 20 minutes for 11 h 40 min: never idle, always accepted.
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(11.5); elapsed += TimeSpan.FromMinutes(20))
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Me)).StatusCode);
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(Me)).StatusCode);
    }

    [Fact]
    public async Task Revocation_ByTheServiceForOneUser_EndsItsSessionsOnly()
    {
        var user = await factory.CreateUserAsync(Roles.Advisor, "TEST-SESSION");
        var bystander = await factory.CreateUserAsync(Roles.Advisor, "TEST-SESSION");
        var (_, cookie) = await factory.SignInKeepingCookieAsync(user);
        var (_, bystanderCookie) = await factory.SignInKeepingCookieAsync(bystander);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserSessions>().RevokeAllAsync(user.Id, CancellationToken.None);
        }

        using var revoked = factory.CreateReplayClient(cookie);
        using var untouched = factory.CreateReplayClient(bystanderCookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync(Me)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await untouched.GetAsync(Me)).StatusCode);
    }

    [Fact]
    public async Task Cookie_HoldsOnlyASessionKey()
    {
        var user = await factory.CreateUserAsync(Roles.Advisor, "TEST-SESSION");

        var (_, cookie) = await factory.SignInKeepingCookieAsync(user);

        // A whole ticket (claims) is well over 500 characters once protected; a session key alone is not.
        Assert.True(cookie.Length < 500, $"cookie of {cookie.Length} characters");
        Assert.Equal(1, await SessionCountAsync(user.Id));
    }

    private async Task<int> SessionCountAsync(Guid userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<UserSession>().CountAsync(s => s.UserId == userId);
    }
}
