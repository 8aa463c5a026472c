using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;
using Mismes.TestCommon;
using Mismes.Web.EndToEndTests.Infrastructure;
using Xunit.Abstractions;

namespace Mismes.Web.EndToEndTests.Catalogue;

/// <summary>
/// Issue 2's visitor journey: the catalogue in Arabic (right to left), switch to French, filter by phase, open a
/// measure; then a member of staff downloads the comparison table (staff only since issue 6, 2.11) and checks its rows.
/// </summary>
[Collection(MismesAppCollection.Name)]
public sealed class VisitorJourneyTests(MismesAppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task Visitor_ArabicThenFrenchFilterOpenAndDownload_GetsTheFilteredTable()
    {
        var page = await NewPageAsync("ar-MA");

        await page.GotoAsync("/Catalogue?culture=ar-MA");
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        Assert.Equal("دليل تدابير دعم المهاجرين", await page.InnerTextAsync("h1"));
        await Shot(page, "catalogue-1-arabic");

        await SwitchToFrenchAsync(page);
        Assert.Equal("ltr", await page.GetAttributeAsync("html", "dir"));
        Assert.Equal("Catalogue des mesures de soutien aux migrants", await page.InnerTextAsync("h1"));

        await page.ClickAsync("#filters-toggle");
        await page.SelectOptionAsync("#filter-phase", "PostMigration");
        await page.ClickAsync("#filter-apply");
        await page.WaitForURLAsync("**/Catalogue?*phase=PostMigration*");
        Assert.Equal("7 mesure(s) trouvée(s)", await page.InnerTextAsync("#result-count"));
        Assert.Equal(7, await page.Locator(".measure-card").CountAsync());
        await Shot(page, "catalogue-2-french-after-migration");

        await page.ClickAsync(".measure-card[data-slug='avrr-ofii'] a");
        Assert.Equal("Aide au retour volontaire de l'OFII", await page.InnerTextAsync("#measure-title"));
        // What a migrant acts on comes first; the study's attributes wait, folded, until asked for (issue 6, 2.11).
        Assert.Contains("Les Marocains qui vivent en France", await page.InnerTextAsync("#for-whom"), StringComparison.Ordinal);
        Assert.False(await page.IsVisibleAsync("#research-details dl"), "the research attributes are folded");
        await page.ClickAsync("#research-details summary");
        Assert.Contains("France (pays de destination)", await page.InnerTextAsync("#research-details"), StringComparison.Ordinal);
        await Shot(page, "catalogue-3-measure");

        var staff = await App.Factory.CreateUserAsync(Mismes.Core.Administration.Roles.Advisor, "TEST-E2E-CATALOGUE");
        await SignInAsync(page, staff.Email, staff.Password);
        await page.GotoAsync("/Catalogue?culture=fr&phase=PostMigration");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-xlsx"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"mismes-e2e-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(file);
        try
        {
            var rows = ReadRows(file);
            Assert.Equal(["N°", "Mesure parente", "Titre", "Phase"], rows[0].Take(4));
            Assert.Equal(["9", "9.1", "9.2", "9.3", "9.4", "9.5", ""], rows.Skip(1).Select(r => r[0]));
            Assert.All(rows.Skip(1), r => Assert.Equal("Après la migration (retour)", r[3]));
            Assert.Contains(rows, r => r[2] == "Aide au retour volontaire de l'OFII");
            Assert.Contains(rows, r => r[2] == "Projet pilote de validation des compétences des migrants de retour dans le secteur de la construction" && r[15] == "40");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Visitor_PhoneWithoutJavaScript_FiltersAndOpensAMeasure()
    {
        var page = await NewPageAsync("ar-MA", phone: true, javaScript: false);

        await page.GotoAsync("/Catalogue?culture=ar-MA");
        Assert.False(await page.IsVisibleAsync("#filter-phase"), "the filters are folded on a phone");
        await page.ClickAsync("#filters-toggle");
        await page.SelectOptionAsync("#filter-phase", "DuringMigration");
        await page.ClickAsync("#filter-apply");
        await page.WaitForURLAsync("**/Catalogue?*phase=DuringMigration*");

        Assert.Equal(3, await page.Locator(".measure-card").CountAsync());
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        await page.ClickAsync(".measure-card[data-slug='fincome'] a");
        Assert.Equal("المنتدى الدولي للكفاءات المغربية المقيمة بالخارج (فينكوم)", await page.InnerTextAsync("#measure-title"));
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        Assert.Equal("لمن؟", await page.InnerTextAsync("#for-whom-title"));
        var measureOverflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        await Shot(page, "catalogue-4-phone-arabic-measure");
        Assert.False(overflow, "the filtered list is wider than a 360-px phone");
        Assert.False(measureOverflow, "the measure's page is wider than a 360-px phone");
    }

    /// <summary>Clicks "Français" in the layout's language switcher.</summary>
    private static async Task SwitchToFrenchAsync(IPage page)
    {
        await page.Locator(".culture-switcher a[data-culture='fr']").ClickAsync();
        await page.WaitForFunctionAsync("document.documentElement.lang === 'fr'");
    }

    private Task Shot(IPage page, string name) => ScreenshotAsync(page, name);

    private static List<List<string>> ReadRows(string path)
    {
        using var doc = SpreadsheetDocument.Open(path, false);
        return doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList())
            .ToList();
    }
}
