using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Mismes.TestCommon;
using Mismes.Web.Platform;

namespace Mismes.Web.Tests.Platform;

/// <summary>
/// Every endpoint of the running host (Razor pages and minimal APIs, whoever wrote them) either requires a signed-in
/// user or is on the explicit allow-list in Mismes.Web/Platform/PublicRoutes.cs. Checked twice: from the endpoint
/// metadata, and by actually calling every protected route anonymously.
/// </summary>
public sealed class AnonymousAccessTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    [Fact]
    public void Endpoints_AllowAnonymous_OnlyOnPublicAllowList()
    {
        var offenders = Endpoints()
            .Where(e => AllowsAnonymous(e) && !PublicRoutes.IsPublic(e.RoutePattern.RawText ?? ""))
            .Select(Describe)
            .ToList();

        Assert.True(offenders.Count == 0,
            "Anonymous endpoints missing from PublicRoutes (add them there on purpose, or require a policy):\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void Endpoints_Enumerated_IncludePagesAndMinimalApis()
    {
        var patterns = Endpoints().Select(e => PublicRoutes.Normalize(e.RoutePattern.RawText ?? "")).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.Contains("/", patterns);
        Assert.Contains("/Error/{code:int?}", patterns);
        Assert.Contains("/health", patterns);
        Assert.Contains("/culture", patterns);
    }

    [Fact]
    public void FallbackPolicy_RequiresAuthenticatedUser()
    {
        var options = factory.Services.GetRequiredService<IOptions<AuthorizationOptions>>().Value;

        Assert.NotNull(options.FallbackPolicy);
        Assert.Contains(options.FallbackPolicy.Requirements, r => r is DenyAnonymousAuthorizationRequirement);
    }

    [Fact]
    public async Task ProtectedRoutes_Anonymous_ChallengedToSignIn()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var failures = new List<string>();
        var requested = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var endpoint in Endpoints().Where(e => !AllowsAnonymous(e)))
        {
            var path = SamplePath(endpoint.RoutePattern);
            foreach (var method in Methods(endpoint))
            {
                requested.Add($"{method} {PublicRoutes.Normalize(endpoint.RoutePattern.RawText ?? "")}");
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is not "GET" and not "HEAD" and not "DELETE")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                if (!IsChallenge(path, response))
                {
                    failures.Add($"{method} {path} ({Describe(endpoint)}) answered {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        Assert.True(failures.Count == 0, "Protected routes reachable anonymously:\n" + string.Join('\n', failures));
        // After the merge every capability's protected routes are really requested, not only the platform's.
        string[] expected =
        [
            "GET /People", "GET /People/Create", "POST /People/Create", "GET /api/v1/people", "POST /api/v1/people",
            "GET /Catalogue/Manage", "GET /Catalogue/Manage/Create", "POST /Catalogue/Manage/Create",
            "POST /api/v1/measures", "PUT /api/v1/measures/{id:guid}",
            "GET /Administration", "GET /Administration/Audit", "GET /Administration/Users",
            "GET /Notifications/Outbox", "POST /Notifications/Outbox", "GET /Notifications/Captured/{id:guid}",
        ];
        var missing = expected.Where(r => !requested.Contains(r)).ToList();
        Assert.True(missing.Count == 0, "Not requested: " + string.Join(", ", missing) + "\nRequested: " + string.Join(", ", requested.Order(StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData("GET", "/Catalogue/Manage")]
    [InlineData("GET", "/Catalogue/Manage/Create")]
    [InlineData("POST", "/Catalogue/Manage/Create")]
    [InlineData("GET", "/Catalogue/Manage/Edit/00000000-0000-0000-0000-000000000001")]
    [InlineData("POST", "/Catalogue/Manage/Edit/00000000-0000-0000-0000-000000000001")]
    public async Task CatalogueManagement_Anonymous_RedirectedToSignIn(string method, string path)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/api/v1/measures")]
    [InlineData("PUT", "/api/v1/measures/00000000-0000-0000-0000-000000000001")]
    public async Task CatalogueApiWrites_Anonymous_Return401(string method, string path)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("Index", true)]
    [InlineData("/health", true)]
    [InlineData("/openapi/{documentName}.json", true)]
    [InlineData("/api-reference/{documentName?}", true)]
    [InlineData("Error/{code:int?}", true)]
    [InlineData("/Catalogue/{slug}", true)]
    [InlineData("/api/v1/measures/{id}", true)]
    [InlineData("Account/SignIn", true)]
    [InlineData("Account/AccessDenied", false)]
    [InlineData("/People/Index", false)]
    [InlineData("/api/v1/people/{id:guid}", false)]
    [InlineData("/Administration/Audit", false)]
    [InlineData("/healthz", false)]
    [InlineData("/Catalogue/Index", true)]
    [InlineData("/Catalogue/Export", true)]
    [InlineData("/api/v1/measures/", true)]
    [InlineData("/Catalogue/Manage", false)]
    [InlineData("/Catalogue/Manage/Index", false)]
    [InlineData("/Catalogue/Manage/Create", false)]
    [InlineData("/Catalogue/Manage/Edit/{id:guid}", false)]
    [InlineData("/api/v1/measures/{id:guid}", false)]
    [InlineData("/api/v1/measures/{id}/translations", false)]
    [InlineData("/Catalogue/{slug}/Edit", false)]
    public void IsPublic_RoutePattern_MatchesAllowList(string pattern, bool expected)
    {
        Assert.Equal(expected, PublicRoutes.IsPublic(pattern));
    }

    [Theory]
    [InlineData("/api/v1/people/{id:guid}", "/api/v1/people/00000000-0000-0000-0000-000000000001")]
    [InlineData("/People/Detail/{id:int}", "/People/Detail/1")]
    [InlineData("/files/{*path}", "/files/x")]
    [InlineData("/openapi/{documentName}.json", "/openapi/00000000-0000-0000-0000-000000000001.json")]
    public void SamplePath_Pattern_ParametersFilled(string pattern, string expected)
    {
        Assert.Equal(expected, SamplePath(RoutePatternFactory.Parse(pattern), SampleGuid));
    }

    private static readonly Guid SampleGuid = new("00000000-0000-0000-0000-000000000001");

    private List<RouteEndpoint> Endpoints()
    {
        using var _ = factory.CreateClient(); // builds the host, so its endpoints are mapped
        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
    }

    private static bool AllowsAnonymous(Endpoint endpoint) => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    private static IEnumerable<string> Methods(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods
            ? methods.Where(m => m != "OPTIONS")
            : ["GET", "POST"]; // a Razor page answers any method: its GET and its form posts are both checked

    private static bool IsChallenge(string path, HttpResponseMessage response)
    {
        if (path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return response.StatusCode == HttpStatusCode.Unauthorized;
        }

        return response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location?.OriginalString.Contains("/Account/SignIn", StringComparison.OrdinalIgnoreCase) == true;
    }

    private static string SamplePath(RoutePattern pattern) => SamplePath(pattern, Guid.NewGuid());

    private static string SamplePath(RoutePattern pattern, Guid guid) =>
        RoutePaths.Fill(pattern, parameter => SampleValue(pattern, parameter, guid));

    private static string SampleValue(RoutePattern pattern, RoutePatternParameterPart parameter, Guid guid)
    {
        if (parameter.IsCatchAll)
        {
            return "x";
        }

        var constraints = pattern.ParameterPolicies.TryGetValue(parameter.Name, out var policies)
            ? string.Join(',', policies.Select(p => p.Content ?? p.ParameterPolicy?.GetType().Name ?? ""))
            : "";
        if (constraints.Contains("int", StringComparison.OrdinalIgnoreCase)
            || constraints.Contains("long", StringComparison.OrdinalIgnoreCase)
            || constraints.Contains("min", StringComparison.OrdinalIgnoreCase)
            || constraints.Contains("range", StringComparison.OrdinalIgnoreCase)
            || constraints.Contains("decimal", StringComparison.OrdinalIgnoreCase)
            || constraints.Contains("double", StringComparison.OrdinalIgnoreCase))
        {
            return "1";
        }

        if (constraints.Contains("bool", StringComparison.OrdinalIgnoreCase))
        {
            return "true";
        }

        if (constraints.Contains("datetime", StringComparison.OrdinalIgnoreCase))
        {
            return "2026-01-01";
        }

        if (constraints.Contains("alpha", StringComparison.OrdinalIgnoreCase))
        {
            return "abc";
        }

        return guid.ToString();
    }

    private static string Describe(RouteEndpoint endpoint) =>
        $"{endpoint.RoutePattern.RawText} [{endpoint.DisplayName}]";
}
