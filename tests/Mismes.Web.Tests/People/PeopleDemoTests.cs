using System.Net.Http.Json;
using System.Text.Json;
using Mismes.Core.Administration;
using Mismes.Core.People;
using Mismes.TestCommon;
using Mismes.TestCommon.People;

namespace Mismes.Web.Tests.People;

/// <summary>A host started with demo data: the registry is alive, in several institutions, and the demo duplicates are caught.</summary>
public sealed class PeopleDemoTests : IClassFixture<PeopleDemoTests.DemoFactory>
{
    private readonly DemoFactory _factory;

    public PeopleDemoTests(DemoFactory factory) => _factory = factory;

    public sealed class DemoFactory : MismesWebFactory
    {
        public DemoFactory() => Settings["Demo:Seed"] = "true";
    }

    [Fact]
    public async Task DemoSeed_Administrator_SeesAllDemoPeopleAtEveryStage()
    {
        var client = await _factory.CreateSignedInClientAsync(Roles.Administrator, "ADMIN-DEMO");

        var all = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/people?pageSize=1", UriKind.Relative));
        Assert.True(all.GetProperty("total").GetInt32() >= PeopleDemoSeeder.Total - PeopleDemoSeeder.DuplicateCount);
        foreach (var status in Enum.GetNames<MigrationStatus>())
        {
            var byStatus = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/people?status={status}&pageSize=1", UriKind.Relative));
            Assert.True(byStatus.GetProperty("total").GetInt32() >= 50, status);
        }
    }

    [Fact]
    public async Task DemoSeed_SearchPage_ShowsDemoPeople()
    {
        var client = await _factory.CreateSignedInClientAsync(Roles.Administrator, "ADMIN-DEMO");

        var html = await client.GetStringAsync(new Uri("/People?status=Abroad&culture=fr", UriKind.Relative));

        Assert.Contains("Espagne", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/People/Details/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoSeed_DemoBeneficiary_SeesTheLinkedDemoRecord()
    {
        var client = _factory.CreateCookieClient();
        var signIn = await client.SignInAsync("beneficiary@" + DemoAccounts.EmailDomain, DemoAccounts.DefaultPassword);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);

        var html = await client.GetStringAsync(new Uri("/People/MyRecord?culture=fr", UriKind.Relative));

        Assert.Contains("data-testid=\"about\"", html, StringComparison.Ordinal);
        Assert.Contains("Je retire mon accord", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"no-record\"", html, StringComparison.Ordinal);
    }
}
