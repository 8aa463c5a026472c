using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Administration;

/// <summary>
/// Account enumeration and lockout abuse (issue 6, 3.4): one answer for every refused sign-in, and throttling by
/// client so that no single client can lock an account. Timing is measured, not tested (see the report).
/// </summary>
public sealed partial class SignInThrottleTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private static readonly Uri Me = new("/api/v1/me", UriKind.Relative);

    [Fact]
    public async Task SignIn_UnknownLockedOrWrongPassword_GetsTheSameAnswer()
    {
        var wrongPassword = await factory.CreateUserAsync(Roles.Administrator, "TEST-THROTTLE");
        var locked = await factory.CreateUserAsync(Roles.Administrator, "TEST-THROTTLE");
        await LockAsync(locked);

        var answers = new List<(HttpStatusCode Status, string Body)>();
        foreach (var (email, password, client) in new[]
        {
            (wrongPassword.Email, "Not-The-Password-2026", "192.0.2.1"),
            (locked.Email, locked.Password, "192.0.2.2"),
            (locked.Email, "Not-The-Password-2026", "192.0.2.3"),
            ($"nobody-{Guid.NewGuid():N}@test.mismes.ma", "Not-The-Password-2026", "192.0.2.4"),
        })
        {
            using var response = await factory.CreateCookieClient(client).SignInAsync(email, password, "en");
            answers.Add((response.StatusCode, Normalise(await response.Content.ReadAsStringAsync(), email)));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Contains("Incorrect e-mail address or password.", answers[0].Body, StringComparison.Ordinal);
        Assert.All(answers, a => Assert.Equal(answers[0].Body, a.Body));
    }

    [Fact]
    public async Task SignIn_EveryRefusal_VerifiesExactlyOnePasswordHash()
    {
        var user = await factory.CreateUserAsync(Roles.Advisor, "TEST-THROTTLE");
        var locked = await factory.CreateUserAsync(Roles.Advisor, "TEST-THROTTLE");
        await LockAsync(locked);
        var throttled = factory.CreateCookieClient("192.0.2.20");
        for (var i = 0; i < SignInThrottle.PerAccountAndClient; i++)
        {
            await throttled.SignInAsync(user.Email, "Wrong-Password-" + i);
        }

        var verifications = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, client, email, password) in new[]
        {
            ("unknown account", factory.CreateCookieClient("192.0.2.21"), $"nobody-{Guid.NewGuid():N}@test.mismes.ma", "Not-The-Password-2026"),
            ("wrong password", factory.CreateCookieClient("192.0.2.22"), user.Email, "Not-The-Password-2026"),
            ("locked account", factory.CreateCookieClient("192.0.2.23"), locked.Email, locked.Password),
            ("throttled client", throttled, user.Email, user.Password),
        })
        {
            var before = factory.PasswordHasher.Verifications;
            using var response = await client.SignInAsync(email, password, "en");
            Assert.Contains("Incorrect e-mail address or password.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            verifications[name] = factory.PasswordHasher.Verifications - before;
        }

        Assert.All(verifications, v => Assert.True(v.Value == 1, $"{v.Key}: {v.Value} password verifications"));
    }

    [Fact]
    public async Task SignIn_ManyFailuresFromOneClient_DoNotLockTheAccountForAnotherClient()
    {
        var admin = await factory.CreateUserAsync(Roles.Administrator, "TEST-THROTTLE");
        var attacker = factory.CreateCookieClient("203.0.113.66");
        for (var i = 0; i < 60; i++)
        {
            await attacker.SignInAsync(admin.Email, "Guess-Number-" + i);
        }

        using var attackerRightPassword = await attacker.SignInAsync(admin.Email, admin.Password, "en");
        using var adminFromElsewhere = await factory.CreateCookieClient("198.51.100.7").SignInAsync(admin.Email, admin.Password);

        // Stopped altogether after PerClient failures, with an answer that says nothing about the account.
        Assert.Equal(HttpStatusCode.TooManyRequests, attackerRightPassword.StatusCode);
        Assert.Contains("Too many failed sign-ins from this connection", await attackerRightPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, adminFromElsewhere.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var lockoutEnd = (await users.FindByIdAsync(admin.Id.ToString()))!.LockoutEnd;
        Assert.True(lockoutEnd is null || lockoutEnd <= factory.Clock.GetUtcNow(), $"locked out until {lockoutEnd}");
    }

    [Fact]
    public async Task SignIn_FiveFailuresFromOneClient_RefuseThatClientThisAccountEvenWithTheRightPassword()
    {
        var user = await factory.CreateUserAsync(Roles.Advisor, "TEST-THROTTLE");
        var client = factory.CreateCookieClient("203.0.113.5");
        for (var i = 0; i < SignInThrottle.PerAccountAndClient; i++)
        {
            await client.SignInAsync(user.Email, "Wrong-Password-" + i);
        }

        using var refused = await client.SignInAsync(user.Email, user.Password, "en");
        using var otherClient = await factory.CreateCookieClient("198.51.100.5").SignInAsync(user.Email, user.Password);
        factory.Clock.Advance(SignInThrottle.Window);
        using var later = await client.SignInAsync(user.Email, user.Password);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Incorrect e-mail address or password.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, otherClient.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
    }

    [Fact]
    public async Task SignIn_PasswordSprayingFromOneClient_IsRefusedWith429()
    {
        var user = await factory.CreateUserAsync(Roles.Advisor, "TEST-THROTTLE");
        var sprayer = factory.CreateCookieClient("203.0.113.99");
        for (var i = 0; i < SignInThrottle.PerClient; i++)
        {
            await sprayer.SignInAsync($"victim-{i}@test.mismes.ma", "Welcome-To-Mismes-1");
        }

        using var response = await sprayer.SignInAsync(user.Email, user.Password, "en");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("Too many failed sign-ins from this connection", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateCookieClient("198.51.100.8").SignInAsync(user.Email, user.Password)).StatusCode);
    }

    [Fact]
    public async Task SignIn_FailuresFromManyClients_LockTheAccountAndEndItsSessions()
    {
        var user = await factory.CreateUserAsync(Roles.ProgrammeManager, "TEST-THROTTLE");
        var (_, cookie) = await factory.SignInKeepingCookieAsync(user);
        for (var c = 0; c < SignInThrottle.PerAccount / SignInThrottle.PerAccountAndClient; c++)
        {
            var client = factory.CreateCookieClient($"198.18.0.{c + 1}");
            for (var i = 0; i < SignInThrottle.PerAccountAndClient; i++)
            {
                await client.SignInAsync(user.Email, $"Distributed-Guess-{c}-{i}");
            }
        }

        using var replay = factory.CreateReplayClient(cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync(Me)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateCookieClient("198.51.100.9").SignInAsync(user.Email, user.Password)).StatusCode);
        factory.Clock.Advance(SignInThrottle.Window + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateCookieClient("198.51.100.9").SignInAsync(user.Email, user.Password)).StatusCode);
    }

    private async Task LockAsync(TestUser user)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var appUser = await users.FindByIdAsync(user.Id.ToString());
        await users.SetLockoutEndDateAsync(appUser!, factory.Clock.GetUtcNow().AddHours(1));
    }

    /// <summary>The page without what differs by nature: the antiforgery token and the e-mail typed back into the form.</summary>
    private static string Normalise(string html, string email) =>
        AntiforgeryValue().Replace(html.Replace(email, "EMAIL", StringComparison.Ordinal), "value=\"TOKEN\"");

    [GeneratedRegex("value=\"CfDJ8[^\"]*\"", RegexOptions.CultureInvariant)]
    private static partial Regex AntiforgeryValue();
}

