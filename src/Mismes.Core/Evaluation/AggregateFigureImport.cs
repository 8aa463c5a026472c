using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mismes.Core.Catalogue;
using Mismes.Core.Data;
using Mismes.Core.Exports;

namespace Mismes.Core.Evaluation;

public enum ImportOutcome
{
    Accepted,
    Updated,
    Unchanged,
    Rejected,
}

/// <summary>What became of one row: its line in the file, the outcome, and for a rejected row the column and the reason (a resource key).</summary>
public sealed record ImportLine(int Line, ImportOutcome Outcome, string? Column = null, string? ReasonKey = null);

/// <summary>The report of one import: per row, or one reason for the whole file (then nothing was written).</summary>
public sealed record ImportReport(IReadOnlyList<ImportLine> Lines, string? FileErrorKey)
{
    public int Count(ImportOutcome outcome) => Lines.Count(l => l.Outcome == outcome);
}

/// <summary>
/// Aggregate figures from a .csv or .xlsx table with the columns indicator, measure (a catalogue slug, may be empty),
/// year, value and source: for programmes without individual records (issue 10). Idempotent: the same indicator,
/// measure and year update the figure, never add a second one. Rows are reported one by one; good rows are written
/// together in one SaveChanges, so a failure writes nothing.
/// </summary>
public sealed class AggregateFigureImport(AppDbContext db, CatalogueService catalogue, TimeProvider clock)
{
    public const int MaxRows = 5_000;
    public const long MaxFileBytes = 2 * 1024 * 1024;

    public const string UnknownIndicator = "Evaluation.Import.UnknownIndicator";
    public const string UnknownMeasure = "Evaluation.Import.UnknownMeasure";
    public const string BadYear = "Evaluation.Import.BadYear";
    public const string BadValue = "Evaluation.Import.BadValue";
    public const string MissingSource = "Evaluation.Import.MissingSource";
    public const string MissingColumns = "Evaluation.Import.MissingColumns";
    public const string RepeatedRow = "Evaluation.Import.RepeatedRow";

    private static readonly string[] Columns = ["indicator", "measure", "year", "value", "source"];

    public async Task<ImportReport> ImportAsync(Stream file, TableFormat format, CancellationToken ct)
    {
        var table = TableImport.Read(file, format, MaxRows);
        if (table.FileErrorKey is { } fileError)
        {
            return new ImportReport([], fileError);
        }

        if (Columns.Except(["measure"]).Any(c => !table.Headers.Contains(c, StringComparer.OrdinalIgnoreCase)))
        {
            return new ImportReport([], MissingColumns);
        }

        var indicators = await db.Set<IndicatorDefinition>().ToDictionaryAsync(i => i.Code, i => i.Id, StringComparer.OrdinalIgnoreCase, ct);
        var measures = new Dictionary<string, Guid?>(StringComparer.OrdinalIgnoreCase);
        // Figures are few (one per indicator, measure and year): read once, not once per row.
        var figures = await db.Set<AggregateFigure>().ToDictionaryAsync(f => (f.IndicatorId, f.MeasureId, f.Year), ct);
        var seen = new HashSet<(Guid, Guid?, int)>();
        var lines = new List<ImportLine>();
        foreach (var row in table.Rows)
        {
            lines.Add(await ImportRowAsync(row, indicators, measures, figures, seen, ct));
        }

        await db.SaveChangesAsync(ct);
        return new ImportReport(lines, null);
    }

    private async Task<ImportLine> ImportRowAsync(
        TableRow row,
        Dictionary<string, Guid> indicators,
        Dictionary<string, Guid?> measures,
        Dictionary<(Guid, Guid?, int), AggregateFigure> figures,
        HashSet<(Guid, Guid?, int)> seen,
        CancellationToken ct)
    {
        ImportLine Rejected(string column, string key) => new(row.Line, ImportOutcome.Rejected, column, key);

        if (row.ErrorKey is { } error)
        {
            return Rejected("", error);
        }

        if (row["indicator"] is not { } code || !indicators.TryGetValue(code, out var indicatorId))
        {
            return Rejected("indicator", UnknownIndicator);
        }

        Guid? measureId = null;
        if (row["measure"] is { } slug)
        {
            if (!measures.TryGetValue(slug, out measureId))
            {
                measures[slug] = measureId = (await catalogue.FindAsync(slug, "fr", ct))?.Id;
            }

            if (measureId is null)
            {
                return Rejected("measure", UnknownMeasure);
            }
        }

        if (!int.TryParse(row["year"], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1950 or > 2100)
        {
            return Rejected("year", BadYear);
        }

        // "13600", "13 600", "13,600" and "0.25" all read; a comma followed by exactly three digits groups thousands.
        var text = (row["value"] ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal);
        if (System.Text.RegularExpressions.Regex.IsMatch(text, @"^\d{1,3}(,\d{3})+$"))
        {
            text = text.Replace(",", "", StringComparison.Ordinal);
        }

        if (!decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            return Rejected("value", BadValue);
        }

        if (row["source"] is not { Length: <= 300 } source || source.StartsWith('='))
        {
            return Rejected("source", MissingSource);
        }

        if (!seen.Add((indicatorId, measureId, year)))
        {
            return Rejected("year", RepeatedRow);
        }

        if (!figures.TryGetValue((indicatorId, measureId, year), out var figure))
        {
            db.Set<AggregateFigure>().Add(new AggregateFigure
            {
                Id = Guid.NewGuid(),
                IndicatorId = indicatorId,
                MeasureId = measureId,
                Year = year,
                Value = value,
                Source = source,
                ImportedAt = clock.GetUtcNow(),
            });
            return new(row.Line, ImportOutcome.Accepted);
        }

        if (figure.Value == value && figure.Source == source)
        {
            return new(row.Line, ImportOutcome.Unchanged);
        }

        figure.Value = value;
        figure.Source = source;
        figure.ImportedAt = clock.GetUtcNow();
        return new(row.Line, ImportOutcome.Updated);
    }
}
