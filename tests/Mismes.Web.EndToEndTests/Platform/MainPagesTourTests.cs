using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Mismes.Core.Administration;
using Mismes.TestCommon;
using Mismes.Web.EndToEndTests.Infrastructure;
using Xunit.Abstractions;

namespace Mismes.Web.EndToEndTests.Platform;

/// <summary>
/// The main pages in French and Arabic, as an administrator (every menu) and anonymously (sign-in, catalogue):
/// each answers 200, has the right text direction and shows no untranslated resource key; a screenshot of each is
/// saved for a person to look at. Their width on a phone: <see cref="PhoneWidthTests"/>.
/// </summary>
[Collection(MismesAppCollection.Name)]
public sealed partial class MainPagesTourTests(MismesAppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private static readonly string[] StaffPages =
    [
        "/People", "/People/Create", "/Administration", "/Administration/Users", "/Administration/Users/Create",
        "/Administration/ApiKeys", "/Administration/Audit", "/Administration/Institutions", "/Catalogue/Manage",
        "/Catalogue/Manage/Create",
    ];

    private static readonly string[] PublicPages = ["/Account/SignIn", "/Catalogue", "/Catalogue/avrr-ofii"];

    [Theory]
    [InlineData("fr", "ltr")]
    [InlineData("ar-MA", "rtl")]
    public async Task MainPages_Administrator_LocalizedAndDirected(string culture, string dir)
    {
        var admin = await App.Factory.CreateUserAsync(Roles.Administrator, InstitutionCodes.Anapec);
        await JourneyAsync("tour-" + culture, culture, async page =>
        {
            foreach (var path in PublicPages.Take(1))
            {
                await VisitAsync(page, path, culture, dir);
            }

            await SignInAsync(page, admin);
            foreach (var path in StaffPages.Concat(PublicPages.Skip(1)))
            {
                await VisitAsync(page, path, culture, dir);
            }
        });
    }

    private async Task VisitAsync(IPage page, string path, string culture, string dir)
    {
        var response = await page.GotoAsync($"{path}?culture={culture}");
        Assert.True(response!.Status == 200, $"{path}: {response.Status}");
        await ExpectDirectionAsync(page, dir);
        await ScreenshotAsync(page, $"{culture}{path.Replace('/', '-')}");
        var text = await page.Locator("body").InnerTextAsync();
        var keys = ResourceKey().Matches(text).Select(m => m.Value).Distinct().ToList();
        Assert.True(keys.Count == 0, $"{path} in {culture} shows resource keys: {string.Join(", ", keys)}");
    }

    /// <summary>What an untranslated key looks like on the page, e.g. "People.Field.Phone" or "Roles.Advisor".</summary>
    [GeneratedRegex(@"\b[A-Z][a-z]+(?:\.[A-Z][A-Za-z]+)+\b")]
    private static partial Regex ResourceKey();
}
