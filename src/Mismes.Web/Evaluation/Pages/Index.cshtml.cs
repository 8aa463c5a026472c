using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.Common;
using Mismes.Core.Evaluation;
using Mismes.Core.Exports;

namespace Mismes.Web.Evaluation.Pages;

/// <summary>One indicator in the summary table: its value for the chosen year and measure, its target, the attainment.</summary>
public sealed record IndicatorLine(IndicatorDefinition Definition, IndicatorResult Result)
{
    /// <summary>Actual over target, when both exist.</summary>
    public double? Attainment => Result.Target is { Target: > 0 } target && Result.Total.Value is { } value
        ? value / (double)target.Target
        : null;
}

/// <summary>
/// /Evaluation: every indicator for a year and a measure, against its target, and one indicator broken down with a
/// chart and an export (issue 10). A GET form, so a link names exactly what is shown; aggregates only, so nothing
/// here is a disclosure of a personal record.
/// </summary>
[Authorize(Policy = EvaluationPolicies.ViewIndicators)]
public sealed class IndexModel(IndicatorService indicators, EvaluationLabels labels, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "indicator")]
    public string? Indicator { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public string? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "by")]
    public string? By { get; set; }

    [BindProperty(SupportsGet = true, Name = "measure")]
    public string? Measure { get; set; }

    public FieldErrors Errors { get; } = new();

    public IndicatorQuery Query { get; private set; } = new();

    public IReadOnlyList<IndicatorLine> Lines { get; private set; } = [];

    public IndicatorResult? Selected { get; private set; }

    public IReadOnlyDictionary<Guid, string> Measures { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>Label of each cell key of the selected breakdown.</summary>
    public Func<string, string> KeyLabel { get; private set; } = k => k;

    public static IReadOnlyList<int> Years { get; } = Enumerable.Range(2005, DateTime.UtcNow.Year - 2005 + 2).Reverse().ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The selected breakdown as .csv or .xlsx (the table on the page, with its numbers).</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Selected is null || !Errors.IsEmpty)
        {
            return Page();
        }

        var definition = Selected.Definition;
        var headers = new[] { labels.Breakdown(Query.By), Text("Evaluation.Numerator"), Text("Evaluation.Denominator"), Text("Evaluation.Value") };
        var rows = Selected.Cells.Append(Selected.Total with { Key = "" })
            .Select((c, i) => (IReadOnlyList<object?>)[i == Selected.Cells.Count ? Text("Evaluation.Total") : KeyLabel(c.Key), c.Numerator, c.Denominator, c.Value])
            .ToList();
        using var buffer = new MemoryStream();
        var name = $"mismes-{definition.Code}-{Query.Year?.ToString(CultureInfo.InvariantCulture) ?? "all"}";
        if (string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            TableExport.WriteXlsx(buffer, definition.Code, headers, rows, rightToLeft: CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft);
            return File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
        }

        TableExport.WriteCsv(buffer, headers, rows);
        return File(buffer.ToArray(), "text/csv; charset=utf-8", name + ".csv");
    }

    private string Text(string key) => text[key];

    private async Task LoadAsync(CancellationToken ct)
    {
        int? year = null;
        if (!string.IsNullOrEmpty(Year))
        {
            if (int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1950 and <= 2100)
            {
                year = y;
            }
            else
            {
                Errors.Add("year", "Evaluation.Error.Year");
            }
        }

        var by = Disaggregation.None;
        if (!string.IsNullOrEmpty(By) && (!Enum.TryParse(By, ignoreCase: false, out by) || !Enum.IsDefined(by)))
        {
            Errors.Add("by", "Evaluation.Error.By");
            by = Disaggregation.None;
        }

        Measures = await labels.MeasureTitlesAsync(ct);
        Guid? measure = null;
        if (!string.IsNullOrEmpty(Measure))
        {
            if (Guid.TryParse(Measure, out var m) && Measures.ContainsKey(m))
            {
                measure = m;
            }
            else
            {
                Errors.Add("measure", "Evaluation.Error.Measure");
            }
        }

        Query = new IndicatorQuery(year, measure);
        var lines = new List<IndicatorLine>();
        foreach (var definition in await indicators.DefinitionsAsync(ct))
        {
            lines.Add(new IndicatorLine(definition, (await indicators.ComputeAsync(definition.Code, Query, ct))!));
        }

        Lines = lines;
        if (!string.IsNullOrEmpty(Indicator))
        {
            Selected = await indicators.ComputeAsync(Indicator, Query with { By = by }, ct);
            if (Selected is null)
            {
                Errors.Add("indicator", "Evaluation.Error.Indicator");
            }
            else
            {
                Query = Query with { By = by };
                KeyLabel = await labels.KeysAsync(by, Selected.Cells.Select(c => c.Key), ct);
            }
        }
    }
}
