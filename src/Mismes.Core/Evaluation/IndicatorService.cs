using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Data;

namespace Mismes.Core.Evaluation;

/// <summary>What an indicator can be broken down by: the facts every outcome event carries.</summary>
public enum Disaggregation
{
    None,
    Sex,
    AgeGroup,
    Region,
    EducationLevel,
    MigrationPhase,
    Measure,
    Institution,
    Country,
    Year,
}

/// <summary>Which outcomes count: a calendar year (or every year), one measure (or all).</summary>
public sealed record IndicatorQuery(int? Year = null, Guid? MeasureId = null, Disaggregation By = Disaggregation.None);

/// <summary>One cell: people counted, people in the denominator (shares only), and the value (a count, or a share in 0..1).</summary>
public sealed record IndicatorCell(string Key, int Numerator, int? Denominator)
{
    public double? Value => Denominator is null ? Numerator : Denominator > 0 ? (double)Numerator / Denominator.Value : null;
}

/// <summary>An entered figure shown beside the computed ones.</summary>
public sealed record AggregateValue(int Year, Guid? MeasureId, decimal Value, string Source);

public sealed record IndicatorResult(
    IndicatorDefinition Definition,
    IndicatorQuery Query,
    IndicatorCell Total,
    IReadOnlyList<IndicatorCell> Cells,
    IndicatorTarget? Target,
    IReadOnlyList<AggregateValue> Aggregates);

/// <summary>
/// Computes indicators from the outcome events, in the database (COUNT DISTINCT person per cell), on both providers.
/// Administrators and analysts see every institution's outcomes (aggregates only: nobody is named here); everyone
/// else their own institution's.
/// </summary>
public sealed class IndicatorService(AppDbContext db, ICurrentUser user)
{
    public async Task<IReadOnlyList<IndicatorDefinition>> DefinitionsAsync(CancellationToken ct) =>
        await db.Set<IndicatorDefinition>().AsNoTracking().OrderBy(i => i.Order).ThenBy(i => i.Code).ToListAsync(ct);

    public async Task<IndicatorResult?> ComputeAsync(string code, IndicatorQuery query, CancellationToken ct)
    {
        var definition = await db.Set<IndicatorDefinition>().AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, ct);
        if (definition is null)
        {
            return null;
        }

        var numerator = Numerator(definition, query);
        var denominator = definition.IsShare ? Events(IndicatorDefinition.Kinds(definition.DenominatorKinds), query) : null;

        var total = new IndicatorCell("", await PeopleAsync(numerator, ct), denominator is null ? null : await PeopleAsync(denominator, ct));
        var cells = query.By == Disaggregation.Year
            ? await ByYearAsync(definition, query, ct)
            : await CellsAsync(numerator, denominator, query.By, ct);

