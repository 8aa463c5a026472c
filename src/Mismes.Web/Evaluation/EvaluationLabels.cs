using System.Globalization;
using Microsoft.Extensions.Localization;
using Mismes.Core.Administration;
using Mismes.Core.Catalogue;
using Mismes.Core.Evaluation;
using Mismes.Core.People;

namespace Mismes.Web.Evaluation;

/// <summary>How Evaluation's pages and exports name things in the reader's language: indicators, outcome kinds, breakdown values, figures.</summary>
public sealed class EvaluationLabels(IStringLocalizer<SharedResource> text, CatalogueService catalogue, InstitutionDirectory institutions)
{
    public static readonly IReadOnlyList<Disaggregation> Breakdowns = Enum.GetValues<Disaggregation>();

    private static string Culture => CultureInfo.CurrentUICulture.Name;

    public string Breakdown(Disaggregation by) => text["Evaluation.By." + by];

    /// <summary>
    /// An outcome kind, worded by the capability that records it ("placement.hired" → the key Placement.Outcome.hired
    /// in Placement's strings), so a new capability names its outcomes without touching Evaluation; the kind itself
    /// when no wording exists yet.
    /// </summary>
    public string Kind(string kind)
    {
        var dot = kind.IndexOf('.', StringComparison.Ordinal);
        var key = OutcomeKind.CapabilityOf(kind) + ".Outcome." + kind[(dot + 1)..];
        var label = text[key];
        return label.ResourceNotFound ? kind : label.Value;
    }

    /// <summary>A count as a number, a share as a percentage with one decimal; "—" when it cannot be computed.</summary>
    public string Value(IndicatorDefinition definition, double? value) => value is not { } v
        ? "—"
        : definition.IsShare
            ? (v * 100).ToString("0.#", CultureInfo.CurrentCulture) + " %"
            : v.ToString("#,0", CultureInfo.CurrentCulture);

    public string Figure(IndicatorDefinition definition, decimal value) => definition.IsShare
        ? (value * 100).ToString("0.#", CultureInfo.CurrentCulture) + " %"
        : value.ToString("#,0.##", CultureInfo.CurrentCulture);

    /// <summary>Labels for the keys of one breakdown (measure and institution ids are looked up once per table).</summary>
    public async Task<Func<string, string>> KeysAsync(Disaggregation by, IEnumerable<string> keys, CancellationToken ct)
    {
        switch (by)
        {
            case Disaggregation.Measure:
                var measures = await MeasureTitlesAsync(ct);
                return key => key.Length == 0 ? NotKnown : Guid.TryParse(key, out var id) && measures.TryGetValue(id, out var title) ? title : key;
            case Disaggregation.Institution:
                var ids = keys.Select(k => Guid.TryParse(k, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
                var codes = await institutions.CodesAsync(ids, ct);
                return key => Guid.TryParse(key, out var id) && codes.TryGetValue(id, out var code) ? code : NotKnown;
            default:
                return key => Key(by, key);
        }
    }

    public async Task<IReadOnlyDictionary<Guid, string>> MeasureTitlesAsync(CancellationToken ct) =>
        (await catalogue.SearchAsync(new MeasureFilter(), CatalogueCultures.Normalize(CultureInfo.CurrentUICulture.Name), ct))
            .ToDictionary(m => m.Id, m => m.Title);

    private string NotKnown => text["Evaluation.NotKnown"];

    private string Key(Disaggregation by, string key)
    {
        if (key.Length == 0)
        {
            return NotKnown;
        }

        return by switch
        {
            Disaggregation.Sex => text["Evaluation.Sex." + key],
            Disaggregation.MigrationPhase => text["Evaluation.Phase." + key],
            Disaggregation.EducationLevel => text["Evaluation.Eqf", key],
            Disaggregation.Region => MoroccanRegions.All.FirstOrDefault(r => r.Code == key)?.NameFor(Culture) ?? key,
            _ => key,
        };
    }
}