/// <summary>A host behind a reverse proxy at <see cref="Proxy"/> (ForwardedHeaders:KnownProxies).</summary>
public sealed class BehindProxyHost : MismesWebFactory
{
    public const string Proxy = "10.9.0.1";

    public BehindProxyHost() => Settings["ForwardedHeaders:KnownProxies:0"] = Proxy;
}

/// <summary>Behind the configured proxy the throttle counts the client the proxy names, not the proxy itself.</summary>
public sealed class SignInThrottleBehindProxyTests(BehindProxyHost host) : IClassFixture<BehindProxyHost>
{
    [Fact]
    public async Task SignIn_ThrottledClientBehindTheProxy_DoesNotStopOtherClientsOfTheProxy()
    {
        var user = await host.CreateUserAsync(Roles.Advisor, "TEST-THROTTLE");
        var attacker = ThroughProxy("203.0.113.77");
        for (var i = 0; i < SignInThrottle.PerClient; i++)
        {
            await attacker.SignInAsync($"victim-{i}@test.mismes.ma", "Welcome-To-Mismes-1");
        }

        using var attackerAgain = await attacker.SignInAsync(user.Email, user.Password);
        using var colleague = await ThroughProxy("198.51.100.20").SignInAsync(user.Email, user.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, attackerAgain.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, colleague.StatusCode);
    }

    private HttpClient ThroughProxy(string client)
    {
        var http = host.CreateCookieClient(BehindProxyHost.Proxy);
        http.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        return http;
    }
}
