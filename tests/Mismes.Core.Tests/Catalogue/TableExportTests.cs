using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Mismes.Core.Catalogue;

namespace Mismes.Core.Tests.Catalogue;

public sealed class TableExportTests
{
    [Fact]
    public void WriteXlsx_Rows_HeaderFrozenAndNumbersAsNumbers()
    {
        using var stream = new MemoryStream();

        TableExport.WriteXlsx(stream, "Mesures", ["N°", "Titre", "Montant"], [["1", "E-Bosla", 400000m], ["2", "TOKTEN", null]]);

        stream.Position = 0;
        using var doc = SpreadsheetDocument.Open(stream, false);
        var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["N°", "Titre", "Montant"], rows[0].Elements<Cell>().Select(c => c.InnerText));
        var amount = rows[1].Elements<Cell>().Last();
        Assert.Equal(CellValues.Number, amount.DataType!.Value);
        Assert.Equal("400000", amount.CellValue!.Text);
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal((1D, PaneStateValues.Frozen), (pane.VerticalSplit!.Value, pane.State!.Value));
        Assert.Equal(3, sheet.Descendants<Column>().Count());
        Assert.Equal("Mesures", doc.WorkbookPart.Workbook.Descendants<Sheet>().Single().Name!.Value);
    }

    [Fact]
    public void WriteCsv_ArabicAndCommas_Utf8WithBomAndQuoted()
    {
        using var stream = new MemoryStream();

        TableExport.WriteCsv(stream, ["رقم", "العنوان"], [["1", "أنابيك، الدولية, مع فاصلة"], [2, 1.5m]]);

        var bytes = stream.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]).ReplaceLineEndings("\n");
        Assert.Equal("رقم,العنوان\n1,\"أنابيك، الدولية, مع فاصلة\"\n2,1.5\n", text);
    }

    [Theory]
    [InlineData(1, "A")]
    [InlineData(21, "U")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    [InlineData(53, "BA")]
    public void ColumnName_Number_GivesExcelLetters(int number, string name) =>
        Assert.Equal(name, TableExport.ColumnName(number));
}
