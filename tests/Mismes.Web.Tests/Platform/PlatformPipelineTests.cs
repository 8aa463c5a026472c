using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core;
using Mismes.TestCommon;
using Mismes.Web.Platform;

namespace Mismes.Web.Tests.Platform;

/// <summary>
/// The platform's pipeline (AddPlatform/UsePlatform/MapPlatformEndpoints, exactly as Program.cs calls them) with a
/// few endpoints that fail on purpose, to prove what users and API clients see when things go wrong.
/// </summary>
public sealed class PlatformPipelineTests : IAsyncLifetime
{
    private const string SecretMessage = "Connection to the secret database at 10.0.0.7 failed";
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), "mismes_pipeline_" + Guid.NewGuid().ToString("N")[..12] + ".db");
    private WebApplication? _app;

    private HttpClient Client => _app!.GetTestClient();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ApplicationName = typeof(Program).Assembly.GetName().Name,
            ContentRootPath = Path.Combine(RepoPaths.Root, "src", "Mismes.Web"),
        });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ConnectionStrings:Mismes"] = $"Data Source={_databaseFile}",
            ["Database:MigrateAtStart"] = "true",
        });
        builder.AddPlatform();
        builder.Services.AddCore();
        _app = builder.Build();
        await _app.PrepareDatabaseAsync();
        _app.UsePlatform();
        _app.MapPlatformEndpoints();

        var api = _app.MapGroup("/api/test").AllowAnonymous();
        api.MapGet("/boom", string () => throw new InvalidOperationException(SecretMessage));
        api.MapGet("/invalid", () => TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["email"] = ["The e-mail address is not valid."],
        }));
        api.MapGet("/forbidden", () => TypedResults.Forbid());
        api.MapGet("/not-found", () => TypedResults.NotFound());
        api.MapPost("/echo", (EchoRequest request) => TypedResults.Ok(request));
        _app.MapGet("/api/test/private", () => "secret");
        _app.MapGet("/test/boom", string () => throw new InvalidOperationException(SecretMessage)).AllowAnonymous();
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databaseFile + suffix);
        }
    }

    [Theory]
    [InlineData("fr", "Une erreur s'est produite")]
    [InlineData("ar-MA", "حدث خطأ")]
    [InlineData("en", "Something went wrong")]
    [InlineData("es", "Se ha producido un error")]
    public async Task PageThrows_AnyCulture_FriendlyLocalizedPageWithoutStackTrace(string culture, string title)
    {
        var response = await Client.GetAsync(new Uri($"/test/boom?culture={culture}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains($"<h1>{title}</h1>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        AssertNoExceptionDetails(html);
    }

    [Fact]
    public async Task ApiThrows_ProblemDetails500WithoutExceptionDetails()
    {
        var response = await Client.GetAsync(new Uri("/api/test/boom", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        var json = AssertProblem(response, body, HttpStatusCode.InternalServerError);
        Assert.False(json.TryGetProperty("detail", out _) && json.GetProperty("detail").GetString()!.Contains("secret", StringComparison.OrdinalIgnoreCase));
        AssertNoExceptionDetails(body);
    }

    [Fact]
    public async Task ApiValidationProblem_FieldErrorsAndTraceId()
    {
        var response = await Client.GetAsync(new Uri("/api/test/invalid", UriKind.Relative));

        var json = AssertProblem(response, await response.Content.ReadAsStringAsync(), HttpStatusCode.BadRequest);
        Assert.Equal("The e-mail address is not valid.", json.GetProperty("errors").GetProperty("email")[0].GetString());
    }

    [Fact]
    public async Task ApiMalformedJson_ProblemDetails400()
    {
        using var content = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json");

        var response = await Client.PostAsync(new Uri("/api/test/echo", UriKind.Relative), content);

        AssertProblem(response, await response.Content.ReadAsStringAsync(), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/api/test/private", HttpStatusCode.Unauthorized)]
    [InlineData("/api/test/forbidden", HttpStatusCode.Forbidden)]
    [InlineData("/api/test/not-found", HttpStatusCode.NotFound)]
    [InlineData("/api/test/unknown", HttpStatusCode.NotFound)]
    public async Task ApiError_Status_ProblemDetails(string path, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", "text/html");

        var response = await Client.SendAsync(request);

        AssertProblem(response, await response.Content.ReadAsStringAsync(), status);
    }

    private static JsonElement AssertProblem(HttpResponseMessage response, string body, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(json.GetProperty("traceId").GetString()));
        return json;
    }

    private static void AssertNoExceptionDetails(string body)
    {
        Assert.DoesNotContain(SecretMessage, body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", body, StringComparison.Ordinal);
    }

    public sealed record EchoRequest(string Name);
}
