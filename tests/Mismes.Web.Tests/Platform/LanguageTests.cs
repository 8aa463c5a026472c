using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Mismes.TestCommon;
using Mismes.Web.Platform;

namespace Mismes.Web.Tests.Platform;

public sealed partial class LanguageTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData("ar-MA", "نونبر 2026")]
    [InlineData("fr", "2 novembre 2026")]
    [InlineData("en", "November 2, 2026")]
    [InlineData("es", "2 de noviembre de 2026")]
    public async Task HomePage_Culture_DateInThatLanguage(string culture, string expected)
    {
        var html = await Client().GetStringAsync(new Uri($"/?culture={culture}", UriKind.Relative));

        Assert.Contains(expected, TodayOf(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HomePage_Arabic_GregorianYearAndWesternDigits()
    {
        var html = await Client().GetStringAsync(new Uri("/?culture=ar-MA", UriKind.Relative));
        var today = TodayOf(html);

        // The fake clock says 2 November 2026: in the Hijri calendar that is 1448.
        Assert.Contains("2026", today, StringComparison.Ordinal);
        Assert.DoesNotContain("1448", today, StringComparison.Ordinal);
        Assert.DoesNotMatch("[\u0660-\u0669\u06F0-\u06F9]", today);
    }

    [Fact]
    public void LongDate_ArabicMorocco_Gregorian()
    {
        var culture = Cultures.Create(Cultures.Arabic);

        var text = CultureFormats.LongDate(new DateTimeOffset(2026, 3, 20, 12, 0, 0, TimeSpan.Zero), culture);

        Assert.IsType<GregorianCalendar>(culture.DateTimeFormat.Calendar);
        Assert.Contains("20", text, StringComparison.Ordinal);
        Assert.Contains("2026", text, StringComparison.Ordinal);
        Assert.DoesNotMatch("[\u0660-\u0669\u06F0-\u06F9]", text);
    }

    [Fact]
    public void Create_ArabicSaudi_ForcedToGregorian()
    {
        // ar-SA defaults to the Hijri (Um Al Qura) calendar; Mismes never shows it.
        var culture = Cultures.Create("ar-SA");

        Assert.IsType<GregorianCalendar>(culture.DateTimeFormat.Calendar);
        Assert.Contains("2026", new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Unspecified).ToString("D", culture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ar-SA", "ar-MA", "rtl")]
    [InlineData("ar", "ar-MA", "rtl")]
    [InlineData("es-ES,es;q=0.9", "es", "ltr")]
    [InlineData("en-GB,en;q=0.8", "en", "ltr")]
    [InlineData("de-DE,de;q=0.9", "fr", "ltr")]
    [InlineData("de-DE,en;q=0.5", "en", "ltr")]
    public async Task HomePage_AcceptLanguage_PicksSupportedCulture(string acceptLanguage, string culture, string dir)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        var html = await (await Client().SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains($"<html lang=\"{culture}\" dir=\"{dir}\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HomePage_CultureCookie_BeatsAcceptLanguage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation("Accept-Language", "en");
        request.Headers.TryAddWithoutValidation("Cookie", ".AspNetCore.Culture=c%3Dar-MA%7Cuic%3Dar-MA");

        var html = await (await Client().SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"ar-MA\" dir=\"rtl\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ar-MA", "/Catalogue?culture=en&phase=pre", "/Catalogue?phase=pre")]
    [InlineData("es", "/", "/")]
    [InlineData("fr", "https://evil.example/", "/")]
    [InlineData("en", "//evil.example/x", "/")]
    [InlineData("en", "/\\evil.example", "/")]
    [InlineData("en", "", "/")]
    public async Task SelectCulture_ReturnUrl_RedirectsLocallyWithCookie(string culture, string returnUrl, string location)
    {
        var response = await Client().GetAsync(new Uri($"/culture?c={culture}&returnUrl={Uri.EscapeDataString(returnUrl)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($".AspNetCore.Culture=c%3D{culture}%7Cuic%3D{culture};", cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelectCulture_UnsupportedCulture_NoCookie()
    {
        var response = await Client().GetAsync(new Uri("/culture?c=de&returnUrl=%2F", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Layout_LanguageSwitcher_LinksToEveryLanguageWithoutCultureParameter()
    {
        var html = await Client().GetStringAsync(new Uri("/?culture=es", UriKind.Relative));

        foreach (var culture in Cultures.Supported)
        {
            Assert.Contains($"href=\"/culture?c={culture}&amp;returnUrl=%2F\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("العربية", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Account/SignIn\"", html, StringComparison.Ordinal);
        Assert.Contains("ESCO", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#main\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ar-MA", "bootstrap.rtl.min.css")]
    [InlineData("fr", "bootstrap.min.css")]
    public async Task Layout_Direction_PicksBootstrapBuild(string culture, string stylesheet)
    {
        var html = await Client().GetStringAsync(new Uri($"/?culture={culture}", UriKind.Relative));

        Assert.Contains($"/lib/bootstrap/{stylesheet}", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/lib/bootstrap/bootstrap.min.css", "text/css")]
    [InlineData("/lib/bootstrap/bootstrap.rtl.min.css", "text/css")]
    [InlineData("/lib/bootstrap/bootstrap.bundle.min.js", "text/javascript")]
    [InlineData("/css/site.css", "text/css")]
    public async Task StaticAssets_Anonymous_Served(string path, string contentType)
    {
        var response = await Client().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("ar", "ar-MA")]
    [InlineData("AR-sa", "ar-MA")]
    [InlineData("fr-BE", "fr")]
    [InlineData("en_US", "en")]
    [InlineData("es", "es")]
    [InlineData("de", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Match_Requested_SupportedOrNull(string? requested, string? expected)
    {
        Assert.Equal(expected, Cultures.Match(requested));
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/Catalogue?x=1", true)]
    [InlineData("~/People", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://evil.example", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("/ok\r\nSet-Cookie: x", false)]
    [InlineData(null, false)]
    public void IsLocalUrl_Url_OnlyLocalPaths(string? url, bool expected)
    {
        Assert.Equal(expected, CultureSelection.IsLocalUrl(url));
    }

    private static string TodayOf(string html)
    {
        var match = TodayPattern().Match(html);
        Assert.True(match.Success, "The home page shows today's date");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("data-testid=\"today\">([^<]+)</time>")]
    private static partial Regex TodayPattern();
}
