using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Mismes.Core.Administration;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Administration;

public sealed partial class ApiKeyTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private sealed record Me(string Id, string Name, Guid? InstitutionId, string AuthenticationType, List<string> Roles);

    [Fact]
    public async Task ApiKey_OfInstitutionA_AuthenticatesAsPartnerServiceOfA()
    {
        var key = await factory.CreateApiKeyAsync("TEST-KEY-A");
        var client = factory.CreateApiKeyClient(key.Secret);

        var me = await client.GetFromJsonAsync<Me>(new Uri("/api/v1/me", UriKind.Relative));

        Assert.NotNull(me);
        Assert.Equal(key.InstitutionId, me.InstitutionId);
        Assert.Equal("ApiKey", me.AuthenticationType);
        Assert.Equal([Roles.PartnerService], me.Roles);
    }

    [Fact]
    public async Task ApiKey_InXApiKeyHeader_AlsoAuthenticates()
    {
        var key = await factory.CreateApiKeyAsync("TEST-KEY-A");
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Secret);

        var response = await client.GetAsync(new Uri("/api/v1/institutions", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("msk_not-a-real-key")]
    [InlineData("something-else")]
    public async Task ApiKey_Unknown_Gets401(string secret)
    {
        var client = factory.CreateApiKeyClient(secret);

        var response = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ApiKey_WithoutRights_Gets403()
    {
        var client = await factory.CreateApiKeyClientAsync("TEST-KEY-A");

        var response = await client.GetAsync(new Uri("/api/v1/audit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ApiKey_OnAPage_DoesNotSignIn()
    {
        var client = await factory.CreateApiKeyClientAsync("TEST-KEY-A");

        var response = await client.GetAsync(new Uri("/Administration/Institutions", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/SignIn", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiKeysPage_CreateThenRevoke_KeyWorksOnceShownAndGets401AfterRevocation()
    {
        var manager = await factory.CreateUserAsync(Roles.ProgrammeManager, "TEST-KEY-B");
        var browser = await factory.CreateSignedInClientAsync(manager);

        var created = await browser.PostFormAsync(
            "/Administration/ApiKeys",
            new Dictionary<string, string> { ["Name"] = "SEPE exchange", ["InstitutionId"] = manager.InstitutionId.ToString(), ["Scopes"] = "people:read" },
            "/Administration/ApiKeys?handler=Create");
        var html = await created.Content.ReadAsStringAsync();
        var secret = NewKey().Match(html).Groups[1].Value;
        var partner = factory.CreateApiKeyClient(secret);
        var me = await partner.GetFromJsonAsync<Me>(new Uri("/api/v1/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.StartsWith(ApiKeyService.KeyPrefix, secret, StringComparison.Ordinal);
        Assert.Equal(manager.InstitutionId, me?.InstitutionId);
        var list = await browser.GetStringAsync(new Uri("/Administration/ApiKeys", UriKind.Relative));
        Assert.Contains("SEPE exchange", list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);

        var keyId = RevokeForm().Match(list).Groups[1].Value;
        var revoked = await browser.PostFormAsync("/Administration/ApiKeys", [], $"/Administration/ApiKeys?handler=Revoke&id={keyId}");

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await partner.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ApiKeysPage_ManagerOfAnotherInstitution_CannotRevokeOrSeeTheKey()
    {
        var key = await factory.CreateApiKeyAsync("TEST-KEY-A");
        var otherManager = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, "TEST-KEY-C");

        var list = await otherManager.GetStringAsync(new Uri("/Administration/ApiKeys", UriKind.Relative));
        var revoke = await otherManager.PostFormAsync("/Administration/ApiKeys", [], $"/Administration/ApiKeys?handler=Revoke&id={key.Id}");

        Assert.DoesNotContain(key.Id.ToString(), list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateApiKeyClient(key.Secret).GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ApiKeysPage_ManagerCreatingForAnotherInstitution_GetsFieldError()
    {
        var otherInstitution = await factory.InstitutionIdAsync("TEST-KEY-A");
        var manager = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, "TEST-KEY-D");

        var response = await manager.PostFormAsync(
            "/Administration/ApiKeys?culture=en",
            new Dictionary<string, string> { ["Name"] = "sneaky", ["InstitutionId"] = otherInstitution.ToString() },
            "/Administration/ApiKeys?handler=Create&culture=en");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("You are not allowed to choose this value for the “Institution” field.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("new-api-key", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_DeclaresApiKeyAndCookieSchemes()
    {
        var client = factory.CreateClient();

        using var document = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var schemes = document.RootElement.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("X-Api-Key", schemes.GetProperty("ApiKey").GetProperty("name").GetString());
        Assert.Equal("cookie", schemes.GetProperty("Cookie").GetProperty("in").GetString());
        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty("/api/v1/audit", out _));
    }

    [GeneratedRegex("id=\"new-api-key\"[^>]*>([^<]+)<", RegexOptions.CultureInvariant)]
    private static partial Regex NewKey();

    [GeneratedRegex("ApiKeys\\?id=([0-9a-f-]{36})&amp;handler=Revoke", RegexOptions.CultureInvariant)]
    private static partial Regex RevokeForm();
}
