using Mismes.Web.EndToEndTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Mismes.Web.EndToEndTests.Catalogue;

/// <summary>
/// Issue 10: a returnee who never heard of any programme answers the finder's plain questions on a 360-px phone, in
/// Arabic, without JavaScript, is shown skills validation and reintegration with why they fit, and goes on to the
/// registration form. axe finds no serious or critical violation on the finder's pages in French and Arabic.
/// </summary>
[Collection(MismesAppCollection.Name)]
public sealed class EligibilityFinderJourneyTests(MismesAppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Finder_ReturneeArabicPhoneNoJavaScript_LeadsToValidationReintegrationAndRegistration() =>
        JourneyAsync("finder-returnee-ar", "ar-MA", async page =>
        {
            await page.GotoAsync("/?culture=ar-MA");
            await page.Locator("#finder-link").ClickAsync();
            await ExpectDirectionAsync(page, "rtl");
            await page.Locator("#continue").ClickAsync();

            // The one question that cannot be skipped says so, in Arabic, in the error summary.
            await page.Locator("#continue").ClickAsync();
            await Expect(page.Locator("[data-testid='error-summary'] a[href='#Situation']")).ToContainTextAsync("اختر وضعك");
            await page.Locator("label[for='Situation-Returned']").ClickAsync();
            await ScreenshotAsync(page, "finder-situation-ar");
            await page.Locator("#continue").ClickAsync();

            await page.Locator("label[for='Schooling-Vocational']").ClickAsync();
            await page.Locator("#continue").ClickAsync();
            await page.Locator("#skip").ClickAsync();
            await page.Locator("label[for='Field-Construction']").ClickAsync();
            await page.Locator("#continue").ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("من أي بلد عدت؟");
            await page.Locator("#Country").CheckAsync();
            await page.Locator("#continue").ClickAsync();

            var matches = page.Locator(".finder-match");
            await Expect(matches.First).ToHaveAttributeAsync("data-slug", "ofppt-validation-construction");
            await Expect(page.Locator(".finder-match[data-slug='avrr']")).ToBeVisibleAsync();
            await Expect(matches.First).ToContainTextAsync("البناء والأشغال العمومية");
            await ScreenshotAsync(page, "finder-results-ar");
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 360, $"results are {width} px wide");

            await matches.First.Locator(".finder-next").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Placement/Register$"));
            await Expect(page.Locator("h1")).ToBeVisibleAsync();
            await Expect(page.Locator("#continue")).ToBeVisibleAsync();
        }, phone: true, javaScript: false);

    [Theory]
    [InlineData("fr")]
    [InlineData("ar-MA")]
    public Task Finder_EveryStep_NoSeriousAccessibilityViolation(string culture) =>
        JourneyAsync("finder-axe-" + culture, culture, async page =>
        {
            await page.GotoAsync($"/Eligibility?culture={culture}");
            await AssertAccessibleAsync(page);
            await page.Locator("#continue").ClickAsync();
            await page.Locator("#continue").ClickAsync();
            await AssertAccessibleAsync(page);
            foreach (var (choice, next) in new[] { ("label[for='Situation']", "#continue"), ("label[for='Schooling']", "#continue"), ("#Languages", "#continue"), ("label[for='Field']", "#continue"), ("#Country", "#continue") })
            {
                await page.Locator(choice).ClickAsync();
                await page.Locator(next).ClickAsync();
                await AssertAccessibleAsync(page);
            }

            await Expect(page.Locator("#answers")).ToBeVisibleAsync();
        }, phone: true);
}
