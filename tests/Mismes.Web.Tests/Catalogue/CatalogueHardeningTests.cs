using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Mismes.Core.Administration;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Catalogue;

/// <summary>
/// Exports are safe to open (no formulas from user text), their links never come from the Host header, the Arabic
/// sheet is right to left; a new measure's dates read correctly; the edit form keeps a mistyped number.
/// Its own host: the measures created here must not change the seeded catalogue other tests count.
/// </summary>
public sealed class CatalogueHardeningTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private const string FormulaTitle = "=HYPERLINK(\"http://x\",\"y\")";

    [Fact]
    public async Task Export_MeasureTitledWithAFormula_NeutralisedInCsvAndXlsx()
    {
        await CreateMeasureAsync("formula-title", FormulaTitle, startYear: null);
        var client = factory.CreateCookieClient();

        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync(new Uri("/Catalogue/Export?format=csv&culture=fr&q=HYPERLINK", UriKind.Relative)));
        var xlsx = await client.GetByteArrayAsync(new Uri("/Catalogue/Export?format=xlsx&culture=fr&q=HYPERLINK", UriKind.Relative));

        Assert.Contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=HYPERLINK", csv, StringComparison.Ordinal);
        var (titles, _) = ReadSheet(xlsx);
        Assert.Equal("'" + FormulaTitle, titles[1][2]);
    }

    [Fact]
    public async Task Export_ForgedHostHeader_LinksUseTheConfiguredBaseUrl()
    {
        var client = factory.CreateCookieClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://evil.example/Catalogue/Export?format=csv&culture=en");

        var response = await client.SendAsync(request);
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("evil.example", csv, StringComparison.Ordinal);
        Assert.Contains(",http://localhost:5080/Catalogue/trqn-iii", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ar-MA", true)]
    [InlineData("fr", false)]
    public async Task ExportXlsx_Arabic_SheetIsRightToLeft(string culture, bool rightToLeft)
    {
        var bytes = await factory.CreateCookieClient().GetByteArrayAsync(new Uri($"/Catalogue/Export?format=xlsx&culture={culture}", UriKind.Relative));

        var (_, sheetRightToLeft) = ReadSheet(bytes);

        Assert.Equal(rightToLeft, sheetRightToLeft);
    }

    [Theory]
    [InlineData("en", "Since 2026, end not known")]
    [InlineData("fr", "Depuis 2026, fin non connue")]
    [InlineData("ar-MA", "منذ 2026، تاريخ الانتهاء غير معروف")]
    public async Task NewMeasure_StartYearWithoutEnd_SaysSinceWhenNotDatesUnknown(string culture, string expected)
    {
        var slug = "new-with-start-" + culture.ToLowerInvariant();
        await CreateMeasureAsync(slug, "Nouvelle mesure " + culture, startYear: 2026);

        var html = WebUtility.HtmlDecode(await factory.CreateCookieClient().GetStringAsync(new Uri($"/Catalogue/{slug}?culture={culture}", UriKind.Relative)));

        Assert.Contains($"id=\"measure-status\">{expected}</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManageEdit_NumberThatCannotBeRead_ReShownWithItsError()
    {
        var id = await CreateMeasureAsync("edit-bad-number", "Mesure à corriger", startYear: 2020);
        var client = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, "TEST-CAT-HARD");
        var token = await CataloguePageTests.AntiforgeryTokenAsync(client, $"/Catalogue/Manage/Edit/{id}?culture=en");

        var response = await client.PostAsync(new Uri($"/Catalogue/Manage/Edit/{id}?culture=en", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token),
            new("Input.Slug", "edit-bad-number"),
            new("Input.Phase", "PreMigration"),
            new("Input.Models", "PreDepartureInformation"),
            new("Input.StartYear", "20x6"),
            new("Input.BeneficiariesMax", "beaucoup"),
            new("Input.Texts[fr].Title", "Mesure à corriger"),
        ]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"f-StartYear\" name=\"Input.StartYear\" value=\"20x6\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"f-BeneficiariesMax\" name=\"Input.BeneficiariesMax\" value=\"beaucoup\"", html, StringComparison.Ordinal);
        Assert.Contains("Start year: Enter a number.", html, StringComparison.Ordinal);
    }

    private async Task<Guid> CreateMeasureAsync(string slug, string title, int? startYear)
    {
        var client = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, "TEST-CAT-HARD");
        var response = await client.PostAsJsonAsync(new Uri("/api/v1/measures", UriKind.Relative), new
        {
            slug,
            phase = "PreMigration",
            models = new[] { "PreDepartureInformation" },
            implementerCodes = new[] { "TEST-CAT-HARD" }, // a manager may only save measures their institution implements
            startYear,
            texts = new Dictionary<string, object>(StringComparer.Ordinal) { ["fr"] = new { title } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>The sheet's cell texts by row, and whether its view is right to left.</summary>
    private static (List<List<string>> Rows, bool RightToLeft) ReadSheet(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var doc = SpreadsheetDocument.Open(stream, false);
        var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
        return (rows, sheet.Descendants<SheetView>().Single().RightToLeft?.Value ?? false);
    }
}