        var targetYear = query.Year;
        var target = targetYear is null ? null : await db.Set<IndicatorTarget>().AsNoTracking()
            .FirstOrDefaultAsync(t => t.IndicatorId == definition.Id && t.Year == targetYear && t.MeasureId == query.MeasureId, ct);
        var aggregates = await db.Set<AggregateFigure>().AsNoTracking()
            .Where(f => f.IndicatorId == definition.Id && (query.MeasureId == null || f.MeasureId == query.MeasureId) && (query.Year == null || f.Year == query.Year))
            .OrderBy(f => f.Year)
            .Select(f => new AggregateValue(f.Year, f.MeasureId, f.Value, f.Source))
            .ToListAsync(ct);
        return new IndicatorResult(definition, query, total, cells, target, aggregates);
    }

    /// <summary>Outcomes the user may count: every institution's for administrators and analysts.</summary>
    private IQueryable<OutcomeEvent> Visible()
    {
        var events = db.Set<OutcomeEvent>().AsNoTracking();
        return user.IsInRole(Roles.Analyst) ? events : events.VisibleTo(user, e => e.InstitutionId);
    }

    private IQueryable<OutcomeEvent> Events(IReadOnlyList<string> kinds, IndicatorQuery query)
    {
        var events = Visible().Where(e => kinds.Contains(e.Kind));
        if (query.MeasureId is { } measure)
        {
            events = events.Where(e => e.MeasureId == measure);
        }

        if (query.Year is { } year)
        {
            var (from, to) = YearBounds(year);
            events = events.Where(e => e.At >= from && e.At < to);
        }

        return events;
    }

    private IQueryable<OutcomeEvent> Numerator(IndicatorDefinition definition, IndicatorQuery query)
    {
        var events = Events(IndicatorDefinition.Kinds(definition.NumeratorKinds), query);
        var excluded = IndicatorDefinition.Kinds(definition.ExcludedKinds);
        if (excluded.Count == 0)
        {
            return events;
        }

        // Excluded by an outcome up to the end of the period, whoever recorded it (a return recorded by IOM still
        // means the person returned).
        var all = db.Set<OutcomeEvent>().Where(x => excluded.Contains(x.Kind));
        if (query.Year is { } year)
        {
            var until = YearBounds(year).To;
            all = all.Where(x => x.At < until);
        }

        return events.Where(e => !all.Any(x => x.PersonId == e.PersonId));
    }

    private static Task<int> PeopleAsync(IQueryable<OutcomeEvent> events, CancellationToken ct) =>
        events.Select(e => e.PersonId).Distinct().CountAsync(ct);

    private static async Task<IReadOnlyList<IndicatorCell>> CellsAsync(
        IQueryable<OutcomeEvent> numerator, IQueryable<OutcomeEvent>? denominator, Disaggregation by, CancellationToken ct)
    {
        if (by == Disaggregation.None)
        {
            return [];
        }

        var top = await CountByAsync(numerator, by, ct);
        var bottom = denominator is null ? null : await CountByAsync(denominator, by, ct);
        IEnumerable<string> bottomKeys = bottom is null ? [] : bottom.Keys;
        var keys = top.Keys.Union(bottomKeys).Order(StringComparer.Ordinal);
        return keys.Select(k => new IndicatorCell(k, top.GetValueOrDefault(k), bottom?.GetValueOrDefault(k))).ToList();
    }

    /// <summary>One query per year (a year is a range of instants, which both providers compare; neither extracts a year from the stored value the same way).</summary>
    private async Task<IReadOnlyList<IndicatorCell>> ByYearAsync(IndicatorDefinition definition, IndicatorQuery query, CancellationToken ct)
    {
        var kinds = IndicatorDefinition.Kinds(definition.NumeratorKinds).Concat(IndicatorDefinition.Kinds(definition.DenominatorKinds)).ToList();
        var scope = Events(kinds, query with { Year = null });
        var first = await scope.OrderBy(e => e.At).Select(e => (DateTimeOffset?)e.At).FirstOrDefaultAsync(ct);
        var last = await scope.OrderByDescending(e => e.At).Select(e => (DateTimeOffset?)e.At).FirstOrDefaultAsync(ct);
        if (first is null || last is null)
        {
            return [];
        }

        var cells = new List<IndicatorCell>();
        for (var year = query.Year ?? first.Value.UtcDateTime.Year; year <= (query.Year ?? last.Value.UtcDateTime.Year); year++)
        {
            var inYear = query with { Year = year };
            var top = await PeopleAsync(Numerator(definition, inYear), ct);
            int? bottom = definition.IsShare ? await PeopleAsync(Events(IndicatorDefinition.Kinds(definition.DenominatorKinds), inYear), ct) : null;
            cells.Add(new IndicatorCell(year.ToString(CultureInfo.InvariantCulture), top, bottom));
        }

        return cells;
    }

    private static async Task<Dictionary<string, int>> CountByAsync(IQueryable<OutcomeEvent> events, Disaggregation by, CancellationToken ct) => by switch
    {
        Disaggregation.Sex => await CountAsync(events, e => e.Sex, ct),
        Disaggregation.AgeGroup => await CountAsync(events, e => e.AgeGroup, ct),
        Disaggregation.Region => await CountAsync(events, e => e.RegionCode, ct),
        Disaggregation.EducationLevel => await CountAsync(events, e => e.EqfLevel, ct),
        Disaggregation.MigrationPhase => await CountAsync(events, e => e.MigrationPhase, ct),
        Disaggregation.Measure => await CountAsync(events, e => e.MeasureId, ct),
        Disaggregation.Institution => await CountAsync(events, e => (Guid?)e.InstitutionId, ct),
        Disaggregation.Country => await CountAsync(events, e => e.Country, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(by), by, "Not a grouping column."),
    };

    /// <summary>People per value of one column; a missing value is the key "" (shown as "not known").</summary>
    private static async Task<Dictionary<string, int>> CountAsync<TKey>(IQueryable<OutcomeEvent> events, Expression<Func<OutcomeEvent, TKey>> key, CancellationToken ct)
    {
        var rows = await events
            .GroupBy(key)
            .Select(g => new { g.Key, People = g.Select(e => e.PersonId).Distinct().Count() })
            .ToListAsync(ct);
        return rows.ToDictionary(r => Convert.ToString(r.Key, CultureInfo.InvariantCulture) ?? "", r => r.People, StringComparer.Ordinal);
    }

    private static (DateTimeOffset From, DateTimeOffset To) YearBounds(int year) =>
        (new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero));
}
