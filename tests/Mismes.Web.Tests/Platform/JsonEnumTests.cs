using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mismes.Core.Administration;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Platform;

/// <summary>Enums are names both ways in the API: a GET returns what a POST accepts, and a bad value is a 400 naming the field.</summary>
public sealed class JsonEnumTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private const string Institution = "TEST-ENUMS";

    [Fact]
    public async Task SearchPeople_MigrationStatus_IsItsName()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, Institution);
        var created = await client.PostAsJsonAsync(new Uri("/api/v1/people", UriKind.Relative), new
        {
            firstNameLatin = "Enum",
            lastNameLatin = "Tazi",
            birthDate = "1980-05-06",
            sex = "Male",
            migrationStatus = "Returned",
            confirmNotDuplicate = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var search = await client.PostAsJsonAsync(new Uri("/api/v1/people/search", UriKind.Relative), new { text = "Tazi" });
        var body = JsonDocument.Parse(await search.Content.ReadAsStringAsync()).RootElement;

        var status = Assert.Single(body.GetProperty("items").EnumerateArray()).GetProperty("migrationStatus");
        Assert.Equal(JsonValueKind.String, status.ValueKind);
        Assert.Equal("Returned", status.GetString());
    }

    [Theory]
    [InlineData("\"Nowhere\"")]
    [InlineData("2")]
    public async Task CreatePerson_BadMigrationStatus_Is400NamingTheField(string value)
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, Institution);
        var json = $$"""{"firstNameLatin":"Rim","lastNameLatin":"Alami","birthDate":"1990-01-01","sex":"Female","migrationStatus":{{value}}}""";

        var response = await client.PostAsync(new Uri("/api/v1/people", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("migrationStatus", out _), errors.ToString());
    }

    [Fact]
    public async Task SearchAudit_Action_IsItsName()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Administrator, Institution);

        var body = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/audit", UriKind.Relative));

        Assert.All(body.GetProperty("items").EnumerateArray(), row => Assert.Equal(JsonValueKind.String, row.GetProperty("action").ValueKind));
        Assert.NotEmpty(body.GetProperty("items").EnumerateArray());
    }
}
