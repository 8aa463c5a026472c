using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Mismes.Core.Exports;

namespace Mismes.Core.Tests.Exports;

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

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+212600000000", "'+212600000000")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("E-Bosla = 2012", "E-Bosla = 2012")]
    [InlineData("", "")]
    public void Neutralize_FormulaStart_PrefixedWithQuote(string text, string expected) =>
        Assert.Equal(expected, SpreadsheetCell.Neutralize(text));

    [Fact]
    public void WriteCsvAndXlsx_FormulaText_NeverAFormula()
    {
        const string title = "=HYPERLINK(\"http://x\",\"y\")";
        using var csv = new MemoryStream();
        using var xlsx = new MemoryStream();

        TableExport.WriteCsv(csv, ["Titre", "Montant"], [[title, -5m]]);
        TableExport.WriteXlsx(xlsx, "Mesures", ["Titre", "Montant"], [[title, -5m]]);

        var text = Encoding.UTF8.GetString(csv.ToArray()[3..]).ReplaceLineEndings("\n");
        Assert.Equal("Titre,Montant\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-5\n", text);
        xlsx.Position = 0;
        using var doc = SpreadsheetDocument.Open(xlsx, false);
        var cells = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ElementAt(1).Elements<Cell>().ToList();
        Assert.Equal("'" + title, cells[0].InnerText);
        Assert.Empty(doc.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<CellFormula>());
        Assert.Equal("-5", cells[1].CellValue!.Text);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WriteXlsx_RightToLeft_SheetViewMirrored(bool rightToLeft)
    {
        using var stream = new MemoryStream();

        TableExport.WriteXlsx(stream, "التدابير", ["رقم"], [["1"]], rightToLeft);

        stream.Position = 0;
        using var doc = SpreadsheetDocument.Open(stream, false);
        var view = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<SheetView>().Single();
        Assert.Equal(rightToLeft, view.RightToLeft?.Value ?? false);
    }
}
