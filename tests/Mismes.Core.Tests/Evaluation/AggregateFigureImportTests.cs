using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Catalogue;
using Mismes.Core.Data;
using Mismes.Core.Evaluation;
using Mismes.Core.Exports;
using Mismes.TestCommon;
using Mismes.TestCommon.People;

namespace Mismes.Core.Tests.Evaluation;

/// <summary>Aggregate data entry from .csv and .xlsx (issue 10): per-row report, idempotent, hostile files refused whole.</summary>
public sealed class AggregateFigureImportTests(PeopleTestDatabase database) : IClassFixture<PeopleTestDatabase>
{
    private static readonly FakeCurrentUser Admin = new(null, Roles.Administrator);

    private async Task<AggregateFigureImport> ImportAsync(AppDbContext db)
    {
        var catalogue = new CatalogueService(db, new AuditLog(db, Admin, database.Clock), database.Clock, Admin);
        await new IndicatorSeeder(db, catalogue, database.Clock).SeedAsync(CancellationToken.None);
        return new AggregateFigureImport(db, catalogue, database.Clock);
    }

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task Csv_ReportsEveryRow_AndASecondImportChangesNothing()
    {
        const string file = """
            indicator;measure;year;value;source
            departures;;2012;"4 500";Ministère, tableau 3
            departures;;2013;4,800;Ministère, tableau 3
            nope;;2013;1;x
            departures;;19x;1;x
            departures;;2014;-3;x
            departures;;2015;10;
            departures;;2012;4500;again
            """;
        await using var db = database.NewContext();
        var import = await ImportAsync(db);

        var first = await import.ImportAsync(Csv(file), TableFormat.Csv, CancellationToken.None);
        var second = await import.ImportAsync(Csv(file.Replace("4,800", "4,900", StringComparison.Ordinal)), TableFormat.Csv, CancellationToken.None);

        Assert.Null(first.FileErrorKey);
        Assert.Equal(
            [(2, ImportOutcome.Accepted, null), (3, ImportOutcome.Accepted, null), (4, ImportOutcome.Rejected, "indicator"),
             (5, ImportOutcome.Rejected, "year"), (6, ImportOutcome.Rejected, "value"), (7, ImportOutcome.Rejected, "source"),
             (8, ImportOutcome.Rejected, "year")],
            first.Lines.Select(l => (l.Line, l.Outcome, l.Column)));
        Assert.Equal(AggregateFigureImport.RepeatedRow, first.Lines[^1].ReasonKey);
        Assert.Equal([ImportOutcome.Unchanged, ImportOutcome.Updated], second.Lines.Take(2).Select(l => l.Outcome));
        await using var read = database.NewContext();
        var departures = await read.Set<IndicatorDefinition>().Where(i => i.Code == "departures").Select(i => i.Id).SingleAsync();
        var figures = await read.Set<AggregateFigure>().Where(f => f.IndicatorId == departures).OrderBy(f => f.Year).Select(f => new { f.Year, f.Value }).ToListAsync();
        Assert.Equal([(2012, 4500m), (2013, 4900m)], figures.Select(f => (f.Year, f.Value)));
    }

    [Fact]
    public async Task Csv_InvalidUtf8_IsRefusedWhole()
    {
        var bytes = Encoding.UTF8.GetBytes("indicator,year,value,source\ndepartures,2016,5,Source ").Concat(new byte[] { 0xC3, 0x28 }).ToArray();
        await using var db = database.NewContext();

        var report = await (await ImportAsync(db)).ImportAsync(new MemoryStream(bytes), TableFormat.Csv, CancellationToken.None);

        Assert.Equal(TableImport.NotUtf8, report.FileErrorKey);
        Assert.Empty(report.Lines);
    }

    [Fact]
    public async Task Csv_MissingColumn_IsRefusedWhole()
    {
        await using var db = database.NewContext();

        var report = await (await ImportAsync(db)).ImportAsync(Csv("indicator,year\ndepartures,2016\n"), TableFormat.Csv, CancellationToken.None);

        Assert.Equal(AggregateFigureImport.MissingColumns, report.FileErrorKey);
    }

    [Fact]
    public async Task Xlsx_AFormulaCell_RejectsItsRow_TheOthersAreRead()
    {
        using var file = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(file, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(new SheetData(
                Row(1, "indicator", "year", "value", "source"),
                Row(2, "certificates", "2017", "120", "OFPPT, bilan du pilote"),
                new Row(
                    new Cell { CellReference = "A3", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("certificates")) },
                    new Cell { CellReference = "B3", CellValue = new CellValue("2018") },
                    new Cell { CellReference = "C3", CellFormula = new CellFormula("HYPERLINK(\"http://evil.example\",1)"), CellValue = new CellValue("1") },
                    new Cell { CellReference = "D3", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("x")) })
                { RowIndex = 3 }));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Figures" }));
        }

        file.Position = 0;
        await using var db = database.NewContext();
        var report = await (await ImportAsync(db)).ImportAsync(file, TableFormat.Xlsx, CancellationToken.None);

        Assert.Equal([(2, ImportOutcome.Accepted), (3, ImportOutcome.Rejected)], report.Lines.Select(l => (l.Line, l.Outcome)));
        Assert.Equal(TableImport.FormulaCell, report.Lines[1].ReasonKey);
    }

    [Fact]
    public void Xlsx_ThatWouldUnpackToMoreThan50MB_IsRefusedUnread()
    {
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 51; i++)
            {
                entry.Write(zeros);
            }
        }

        file.Position = 0;
        Assert.True(file.Length < 1024 * 1024, "the bomb is small when packed");

        Assert.Equal(TableImport.FileUnreadable, TableImport.Read(file, TableFormat.Xlsx, 10).FileErrorKey);
    }

    [Fact]
    public void NotAWorkbook_IsUnreadable()
    {
        Assert.Equal(TableImport.FileUnreadable, TableImport.Read(new MemoryStream(Encoding.UTF8.GetBytes("indicator,year")), TableFormat.Xlsx, 10).FileErrorKey);
    }

    private static Row Row(uint index, params string[] values) =>
        new(values.Select((v, i) => new Cell
        {
            CellReference = ((char)('A' + i)).ToString() + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(v)),
        }))
        { RowIndex = index };
}
