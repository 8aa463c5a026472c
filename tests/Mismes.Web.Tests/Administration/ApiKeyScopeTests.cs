using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.TestCommon;
using Mismes.Web.Administration;
using Mismes.Web.Platform;

namespace Mismes.Web.Tests.Administration;

/// <summary>The host with one more scope, declared as a module would, that only an administrator may grant.</summary>
public sealed class AdminOnlyScopeHost : MismesWebFactory
{
    public const string Scope = "test:admin-only";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddApiScope(new(Scope, "Administration.ApiScope.AuditRead", Policies.Administer, 99)));
    }
}

/// <summary>API keys act only within their scopes and their institution (docs/adr/0019-api-key-scopes.md).</summary>
public sealed partial class ApiKeyScopeTests(AdminOnlyScopeHost factory) : IClassFixture<AdminOnlyScopeHost>
{
    private const string Own = "TEST-SCOPE-OWN";
    private const string Other = "TEST-SCOPE-OTHER";
    private static readonly Uri People = new("/api/v1/people", UriKind.Relative);

    private sealed record Me(Guid? InstitutionId, List<string> Roles, List<string> Scopes);

    /// <summary>Registers a person through the API as an advisor of the institution would (so search finds them).</summary>
    private async Task<Guid> PersonAsync(string institutionCode, string lastName)
    {
        var advisor = await factory.CreateSignedInClientAsync(Roles.Advisor, institutionCode);
        var response = await advisor.PostAsJsonAsync(People, new
        {
            firstNameLatin = "Scoped",
            lastNameLatin = lastName,
            birthDate = "1991-03-04",
            sex = "Female",
            migrationStatus = "Returned",
            confirmNotDuplicate = true,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task PeopleReadKey_OwnInstitution_ListsAndReadsPeople_OtherInstitution404()
    {
        var mine = await PersonAsync(Own, "Ouazzani");
        var theirs = await PersonAsync(Other, "Ouazzani");
        var client = await factory.CreateApiKeyClientAsync(Own, "people:read");

        var list = await client.PostAsJsonAsync(new Uri("/api/v1/people/search", UriKind.Relative), new { text = "Ouazzani" });
        var own = await client.GetAsync(new Uri($"/api/v1/people/{mine}", UriKind.Relative));
        var other = await client.GetAsync(new Uri($"/api/v1/people/{theirs}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var ids = JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement.GetProperty("items")
            .EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(mine, ids);
        Assert.DoesNotContain(theirs, ids);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PeopleReadKey_ReadsAPerson_AuditedAsTheKeyAndNamedOnTheAuditPage()
    {
        var mine = await PersonAsync(Own, "Kettani");
        var key = await factory.CreateApiKeyAsync(Own, "people:read");

        var read = await factory.CreateApiKeyClient(key.Secret).GetAsync(new Uri($"/api/v1/people/{mine}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var id = mine.ToString();
            var entry = await db.Set<AuditEntry>().SingleAsync(a => a.RecordType == "Person" && a.RecordId == id && a.Action == AuditAction.Read);
            Assert.Equal(key.Id, entry.ApiKeyId);
            Assert.Null(entry.UserId);
            Assert.Equal(key.InstitutionId, entry.InstitutionId);
        }

        var admin = await factory.CreateSignedInClientAsync(Roles.Administrator, Own);
        var page = await admin.GetStringAsync(new Uri($"/Administration/Audit?recordType=Person&recordId={mine}&culture=en", UriKind.Relative));
        Assert.Contains("API key “test key”", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PeopleReadKey_Writes_Get403()
    {
        var mine = await PersonAsync(Own, "Lahlou");
        var client = await factory.CreateApiKeyClientAsync(Own, "people:read");

        var create = await client.PostAsJsonAsync(People, new { firstNameLatin = "Amal", lastNameLatin = "Lahlou" });
        var update = await client.PutAsJsonAsync(new Uri($"/api/v1/people/{mine}", UriKind.Relative), new { firstNameLatin = "Amal" });
        var withdraw = await client.DeleteAsync(new Uri($"/api/v1/people/{mine}/consents/ShareProfileWithForeignEmployers", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withdraw.StatusCode);
        Assert.Equal("application/problem+json", create.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData]
    [InlineData("audit:read")]
    [InlineData("catalogue:write")]
    public async Task KeyWithoutPeopleScopes_People_Gets403(params string[] scopes)
    {
        var mine = await PersonAsync(Own, "Berrada");
        var client = await factory.CreateApiKeyClientAsync(Own, scopes);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(People)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri($"/api/v1/people/{mine}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task PeopleWriteKey_RegistersAPerson_InTheKeysInstitution()
    {
        var key = await factory.CreateApiKeyAsync(Own, "people:write");
        var client = factory.CreateApiKeyClient(key.Secret);

        var response = await client.PostAsJsonAsync(People, new
        {
            firstNameLatin = "Hind",
            lastNameLatin = "Skalli",
            birthDate = "1987-11-30",
            sex = "Female",
            migrationStatus = "Abroad",
            confirmNotDuplicate = true,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(key.InstitutionId, body.GetProperty("institutionId").GetGuid());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(People)).StatusCode);
    }

    [Fact]
    public async Task AuditReadKey_ReadsTheAuditTrail_OthersGet403()
    {
        var reader = await factory.CreateApiKeyClientAsync(Own, "audit:read");
        var other = await factory.CreateApiKeyClientAsync(Own, "people:read", "people:write");

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri("/api/v1/audit", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(new Uri("/api/v1/audit", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Me_ApiKey_ShowsItsScopesAndOnlyThePartnerRole()
    {
        var key = await factory.CreateApiKeyAsync(Own, "people:write", "people:read");

        var me = await factory.CreateApiKeyClient(key.Secret).GetFromJsonAsync<Me>(new Uri("/api/v1/me", UriKind.Relative));

        Assert.NotNull(me);
        Assert.Equal(key.InstitutionId, me.InstitutionId);
        Assert.Equal([Roles.PartnerService], me.Roles);
        Assert.Equal(["people:read", "people:write"], me.Scopes);
    }

    [Fact]
    public async Task StaffCookie_PeopleApi_WorksAsBefore()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, Own);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(People)).StatusCode);
    }

    [Fact]
    public async Task ApiKeysPage_ManagerGrantsPeopleRead_KeyHasItAndPageSaysItInPlainWords()
    {
        var manager = await factory.CreateUserAsync(Roles.ProgrammeManager, "TEST-SCOPE-PAGE");
        var browser = await factory.CreateSignedInClientAsync(manager);

        var created = await browser.PostFormAsync(
            "/Administration/ApiKeys?culture=en",
            [new("Name", "SEPE people sync"), new("InstitutionId", manager.InstitutionId.ToString()), new("Scopes", "people:read")],
            "/Administration/ApiKeys?handler=Create&culture=en");
        var html = await created.Content.ReadAsStringAsync();
        var secret = NewKey().Match(html).Groups[1].Value;
        var me = await factory.CreateApiKeyClient(secret).GetFromJsonAsync<Me>(new Uri("/api/v1/me", UriKind.Relative));

        Assert.Equal(["people:read"], me?.Scopes);
        Assert.Contains("search and read the people registered by its institution", html, StringComparison.Ordinal);
        var list = await browser.GetStringAsync(new Uri("/Administration/ApiKeys?culture=fr", UriKind.Relative));
        Assert.Contains("rechercher et consulter les personnes inscrites par son institution", list, StringComparison.Ordinal);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var keyId = await db.Set<ApiKey>().Where(k => k.Name == "SEPE people sync" && k.InstitutionId == manager.InstitutionId).Select(k => k.Id).SingleAsync();
        var audit = await db.Set<AuditEntry>().SingleAsync(a => a.RecordType == "ApiKey" && a.RecordId == keyId.ToString());
        Assert.Equal(AuditAction.Create, audit.Action);
        Assert.Equal(manager.Id, audit.UserId);
        Assert.Equal("Name,InstitutionId,Scopes;scopes:people:read", audit.Details);
    }

    [Fact]
    public async Task ApiKeysPage_ScopeTheCreatorLacks_NotOfferedAndRefused()
    {
        var manager = await factory.CreateUserAsync(Roles.ProgrammeManager, "TEST-SCOPE-PAGE");
        var browser = await factory.CreateSignedInClientAsync(manager);

        var form = await browser.GetStringAsync(new Uri("/Administration/ApiKeys", UriKind.Relative));
        var response = await browser.PostFormAsync(
            "/Administration/ApiKeys?culture=en",
            [new("Name", "too much"), new("InstitutionId", manager.InstitutionId.ToString()), new("Scopes", "people:read"), new("Scopes", AdminOnlyScopeHost.Scope)],
            "/Administration/ApiKeys?handler=Create&culture=en");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("value=\"people:read\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain(AdminOnlyScopeHost.Scope, form, StringComparison.Ordinal);
        Assert.Contains("You are not allowed to choose this value for the “Permissions” field.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Scopes\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("new-api-key", html, StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ApiKey>().AnyAsync(k => k.Name == "too much"));
    }

    [Fact]
    public async Task ApiKeysPage_AdministratorHoldsTheRight_MayGrantIt()
    {
        var admin = await factory.CreateUserAsync(Roles.Administrator, "TEST-SCOPE-PAGE");
        var browser = await factory.CreateSignedInClientAsync(admin);

        var response = await browser.PostFormAsync(
            "/Administration/ApiKeys",
            [new("Name", "admin grant"), new("InstitutionId", admin.InstitutionId.ToString()), new("Scopes", AdminOnlyScopeHost.Scope)],
            "/Administration/ApiKeys?handler=Create");

        Assert.Matches(NewKey(), await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("everything:write")]
    [InlineData("")]
    public async Task ApiKeysPage_UnknownOrNoScope_GetsFieldError(string scope)
    {
        var manager = await factory.CreateUserAsync(Roles.ProgrammeManager, "TEST-SCOPE-PAGE");
        var browser = await factory.CreateSignedInClientAsync(manager);

        var response = await browser.PostFormAsync(
            "/Administration/ApiKeys?culture=en",
            [new("Name", "odd key"), new("InstitutionId", manager.InstitutionId.ToString()), new("Scopes", scope)],
            "/Administration/ApiKeys?handler=Create&culture=en");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains(scope.Length == 0 ? "The “Permissions” field is required." : "You are not allowed to choose this value for the “Permissions” field.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("new-api-key", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryScopeAnEndpointRequires_IsDeclaredByAModule()
    {
        using var _ = factory.CreateClient();
        var declared = factory.Services.GetServices<ApiScope>().Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var required = factory.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .SelectMany(e => e.Metadata.GetOrderedMetadata<RequiredApiScope>()).Select(s => s.Scope).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(required.Except(declared));
        Assert.Superset(new HashSet<string>(["people:read", "people:write", "catalogue:write", "audit:read"], StringComparer.Ordinal), required);
    }

    [GeneratedRegex("id=\"new-api-key\"[^>]*>([^<]+)<", RegexOptions.CultureInvariant)]
    private static partial Regex NewKey();
}
