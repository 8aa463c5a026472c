using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Platform;

/// <summary>
/// Input the API cannot read answers 400 (413 when too large) validation problem details, never 500 — on every
/// endpoint under /api that takes a JSON body, found in the running host's route table, so a new capability's endpoints
/// are covered as soon as they exist.
/// </summary>
public sealed class BadInputTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private static readonly string Deep = string.Concat(Enumerable.Repeat("{\"a\":", 70)) + "1" + new string('}', 70);

    /// <summary>Each bad body, named for the test output. Wrong types and invalid UTF-8 hit a field every endpoint reads.</summary>
    public static TheoryData<string> BadBodies => [.. Bodies.Keys];

    private static readonly Dictionary<string, byte[]> Bodies = new(StringComparer.Ordinal)
    {
        ["malformed"] = Encoding.UTF8.GetBytes("{ \"firstNameLatin\": "),
        ["wrong types"] = Encoding.UTF8.GetBytes("{\"iscedLevel\":\"high\",\"startYear\":\"soon\",\"purpose\":7,\"duplicateId\":\"nope\",\"firstNameLatin\":12,\"slug\":12,\"text\":12,\"user\":12,\"occupationUri\":12,\"eqfLevel\":\"high\"}"),
        ["null"] = Encoding.UTF8.GetBytes("null"),
        ["empty"] = [],
        ["array"] = Encoding.UTF8.GetBytes("[1,2,3]"),
        ["nested 70 deep"] = Encoding.UTF8.GetBytes(Deep),
        ["invalid UTF-8"] = [.. Encoding.UTF8.GetBytes("{\"firstNameLatin\":\""), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\",\"slug\":\""), 0xC3, 0x28,
            .. Encoding.UTF8.GetBytes("\",\"purpose\":\""), 0xFF, .. Encoding.UTF8.GetBytes("\",\"duplicateId\":\""), 0xFF, .. Encoding.UTF8.GetBytes("\",\"text\":\""), 0xFF,
            .. Encoding.UTF8.GetBytes("\",\"user\":\""), 0xFF,
            .. Encoding.UTF8.GetBytes("\",\"occupationUri\":\""), 0xFF, .. Encoding.UTF8.GetBytes("\",\"countriesWanted\":[\""), 0xFF, .. Encoding.UTF8.GetBytes("\"]}")],
        ["2 MB"] = Encoding.UTF8.GetBytes("{\"notes\":\"" + new string('x', 2 * 1024 * 1024) + "\"}"),
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task EveryJsonEndpoint_BadBody_Answers400ProblemDetails(string body)
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Administrator, "TEST-BAD");
        var endpoints = JsonEndpoints();
        Assert.Contains(endpoints, e => e.Path.StartsWith("/api/v1/people", StringComparison.Ordinal));
        Assert.Contains(endpoints, e => e.Path.StartsWith("/api/v1/measures", StringComparison.Ordinal));
        var expected = body == "2 MB" ? HttpStatusCode.RequestEntityTooLarge : HttpStatusCode.BadRequest;

        var failures = new List<string>();
        foreach (var (method, path) in endpoints)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new ByteArrayContent(Bodies[body]) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != expected || response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                || !JsonDocument.Parse(text).RootElement.TryGetProperty("errors", out var errors) || !errors.EnumerateObject().Any())
            {
                failures.Add($"{method} {path}: {(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}");
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("/api/v1/people?page=abc", "page")]
    [InlineData("/api/v1/people?page=2147483647", "page")]
    [InlineData("/api/v1/people?pageSize=abc", "pageSize")]
    [InlineData("/api/v1/people?pageSize=100000", "pageSize")]
    [InlineData("/api/v1/measures?page=abc", "page")]
    [InlineData("/api/v1/measures?page=2147483647", "page")]
    public async Task List_BadPage_Answers400WithFieldError(string url, string field)
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Administrator, "TEST-BAD");

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }

    [Theory]
    [InlineData("Ali\u0000", "firstNameLatin")]
    [InlineData("Ali\u0007ce", "lastNameLatin")]
    [InlineData("بناني\u0085", "lastNameArabic")]
    public async Task CreatePerson_ControlCharacter_Answers400OnThatField(string value, string field)
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, "TEST-BAD");
        var person = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["firstNameLatin"] = "Amina",
            ["lastNameLatin"] = "Bennani",
            ["birthDate"] = "1990-04-12",
            ["sex"] = "Female",
            ["migrationStatus"] = "ProspectiveMigrant",
            [field] = value,
        };

        var response = await client.PostAsync(new Uri("/api/v1/people?culture=en", UriKind.Relative), JsonContent(person));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal("This text contains invisible control characters: remove them.", errors.GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task CreateMeasure_ControlCharacterInTitle_Answers400OnThatField()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, "TEST-BAD");
        var measure = new
        {
            phase = "PreMigration",
            models = new[] { "PreDepartureInformation" },
            texts = new Dictionary<string, object>(StringComparer.Ordinal) { ["fr"] = new { title = "Mesure\u0000 test", activities = "ligne 1\nligne 2" } },
        };

        var response = await client.PostAsync(new Uri("/api/v1/measures", UriKind.Relative), JsonContent(measure));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("Texts.fr.Title", out _), errors.ToString());
        Assert.False(errors.TryGetProperty("Texts.fr.Activities", out _), "line breaks are allowed in multi-line texts");
    }

    [Fact]
    public async Task ManyErrors_AtMostFiftyReturned()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, "TEST-BAD");
        var texts = Enumerable.Range(0, 5000).ToDictionary(i => "x" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), _ => new { title = "t" });
        var models = Enumerable.Range(0, 5000).Select(_ => "PreDepartureInformation").ToList();

        var response = await client.PostAsync(new Uri("/api/v1/measures", UriKind.Relative), JsonContent(new { phase = "PreMigration", models, texts }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(50, problem.GetProperty("errors").EnumerateObject().Count());
        Assert.True(problem.GetProperty("errorsTruncated").GetBoolean());
        Assert.True(body.Length < 20_000, $"{body.Length} characters");
    }

    private List<(string Method, string Path)> JsonEndpoints()
    {
        var result = new List<(string, string)>();
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern;
            if (pattern.RawText is not { } raw || !raw.StartsWith("/api", StringComparison.OrdinalIgnoreCase)
                || endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not { } accepts
                || !accepts.ContentTypes.Any(t => t.Contains("json", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var path = raw;
            foreach (var parameter in pattern.Parameters)
            {
                var value = parameter.ParameterPolicies.Any(p => p.Content == "guid") ? Guid.NewGuid().ToString() : "x";
                path = System.Text.RegularExpressions.Regex.Replace(path, "\\{" + parameter.Name + "[^}]*\\}", value);
            }

            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            {
                result.Add((method, path));
            }
        }

        return result;
    }

    private static StringContent JsonContent(object value) =>
        new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");
}
