using Mismes.Core.Catalogue;
using Mismes.Core.Common;

namespace Mismes.Web.Catalogue;

/// <summary>The texts of a measure in one language as typed in the form or sent in the API body.</summary>
public sealed class MeasureTextInput
{
    public string? Title { get; set; }

    public string? Implementers { get; set; }

    public string? Funders { get; set; }

    public string? Period { get; set; }

    public string? Budget { get; set; }

    public string? Beneficiaries { get; set; }

    public string? Activities { get; set; }

    /// <summary>Who the measure is for, in plain words.</summary>
    public string? ForWhom { get; set; }

    public string? WhatYouGet { get; set; }

    public string? HowToApply { get; set; }

    public string? Contact { get; set; }
}

/// <summary>
/// A measure as a programme manager types it (edit form) or a partner sends it (API body). Phase, models and codes
/// stay text here so that an unknown value comes back as a field error in the user's language, not as a binding
/// failure; <see cref="ToRequest"/> reads them into Core's typed <see cref="SaveMeasure"/>.
/// </summary>
public sealed class MeasureInput
{
    /// <summary>Left empty, it is made from the French title.</summary>
    public string? Slug { get; set; }

    /// <summary>PreMigration, DuringMigration, PostMigration or Several.</summary>
    public string? Phase { get; set; }

    /// <summary>Names of <see cref="MeasureModel"/>.</summary>
    public List<string?> Models { get; set; } = [];

    /// <summary>Party codes, e.g. ANAPEC, IOM; an item may hold several separated by commas (the form's one text box).</summary>
    public List<string?> ImplementerCodes { get; set; } = [];

    public List<string?> FunderCodes { get; set; } = [];

    /// <summary>Slug of the measure this one is an initiative of (optional).</summary>
    public string? ParentSlug { get; set; }

    public int? StartYear { get; set; }

    public int? StartMonth { get; set; }

    public int? EndYear { get; set; }

    public int? EndMonth { get; set; }

    public bool Ongoing { get; set; }

    public decimal? BudgetAmount { get; set; }

    public string? BudgetCurrency { get; set; }

    public int? BeneficiariesMin { get; set; }

    public int? BeneficiariesMax { get; set; }

    public string? SourceReference { get; set; }

    /// <summary>By language: fr (required), ar, en, es.</summary>
    public Dictionary<string, MeasureTextInput> Texts { get; set; } = new(StringComparer.Ordinal);

    public static MeasureInput From(SaveMeasure m) => new()
    {
        Slug = m.Slug,
        Phase = m.Phase.ToString(),
        Models = [.. m.Models.Select(x => (string?)x.ToString()).Order(StringComparer.Ordinal)],
        ImplementerCodes = [.. m.ImplementerCodes],
        FunderCodes = [.. m.FunderCodes],
        ParentSlug = m.ParentSlug,
        StartYear = m.StartYear,
        StartMonth = m.StartMonth,
        EndYear = m.EndYear,
        EndMonth = m.EndMonth,
        Ongoing = m.Ongoing,
        BudgetAmount = m.BudgetAmount,
        BudgetCurrency = m.BudgetCurrency,
        BeneficiariesMin = m.BeneficiariesMin,
        BeneficiariesMax = m.BeneficiariesMax,
        SourceReference = m.SourceReference,
        Texts = m.Texts.ToDictionary(
            t => t.Key,
            t => new MeasureTextInput
            {
                Title = t.Value.Title,
                Implementers = t.Value.Implementers,
                Funders = t.Value.Funders,
                Period = t.Value.Period,
                Budget = t.Value.Budget,
                Beneficiaries = t.Value.Beneficiaries,
                Activities = t.Value.Activities,
                ForWhom = t.Value.ForWhom,
                WhatYouGet = t.Value.WhatYouGet,
                HowToApply = t.Value.HowToApply,
                Contact = t.Value.Contact,
            },
            StringComparer.Ordinal),
    };

