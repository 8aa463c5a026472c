using System.Globalization;
using Microsoft.Extensions.Localization;
using Mismes.Core.Catalogue;

namespace Mismes.Web.Catalogue;

/// <summary>The catalogue's words in the reader's language: phases, models, statuses, organisations, columns, errors.</summary>
internal sealed class CatalogueLabels(IStringLocalizer<SharedResource> localizer)
{
    public static readonly MigrationPhase[] Phases = Enum.GetValues<MigrationPhase>();
    public static readonly MeasureModel[] Models = Enum.GetValues<MeasureModel>();
    public static readonly MeasureStatus[] Statuses = [MeasureStatus.Active, MeasureStatus.Ended, MeasureStatus.Upcoming, MeasureStatus.Unknown];

    public string this[string key] => localizer[key];

    public string Phase(MigrationPhase phase) => localizer["Catalogue.Phase." + phase];

    public string Model(MeasureModel model) => localizer["Catalogue.Model." + model];

    public string Status(MeasureStatus status) => localizer["Catalogue.Status." + status];

    /// <summary>
    /// A measure's status as a sentence: a measure with a start year but no end (and not marked ongoing) says since
    /// when it runs rather than "dates not known", which read as if nothing was known.
    /// </summary>
    public string Status(MeasureView m) =>
        m.Status == MeasureStatus.Unknown && m.StartYear is int year
            ? localizer["Catalogue.Status.SinceEndUnknown", year.ToString(CultureInfo.InvariantCulture)]
            : Status(m.Status);

    public string Origin(MeasureOrigin origin) => localizer["Catalogue.Origin." + origin];

    /// <summary>A known organisation's name in the reader's language; an unknown code as it is.</summary>
    public string Party(string code)
    {
        var text = localizer["Catalogue.Party." + code];
        return text.ResourceNotFound ? code : text.Value;
    }

    public static string StatusBadge(MeasureStatus status) => status switch
    {
        MeasureStatus.Active => "text-bg-success",
        MeasureStatus.Ended => "text-bg-secondary",
        MeasureStatus.Upcoming => "text-bg-info",
        _ => "text-bg-light",
    };

    public string Number(decimal? value) => value?.ToString("#,0.##", CultureInfo.CurrentCulture) ?? "";

    public string Beneficiaries(MeasureView m) => m.Beneficiaries ?? "";

    /// <summary>The period as written; else from the years (issue 6, 2.12: a new measure with a start year read "dates unknown").</summary>
    public string Period(MeasureView m) => m.Period ?? (m.StartYear, m.EndYear) switch
    {
        (int start, int end) => string.Create(CultureInfo.InvariantCulture, $"{start}–{end}"),
        (int start, null) => string.Format(CultureInfo.CurrentCulture, this["Catalogue.Period.Since"], start.ToString(CultureInfo.InvariantCulture)),
        (null, int end) => end.ToString(CultureInfo.InvariantCulture),
        _ => Status(MeasureStatus.Unknown),
    };

    /// <summary>The comparison table: one column per attribute, headers in the reader's language.</summary>
    public (string[] Headers, List<IReadOnlyList<object?>> Rows) Table(IEnumerable<MeasureView> measures, string baseUrl)
    {
        string[] headers =
        [
            this["Catalogue.Column.Reference"], this["Catalogue.Column.Parent"], this["Catalogue.Column.Title"],
            this["Catalogue.Column.Phase"], this["Catalogue.Column.Models"], this["Catalogue.Column.Implementers"],
            this["Catalogue.Column.Funders"], this["Catalogue.Column.Period"], this["Catalogue.Column.StartYear"],
            this["Catalogue.Column.EndYear"], this["Catalogue.Column.Status"], this["Catalogue.Column.Budget"],
            this["Catalogue.Column.BudgetAmount"], this["Catalogue.Column.BudgetCurrency"], this["Catalogue.Column.Beneficiaries"],
            this["Catalogue.Column.BeneficiariesMin"], this["Catalogue.Column.BeneficiariesMax"], this["Catalogue.Column.Activities"],
            this["Catalogue.Column.Origin"], this["Catalogue.Column.Source"], this["Catalogue.Column.Link"],
        ];
        var rows = measures.Select(m => (IReadOnlyList<object?>)
        [
            m.Reference, m.ParentReference, m.Title,
            Phase(m.Phase), string.Join("\n", m.Models.Select(Model)), string.Join("\n", m.Implementers),
            string.Join("\n", m.Funders), m.Period, m.StartYear,
            m.EndYear, Status(m), m.Budget,
            m.BudgetAmount, m.BudgetCurrency, m.Beneficiaries,
            m.BeneficiariesMin, m.BeneficiariesMax, string.Join("\n", m.Activities),
            Origin(m.Origin), m.SourceReference, baseUrl + "/Catalogue/" + m.Slug,
        ]).ToList();
        return (headers, rows);
    }
}
