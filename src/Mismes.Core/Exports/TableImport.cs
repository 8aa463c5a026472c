using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Mismes.Core.Exports;

public enum TableFormat
{
    Csv,
    Xlsx,
}

/// <summary>One data row of an uploaded table: its line in the file (the header is line 1), its cells by header, and why it cannot be read, if so.</summary>
public sealed record TableRow(int Line, IReadOnlyDictionary<string, string> Cells, string? ErrorKey)
{
    public string? this[string column] => Cells.TryGetValue(column, out var value) && value.Length > 0 ? value : null;
}

/// <summary>A table read from a file, or why the file as a whole cannot be read (then nothing should be written).</summary>
public sealed record TableReadResult(IReadOnlyList<string> Headers, IReadOnlyList<TableRow> Rows, string? FileErrorKey)
{
    public static TableReadResult Failed(string key) => new([], [], key);
}

/// <summary>
/// The one way Mismes reads an uploaded table (.csv or .xlsx; the counterpart of <see cref="TableExport"/>): a header
/// row, then data rows as text. Hostile files are refused, not half-read: CSV must be valid UTF-8; an .xlsx whose
/// parts would unpack to more than <see cref="MaxUnpackedBytes"/> (a zip bomb) or that is no workbook is refused whole;
/// a cell holding a formula makes its row unreadable (a formula is not data, and its cached value may be a lie).
/// Keys returned are resource keys ("Import.…") the web layer translates. The caller limits the upload's size.
/// </summary>
public static class TableImport
{
    public const long MaxUnpackedBytes = 50L * 1024 * 1024;

    public const string FileUnreadable = "Import.FileUnreadable";
    public const string NotUtf8 = "Import.NotUtf8";
    public const string TooManyRows = "Import.TooManyRows";
    public const string NoHeader = "Import.NoHeader";
    public const string FormulaCell = "Import.FormulaCell";

    public static TableReadResult Read(Stream stream, TableFormat format, int maxRows)
    {
        try
        {
            return format == TableFormat.Csv ? ReadCsv(stream, maxRows) : ReadXlsx(stream, maxRows);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or DecoderFallbackException or CsvFormatException
            or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or System.Xml.XmlException or FormatException)
        {
            return TableReadResult.Failed(e is DecoderFallbackException ? NotUtf8 : FileUnreadable);
        }
    }

    private static TableReadResult ReadCsv(Stream stream, int maxRows)
    {
        // Strict UTF-8, checked before parsing: invalid bytes are refused instead of becoming U+FFFD in a name.
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var text = StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
        using var csv = CsvReader.FromText(text, new CsvReaderOptions { TrimWhitespace = true, MaxRecordSize = 1024 * 1024 });
        var headers = csv.Headers.Select(h => h.Trim()).ToList();
        if (headers.Count == 0 || headers.All(h => h.Length == 0))
        {
            return TableReadResult.Failed(NoHeader);
        }

        var rows = new List<TableRow>();
        while (csv.Read())
        {
            var cells = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < headers.Count; i++)
            {
                cells[headers[i]] = i < csv.FieldCount ? csv.GetString(i).Trim() : "";
            }

            if (cells.Values.All(v => v.Length == 0))
            {
                continue;
            }

            if (rows.Count == maxRows)
            {
                return TableReadResult.Failed(TooManyRows);
            }

            rows.Add(new TableRow((int)csv.RowNumber + 1, cells, null));
        }

        return new TableReadResult(headers, rows, null);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static TableReadResult ReadXlsx(Stream stream, int maxRows)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true))
        {
            if (zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
            {
                return TableReadResult.Failed(FileUnreadable);
            }
        }

        buffer.Position = 0;
        using var document = SpreadsheetDocument.Open(buffer, isEditable: false);
        var workbook = document.WorkbookPart;
        var first = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
        if (workbook is null || first?.Id?.Value is not { } partId || workbook.GetPartById(partId) is not WorksheetPart sheetPart)
        {
            return TableReadResult.Failed(FileUnreadable);
        }

        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var sheetRows = sheetPart.Worksheet.Descendants<Row>().ToList();
        if (sheetRows.Count == 0)
        {
            return TableReadResult.Failed(NoHeader);
        }

        var headerCells = Cells(sheetRows[0], shared);
        var headers = headerCells.OrderBy(c => c.Key).Select(c => c.Value.Text.Trim()).ToList();
        var columns = headerCells.OrderBy(c => c.Key).Select(c => c.Key).ToList();
        if (headers.All(h => h.Length == 0))
        {
            return TableReadResult.Failed(NoHeader);
        }

        var rows = new List<TableRow>();
        foreach (var row in sheetRows.Skip(1))
        {
            var cells = Cells(row, shared);
            if (cells.Values.All(c => c.Text.Trim().Length == 0 && !c.IsFormula))
            {
                continue;
            }

            if (rows.Count == maxRows)
            {
                return TableReadResult.Failed(TooManyRows);
            }

            var byHeader = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < columns.Count; i++)
            {
                byHeader[headers[i]] = cells.TryGetValue(columns[i], out var cell) ? cell.Text.Trim() : "";
            }

            var line = (int)(row.RowIndex?.Value ?? (uint)(rows.Count + 2));
            rows.Add(new TableRow(line, byHeader, cells.Values.Any(c => c.IsFormula) ? FormulaCell : null));
        }

        return new TableReadResult(headers, rows, null);
    }

    private static Dictionary<int, (string Text, bool IsFormula)> Cells(Row row, List<string> shared)
    {
        var cells = new Dictionary<int, (string, bool)>();
        var next = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
            next = column + 1;
            var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
            var text = cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count
                ? shared[index]
                : raw;
            cells[column] = (text, cell.CellFormula is not null);
        }

        return cells;
    }

    /// <summary>"C7" → 2.</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }
}