    /// <summary>
    /// Reads the text values. What cannot be read becomes a field error (resource keys, as from the service) and a
    /// placeholder in the request, so the service can still check the other fields.
    /// </summary>
    public SaveMeasure ToRequest(FieldErrors errors)
    {
        // A JSON body may send null for a list, a list item or a language's texts: read as absent, never a crash.
        Models = Models?.Where(v => v is not null).ToList() ?? [];
        ImplementerCodes = ImplementerCodes?.Where(v => v is not null).ToList() ?? [];
        FunderCodes = FunderCodes?.Where(v => v is not null).ToList() ?? [];
        Texts = Texts?.Where(t => t.Value is not null).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal)
            ?? new Dictionary<string, MeasureTextInput>(StringComparer.Ordinal);
        MigrationPhase phase = default;
        if (string.IsNullOrWhiteSpace(Phase))
        {
            errors.Add(nameof(Phase), "Catalogue.Error.Required");
        }
        else if (CatalogueParsing.ParseEnum<MigrationPhase>(Phase) is { } p)
        {
            phase = p;
        }
        else
        {
            errors.Add(nameof(Phase), "Catalogue.Error.UnknownValue");
        }

        var models = new List<MeasureModel>();
        foreach (var value in Models.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            if (CatalogueParsing.ParseEnum<MeasureModel>(value) is { } m)
            {
                models.Add(m);
            }
            else
            {
                errors.Add(nameof(Models), "Catalogue.Error.UnknownValue");
            }
        }

        return new SaveMeasure
        {
            Slug = Slug,
            Phase = phase,
            Models = models,
            ImplementerCodes = SplitCodes(ImplementerCodes),
            FunderCodes = SplitCodes(FunderCodes),
            ParentSlug = ParentSlug,
            StartYear = StartYear,
            StartMonth = StartMonth,
            EndYear = EndYear,
            EndMonth = EndMonth,
            Ongoing = Ongoing,
            BudgetAmount = BudgetAmount,
            BudgetCurrency = BudgetCurrency,
            BeneficiariesMin = BeneficiariesMin,
            BeneficiariesMax = BeneficiariesMax,
            SourceReference = SourceReference,
            Texts = Texts.ToDictionary(
                t => t.Key,
                t => new MeasureTexts
                {
                    Title = t.Value.Title ?? "",
                    Implementers = t.Value.Implementers,
                    Funders = t.Value.Funders,
                    Period = t.Value.Period,
                    Budget = t.Value.Budget,
                    Beneficiaries = t.Value.Beneficiaries,
                    Activities = t.Value.Activities,
                    ForWhom = t.Value.ForWhom,
                    WhatYouGet = t.Value.WhatYouGet,
                    HowToApply = t.Value.HowToApply,
                    Contact = t.Value.Contact,
                },
                StringComparer.Ordinal),
        };
    }

    /// <summary>"OFPPT, ANAPEC" → [OFPPT, ANAPEC]. An empty field arrives as a null item (the form binder turns "" into null).</summary>
    internal static List<string> SplitCodes(IEnumerable<string?> values) =>
        [.. values.OfType<string>().SelectMany(c => c.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}

/// <summary>Reading enum names from query strings and bodies the same way everywhere in the catalogue.</summary>
internal static class CatalogueParsing
{
    /// <summary>Names only, any case: "2" or "999" would otherwise parse as a number.</summary>
    public static T? ParseEnum<T>(string? value)
        where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(value) && !value.Any(char.IsDigit) && Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : null;

    /// <summary>
    /// The filter from query-string values as the public page, the export and the API receive them; unknown values
    /// become field errors (keys are the parameter names).
    /// </summary>
    public static MeasureFilter Filter(string? phase, string? model, string? implementer, string? status, string? text, FieldErrors errors) => new()
    {
        Phase = Optional<MigrationPhase>(phase, "phase", errors),
        Model = Optional<MeasureModel>(model, "model", errors),
        Implementer = string.IsNullOrWhiteSpace(implementer) ? null : implementer.Trim(),
        Status = Optional<MeasureStatus>(status, "status", errors),
        Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
    };

    private static T? Optional<T>(string? value, string field, FieldErrors errors)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var parsed = ParseEnum<T>(value);
        if (parsed is null)
        {
            errors.Add(field, "Catalogue.Error.UnknownValue");
        }

        return parsed;
    }
}
