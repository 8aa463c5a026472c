using System.Net;
using System.Text.Json;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Platform;

public sealed class OpenApiTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    [Fact]
    public async Task OpenApiDocument_Anonymous_DescribesMismesApi()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var info = json.RootElement.GetProperty("info");
        Assert.StartsWith("3.", json.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("Mismes API", info.GetProperty("title").GetString());
        Assert.Equal("v1", info.GetProperty("version").GetString());
        Assert.Contains("problem details", info.GetProperty("description").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OpenApiDocument_CultureEndpoint_NotDescribed()
    {
        var text = await factory.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.DoesNotContain("\"/culture\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiReference_Anonymous_ServesBrowsablePage()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/api-reference/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Mismes API", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> DocumentAsync() =>
        JsonDocument.Parse(await factory.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;

    private static List<string> Statuses(JsonElement operation) =>
        [.. operation.GetProperty("responses").EnumerateObject().Select(r => r.Name)];

    /// <summary>The scopes an operation's ApiKey requirement lists (null: no ApiKey requirement).</summary>
    private static List<string>? KeyScopes(JsonElement operation) =>
        operation.GetProperty("security").EnumerateArray()
            .Where(r => r.TryGetProperty("ApiKey", out _))
            .Select(r => r.GetProperty("ApiKey").EnumerateArray().Select(s => s.GetString()!).ToList())
            .FirstOrDefault();

    [Fact]
    public async Task OpenApiDocument_GetPerson_NeedsAKeyWithPeopleReadAndDeclaresItsProblemAnswers()
    {
        var document = await DocumentAsync();

        var operation = document.GetProperty("paths").GetProperty("/api/v1/people/{id}").GetProperty("get");

        Assert.Equal("apiKey", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("type").GetString());
        Assert.Equal(["people:read"], KeyScopes(operation));
        Assert.Contains(operation.GetProperty("security").EnumerateArray(), r => r.TryGetProperty("Cookie", out _));
        Assert.Superset(new HashSet<string>(["200", "400", "401", "403", "404", "429"]), Statuses(operation).ToHashSet());
        foreach (var status in new[] { "400", "401", "403", "404", "429" })
        {
            var content = operation.GetProperty("responses").GetProperty(status).GetProperty("content");
            Assert.True(content.TryGetProperty("application/problem+json", out var media), $"{status} is not problem details");
            Assert.True(media.GetProperty("schema").TryGetProperty("$ref", out _), $"{status} has no schema");
        }
    }

    [Fact]
    public async Task OpenApiDocument_CreatePerson_Declares400ValidationAnd409Conflict()
    {
        var operation = (await DocumentAsync()).GetProperty("paths").GetProperty("/api/v1/people").GetProperty("post");

        Assert.Equal(["people:write"], KeyScopes(operation));
        var responses = operation.GetProperty("responses");
        Assert.EndsWith("/HttpValidationProblemDetails", responses.GetProperty("400").GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString(), StringComparison.Ordinal);
        Assert.True(responses.GetProperty("409").GetProperty("content").TryGetProperty("application/problem+json", out _));
        Assert.DoesNotContain("404", Statuses(operation));
    }

    [Fact]
    public async Task OpenApiDocument_EveryOperation_SaysHowToAuthenticate()
    {
        var failures = new List<string>();
        foreach (var path in (await DocumentAsync()).GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var security = operation.Value.GetProperty("security").EnumerateArray().ToList();
                var optional = security.Any(r => !r.EnumerateObject().Any());
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                if (KeyScopes(operation.Value) is null)
                {
                    failures.Add(name + ": no ApiKey requirement");
                }

                if (!optional && !Statuses(operation.Value).Contains("401"))
                {
                    failures.Add(name + ": needs authentication but declares no 401");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task OpenApiDocument_PublicOperation_KeyOptionalAndNo401()
    {
        var operation = (await DocumentAsync()).GetProperty("paths").GetProperty("/api/v1/measures").GetProperty("get");

        Assert.Contains(operation.GetProperty("security").EnumerateArray(), r => !r.EnumerateObject().Any());
        Assert.DoesNotContain("401", Statuses(operation));
        Assert.Contains("400", Statuses(operation));
    }

    [Fact]
    public async Task OpenApiDocument_Enums_AreStringsWithTheirNames()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var status = schemas.GetProperty("PersonSummary").GetProperty("properties").GetProperty("migrationStatus");
        if (status.TryGetProperty("$ref", out var reference))
        {
            status = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        }

        Assert.Equal(["ProspectiveMigrant", "Abroad", "Returned"], status.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain(status.GetProperty("enum").EnumerateArray(), e => e.ValueKind == JsonValueKind.Number);
    }
}
