using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mismes.TestCommon;
using Mismes.Web.Platform;

namespace Mismes.Web.Tests.Platform;

/// <summary>The README, launchSettings.json and the default public base URL name one address; the API reference works offline.</summary>
public sealed partial class LooseEndsTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    [Fact]
    public void Readme_NamesTheAddressLaunchSettingsListensOn()
    {
        using var launch = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Mismes.Web", "Properties", "launchSettings.json")));
        var profiles = launch.RootElement.GetProperty("profiles").EnumerateObject().Select(p => p.Value).ToList();
        var urls = profiles.SelectMany(p => p.GetProperty("applicationUrl").GetString()!.Split(';')).ToList();
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

        var named = LocalAddress().Matches(readme).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(named);
        Assert.All(named, url => Assert.Contains(url, urls));
        Assert.Contains(PublicLinks.DevelopmentDefault, urls);
    }

    [Fact]
    public async Task ApiReference_Offline_NoCdnNoPromotionAndScriptsAllowedByNonce()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/api-reference/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
        var nonces = Nonce().Matches(html).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
        var scripts = Regex.Count(html, "<script", RegexOptions.CultureInvariant);
        Assert.Equal(scripts, Nonce().Count(html));
        var nonce = Assert.Single(nonces);
        Assert.Contains($"script-src 'self' 'nonce-{nonce}'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html.Replace("https://mismes", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("http://", ExternalSources().Match(html).Value, StringComparison.Ordinal);
        Assert.Matches("withDefaultFonts\"?\\s*:\\s*false", html);
        Assert.Matches("hideClientButton\"?\\s*:\\s*true", html);
        Assert.Matches("hideDarkModeToggle\"?\\s*:\\s*true", html);
    }

    [Fact]
    public async Task ApiReference_ScriptServedLocally()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/api-reference/scalar.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [GeneratedRegex("http://localhost:\\d+", RegexOptions.CultureInvariant)]
    private static partial Regex LocalAddress();

    [GeneratedRegex("<script[^>]*\\snonce=\"([^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex Nonce();

    [GeneratedRegex("src=\"https?://[^\"]*\"", RegexOptions.CultureInvariant)]
    private static partial Regex ExternalSources();
}
