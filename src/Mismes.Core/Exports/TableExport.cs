using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Mismes.Core.Exports;

/// <summary>
/// The one way Mismes writes a table (a header row, then one row per record) as .xlsx or .csv; every capability's
/// export goes through here so every export is safe to open. Cells are strings, whole numbers or decimals; numbers
/// stay numbers in the sheet so a reader can sort and sum them. Text cells pass through <see cref="SpreadsheetCell.Neutralize"/>,
/// so a value typed by a user can never run as a formula in Excel or LibreOffice. Headers come from the caller, already
/// in the reader's language; <c>rightToLeft</c> (Arabic) mirrors the sheet.
/// </summary>
public static class TableExport
{
    public static void WriteXlsx(Stream output, string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, bool rightToLeft = false)
    {
        var data = rows.ToList();
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Styles();

        var sheetData = new SheetData();
        sheetData.Append(Row(1, headers.Cast<object?>().ToList(), HeaderStyle));
        for (var i = 0; i < data.Count; i++)
        {
            sheetData.Append(Row((uint)(i + 2), data[i], BodyStyle));
        }

        var columns = new Columns();
        for (var c = 0; c < headers.Count; c++)
        {
            var longest = data.Select(r => c < r.Count ? LongestLine(r[c]) : 0).Prepend(headers[c].Length).Max();
            columns.Append(new Column
            {
                Min = (uint)(c + 1),
                Max = (uint)(c + 1),
                Width = Math.Clamp(longest + 2, 8, 60),
                CustomWidth = true,
            });
        }

        var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
        var lastCell = ColumnName(headers.Count) + (data.Count + 1).ToString(CultureInfo.InvariantCulture);
        worksheetPart.Worksheet = new Worksheet(
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { WorkbookViewId = 0U, RightToLeft = rightToLeft ? true : null }),
            new SheetFormatProperties { DefaultRowHeight = 15D },
            columns,
            sheetData,
            new AutoFilter { Reference = "A1:" + lastCell });

        workbookPart.Workbook.Append(new Sheets(new Sheet
        {
            Id = workbookPart.GetIdOfPart(worksheetPart),
            SheetId = 1U,
            Name = sheetName.Length > 31 ? sheetName[..31] : sheetName,
        }));
        workbookPart.Workbook.Save();
    }

    /// <summary>UTF-8 with a byte-order mark so Excel opens Arabic and accents correctly; numbers in invariant format.</summary>
    public static void WriteCsv(Stream output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true))
        {
            csv.WriteRecord(headers.Select(SpreadsheetCell.Neutralize).ToArray());
            foreach (var row in rows)
            {
                csv.WriteRecord(row.Select(value => value switch
                {
                    null => "",
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => SpreadsheetCell.Neutralize(value.ToString() ?? ""),
                }).ToArray());
            }
        }

        writer.Flush();
    }

    private const uint BodyStyle = 2;
    private const uint HeaderStyle = 1;

    private static Row Row(uint index, IReadOnlyList<object?> values, uint style)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < values.Count; c++)
        {
            var reference = ColumnName(c + 1) + index.ToString(CultureInfo.InvariantCulture);
            row.Append(values[c] switch
            {
                null => new Cell { CellReference = reference, StyleIndex = style },
                int n => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(n), StyleIndex = style },
                decimal d => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(d), StyleIndex = style },
                var v => new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(SpreadsheetCell.Neutralize(Convert.ToString(v, CultureInfo.InvariantCulture) ?? "")) { Space = SpaceProcessingModeValues.Preserve }),
                    StyleIndex = style,
                },
            });
        }

        return row;
    }

    internal static string ColumnName(int number)
    {
        var name = "";
        while (number > 0)
        {
            var rest = (number - 1) % 26;
            name = (char)('A' + rest) + name;
            number = (number - 1) / 26;
        }

        return name;
    }

    private static int LongestLine(object? value) =>
        value is null ? 0 : (Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").Split('\n').Max(l => l.Length);

    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2U },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2U },
        new Borders(new Border()) { Count = 1U },
        new CellStyleFormats(new CellFormat()) { Count = 1U },
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }) { FontId = 1U, ApplyFont = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }) { ApplyAlignment = true })
        { Count = 3U });
}
