using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Mismes.Core.Administration;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Platform;

/// <summary>
/// A host behind a (test) proxy at 10.0.0.5: the peer address of each request comes from X-Test-Peer, as if it were
/// the TCP connection's, so the tests can tell the trusted proxy from any other client. Only mismes.example is allowed.
/// </summary>
public sealed class ProxiedHost : MismesWebFactory
{
    public const string TrustedProxy = "10.0.0.5";

    public ProxiedHost()
    {
        Settings["ForwardedHeaders:KnownProxies:0"] = TrustedProxy;
        Settings["AllowedHosts"] = "mismes.example";
        Settings["PublicBaseUrl"] = "https://mismes.example";
        ClientOptions.BaseAddress = new Uri("http://mismes.example/");
        ClientOptions.AllowAutoRedirect = false;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, PeerFromHeader>());
    }
}

public sealed partial class SecurityHeadersTests(MismesWebFactory factory, ProxiedHost proxied) : IClassFixture<MismesWebFactory>, IClassFixture<ProxiedHost>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Catalogue")]
    [InlineData("/Account/SignIn")]
    [InlineData("/api/v1/measures")]
    [InlineData("/no-such-page")]
    public async Task AnyAnswer_SecurityHeaders(string path)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("geolocation=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public void Kestrel_SendsNoServerHeader() =>
        Assert.False(factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);

    [Fact]
    public async Task PublicPageAnonymous_MayBeCached()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/Catalogue", UriKind.Relative));

        Assert.DoesNotContain("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/People")]
    [InlineData("/")]
    [InlineData("/api/v1/people")]
    [InlineData("/Catalogue")]
    public async Task SignedIn_AnyPage_NoStore(string path)
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, "TEST-HDR");

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, path);
    }

    [Fact]
    public async Task ApiKey_Answer_NoStore()
    {
        var client = await factory.CreateApiKeyClientAsync("TEST-HDR");

        var response = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));

        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task SignedIn_StaticFile_StaysCacheable()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, "TEST-HDR");

        var response = await client.GetAsync(new Uri("/css/site.css", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task HttpsAtTrustedProxy_Hsts1YearWithSubdomains()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Test-Peer", ProxiedHost.TrustedProxy);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        var response = await proxied.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task ForwardedHeadersFromUnknownPeer_Ignored()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Test-Peer", "198.51.100.7");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await proxied.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "the request stayed http: its X-Forwarded-Proto came from an unknown peer");
    }

    [Fact]
    public async Task HostNotAllowed_Refused()
    {
        var client = proxied.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://evil.example/Catalogue");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>The CSP forbids inline script and style: no page may contain any (put it in wwwroot/js or site.css).</summary>
    [Fact]
    public void Views_NoInlineScriptEventHandlerOrStyle()
    {
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src", "Mismes.Web"), "*.cshtml", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            foreach (Match match in InlineCode().Matches(text))
            {
                offenders.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}: {match.Value}");
            }
        }

        Assert.Empty(offenders);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(", ", contentValues)
        : throw new Xunit.Sdk.XunitException($"No {name} header.");

    // <script> without src, on...= event handlers, style="..." attributes, javascript: URLs.
    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+\\s*=\\s*[\"']|\\sstyle\\s*=\\s*[\"']|javascript:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InlineCode();
}
