using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Platform;

/// <summary>A host with small limits (RateLimits:*), each test on its own partition (client address, account or key).</summary>
public sealed class SmallLimitsHost : MismesWebFactory
{
    public const int SignInPerClient = 10;
    public const int ApiKey = 3;
    public const int Search = 4;
    public const int DuplicateCheck = 2;

    public SmallLimitsHost()
    {
        Set("SignInPerClient", SignInPerClient);
        Set("ApiKey", ApiKey);
        Set("Search", Search);
        Set("DuplicateCheck", DuplicateCheck);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, PeerFromHeader>());
    }

    private void Set(string rule, int limit)
    {
        Settings[$"RateLimits:{rule}:PermitLimit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings[$"RateLimits:{rule}:Window"] = "01:00:00";
    }
}

public sealed class RateLimitTests(SmallLimitsHost host) : IClassFixture<SmallLimitsHost>
{
    [Fact]
    public async Task SignIn_150PostsFromOneClient_429AfterTheLimit()
    {
        var client = host.CreateCookieClient();
        client.DefaultRequestHeaders.Add(PeerFromHeader.Header, "192.0.2.1");
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 150; i++)
        {
            var response = await client.SignInAsync($"nobody-{i}@test.mismes.ma", "wrong password 123", "en");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && statuses.Count(s => s == HttpStatusCode.TooManyRequests) == 1)
            {
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");
                Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
                Assert.Contains("Too many attempts", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.All(statuses.Take(SmallLimitsHost.SignInPerClient), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(statuses.Skip(SmallLimitsHost.SignInPerClient), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Theory]
    [InlineData("/Account/ForgotPassword", "192.0.2.21")]
    [InlineData("/Account/ResetPassword", "192.0.2.22")]
    public async Task AccountForm_PostsFromOneClient_429AfterTheSignInLimit(string form, string clientAddress)
    {
        var client = host.CreateCookieClient();
        client.DefaultRequestHeaders.Add(PeerFromHeader.Header, clientAddress);
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < SmallLimitsHost.SignInPerClient + 5; i++)
        {
            // The reset page shows no form without a valid link: the antiforgery token comes from the other account form.
            using var response = await client.PostFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = $"nobody-{i}@test.mismes.ma" }, form);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(SmallLimitsHost.SignInPerClient), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(statuses.Skip(SmallLimitsHost.SignInPerClient), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task SignIn_StrangerOverTheLimitOnAnAccount_DoesNotKeepItsOwnerOut()
    {
        var user = await host.CreateUserAsync(Roles.Advisor, "TEST-RL");
        var stranger = host.CreateCookieClient();
        stranger.DefaultRequestHeaders.Add(PeerFromHeader.Header, "198.51.100.60");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < SmallLimitsHost.SignInPerClient + 3; i++)
        {
            statuses.Add((await stranger.SignInAsync(user.Email.ToUpperInvariant(), "wrong password 123")).StatusCode);
        }

        // No limit follows the account name: its owner, from elsewhere, still signs in.
        var owner = host.CreateCookieClient();
        owner.DefaultRequestHeaders.Add(PeerFromHeader.Header, "198.51.100.61");
        using var response = await owner.SignInAsync(user.Email, user.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task ApiKey_OverItsLimit_429ProblemDetailsWithRetryAfter()
    {
        var client = await host.CreateApiKeyClientAsync("TEST-RL");

        for (var i = 0; i < SmallLimitsHost.ApiKey; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        }

        var refused = await client.GetAsync(new Uri("/api/v1/me?culture=fr", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("Trop de tentatives", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task PeopleSearch_OverTheLimit_429()
    {
        var client = await host.CreateSignedInClientAsync(Roles.Advisor, "TEST-RL");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < SmallLimitsHost.Search + 1; i++)
        {
            statuses.Add((await client.PostAsJsonAsync(new Uri("/api/v1/people/search", UriKind.Relative), new { text = "amina" })).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, SmallLimitsHost.Search), HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task DuplicateCheck_OverTheLimit_429()
    {
        var client = await host.CreateSignedInClientAsync(Roles.Advisor, "TEST-RL");
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < SmallLimitsHost.DuplicateCheck + 1; i++)
        {
            using var body = new StringContent(
                "{\"firstNameLatin\":\"Amina\",\"lastNameLatin\":\"Bennani\",\"birthDate\":\"1990-04-12\",\"sex\":\"Female\",\"migrationStatus\":\"ProspectiveMigrant\"}",
                System.Text.Encoding.UTF8,
                "application/json");
            statuses.Add((await client.PostAsync(new Uri("/api/v1/people/duplicates", UriKind.Relative), body)).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, SmallLimitsHost.DuplicateCheck), HttpStatusCode.TooManyRequests], statuses);
    }
}
