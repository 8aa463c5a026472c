using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Catalogue;

public sealed class CatalogueExportTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    [Fact]
    public async Task ExportXlsx_English_OneRowPerMeasureWithEveryAttribute()
    {
        var client = factory.CreateCookieClient();

        var response = await client.GetAsync(new Uri("/Catalogue/Export?format=xlsx&culture=en", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("mismes-catalogue-en-2026-11-02.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
        var rows = ReadSheet(await response.Content.ReadAsByteArrayAsync(), out var frozen);
        Assert.True(frozen);
        Assert.Equal(
            ["No.", "Parent measure", "Title", "Phase", "Models (ETF typology)", "Implemented by", "Funded by", "Period", "Start year", "End year",
             "Status today", "Budget", "Budget amount", "Currency", "Beneficiaries", "Beneficiaries (min.)", "Beneficiaries (max.)",
             "Main activities", "Origin of the entry", "Source", "Link"],
            rows[0].Select(c => c.Text));
        Assert.Equal(18, rows.Count);
        var trqn = rows.Single(r => r[0].Text == "7");
        Assert.Equal("Temporary Return of Qualified Nationals (TRQN III)", trqn[2].Text);
        Assert.Equal(("4877481", true), (trqn[12].Text, trqn[12].IsNumber));
        Assert.Equal(("2013", true), (trqn[8].Text, trqn[8].IsNumber));
        Assert.Equal("EUR", trqn[13].Text);
        Assert.Equal("Ended", trqn[10].Text);
        Assert.EndsWith("/Catalogue/trqn-iii", trqn[20].Text, StringComparison.Ordinal);
        var cefa = rows.Single(r => r[0].Text == "9.4");
        Assert.Equal(("9", "After migration (return)"), (cefa[1].Text, cefa[3].Text));
    }

    [Fact]
    public async Task ExportXlsx_FilteredByPhase_OnlyThoseRowsInFrench()
    {
        var client = factory.CreateCookieClient();

        var bytes = await client.GetByteArrayAsync(new Uri("/Catalogue/Export?format=xlsx&culture=fr&phase=PreMigration", UriKind.Relative));

        var rows = ReadSheet(bytes, out _);
        Assert.Equal("Titre", rows[0][2].Text);
        Assert.Equal(["1", "1.1", "2", "3", ""], rows.Skip(1).Select(r => r[0].Text));
        Assert.All(rows.Skip(1), r => Assert.Equal("Avant la migration", r[3].Text));
    }

    [Fact]
    public async Task ExportCsv_Arabic_Utf8BomArabicHeadersAndValues()
    {
        var client = factory.CreateCookieClient();

        var response = await client.GetAsync(new Uri("/Catalogue/Export?format=csv&culture=ar-MA&phase=DuringMigration", UriKind.Relative));

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("رقم,التدبير الأم,العنوان,المرحلة,", text, StringComparison.Ordinal);
        Assert.Contains("المنتدى الدولي للكفاءات المغربية المقيمة بالخارج (فينكوم)", text, StringComparison.Ordinal);
        Assert.Contains("أثناء الهجرة", text, StringComparison.Ordinal);
        Assert.Contains(",1400000,MAD,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("إي-بوصلة", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("format=pdf")]
    [InlineData("format=csv&phase=Never")]
    public async Task Export_BadParameter_Returns400(string query)
    {
        var client = factory.CreateCookieClient();

        var response = await client.GetAsync(new Uri("/Catalogue/Export?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private sealed record CellText(string Text, bool IsNumber);

    /// <summary>The sheet as text, one list per row, with empty cells kept in their column.</summary>
    private static List<List<CellText>> ReadSheet(byte[] bytes, out bool firstRowFrozen)
    {
        using var stream = new MemoryStream(bytes);
        using var doc = SpreadsheetDocument.Open(stream, false);
        var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var pane = sheet.Descendants<Pane>().SingleOrDefault();
        firstRowFrozen = pane?.State?.Value == PaneStateValues.Frozen && pane.VerticalSplit?.Value == 1D;
        return sheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => new CellText(c.InnerText, c.DataType?.Value == CellValues.Number)).ToList())
            .ToList();
    }
}
