using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Mismes.Web.EndToEndTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Mismes.Web.EndToEndTests.Platform;

[Collection(MismesAppCollection.Name)]
public sealed class PlatformJourneyTests(MismesAppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Home_ArabicBrowserSwitchesToFrench_FrenchTextLeftToRight() => JourneyAsync("home-ar-to-fr", "ar-MA", async page =>
    {
        await page.GotoAsync("/");
        await ExpectDirectionAsync(page, "rtl");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar-MA");
        await Expect(page.Locator("h1")).ToHaveTextAsync("تدابير دعم المهاجرين");
        await Expect(page.Locator("link[href*='bootstrap.rtl.min.css']")).ToHaveCountAsync(1);
        await ScreenshotAsync(page, "home-ar");

        await page.Locator(".culture-switcher a[data-culture='fr']").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        await ExpectDirectionAsync(page, "ltr");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Mesures d'accompagnement des migrants");
        await Expect(page.Locator(".culture-switcher a[aria-current='true']")).ToHaveTextAsync("Français");
        await ScreenshotAsync(page, "home-fr");

        // The choice is remembered by the cookie, over the browser's Arabic.
        await page.GotoAsync("/No/Such/Page");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Page introuvable");
    });

    [Fact]
    public Task UnknownPage_Spanish_LocalizedNotFoundWithLinkHome() => JourneyAsync("not-found-es", "es", async page =>
    {
        var response = await page.GotoAsync("/esto/no/existe");

        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Página no encontrada");
        await ScreenshotAsync(page, "not-found-es");

        await page.GetByRole(AriaRole.Link, new() { Name = "Volver a la página de inicio" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Medidas de apoyo a los migrantes");
    });

    [Fact]
    public Task LanguageSwitcher_WithoutJavaScript_SwitchesAndReturnsToPage() => JourneyAsync("switcher-no-js", "fr", async page =>
    {
        await page.GotoAsync("/No/Such/Page?culture=en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");

        await page.Locator(".culture-switcher a[data-culture='ar-MA']").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/No/Such/Page$"));
        await ExpectDirectionAsync(page, "rtl");
        await Expect(page.Locator("h1")).ToHaveTextAsync("الصفحة غير موجودة");
        await ScreenshotAsync(page, "not-found-ar-no-js");
    }, javaScript: false);

    [Theory]
    [InlineData("fr")]
    [InlineData("ar-MA")]
    public Task Home_Accessibility_NoSeriousViolations(string culture) => JourneyAsync($"home-axe-{culture}", culture, async page =>
    {
        await page.GotoAsync("/");

        await AssertAccessibleAsync(page);
    });

    [Fact]
    public Task Home_Phone360Arabic_NoHorizontalScroll() => JourneyAsync("home-phone-ar", "ar-MA", async page =>
    {
        await page.GotoAsync("/");

        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        await ScreenshotAsync(page, "home-phone-ar");
        Assert.False(overflow, "The home page scrolls sideways on a 360-px phone");
        var linkHeight = await page.Locator(".culture-switcher a").First.EvaluateAsync<double>("a => a.getBoundingClientRect().height");
        Assert.True(linkHeight >= 44, $"Language links are {linkHeight}px high; touch targets need 44px");
    }, phone: true);
}
