using System.Globalization;

namespace Mismes.Core.Catalogue;

/// <summary>The four languages catalogue texts are written in. French is required and is the fallback.</summary>
public static class CatalogueCultures
{
    public const string Fallback = "fr";

    public static readonly IReadOnlyList<string> All = ["fr", "ar", "en", "es"];

    /// <summary>"ar-MA" → "ar"; anything unknown → fr.</summary>
    public static string Normalize(string? culture)
    {
        if (string.IsNullOrWhiteSpace(culture))
        {
            return Fallback;
        }

        var language = culture.Split('-', '_')[0].ToLowerInvariant();
        return All.Contains(language, StringComparer.Ordinal) ? language : Fallback;
    }

    public static string Normalize(CultureInfo culture) => Normalize(culture.Name);
}

/// <summary>What a visitor filters the catalogue by. Every criterion is optional.</summary>
public sealed record MeasureFilter
{
    public MigrationPhase? Phase { get; init; }

    public MeasureModel? Model { get; init; }

    /// <summary>A party code, e.g. ANAPEC or IOM.</summary>
    public string? Implementer { get; init; }

    /// <summary>Active, Ended, Upcoming or Unknown on today's date.</summary>
    public MeasureStatus? Status { get; init; }

    /// <summary>Free text, matched without regard to case or accents in the chosen language and in French.</summary>
    public string? Text { get; init; }

    /// <summary>
    /// Reads the filter from query-string values as the public page, the export and the API receive them; unknown
    /// values become field errors (keys are the parameter names, values are resource keys of the message).
    /// </summary>
    public static MeasureFilter Parse(string? phase, string? model, string? implementer, string? status, string? text, IDictionary<string, string[]> errors)
    {
        return new MeasureFilter
        {
            Phase = ParseEnum<MigrationPhase>(phase, "phase", errors),
            Model = ParseEnum<MeasureModel>(model, "model", errors),
            Implementer = string.IsNullOrWhiteSpace(implementer) ? null : implementer.Trim(),
            Status = ParseEnum<MeasureStatus>(status, "status", errors),
            Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
        };
    }

    private static T? ParseEnum<T>(string? value, string field, IDictionary<string, string[]> errors)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // Names only: "2" or "999" would otherwise parse as a number.
        if (!value.Any(char.IsDigit) && Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        errors[field] = ["Catalogue.Error.UnknownValue"];
        return null;
    }
}

/// <summary>A measure as a visitor sees it, in one language (falling back to French field by field).</summary>
public sealed record MeasureView
{
    public required Guid Id { get; init; }

    public required string Slug { get; init; }

    public string? Reference { get; init; }

    public int? Number { get; init; }

    public string? ParentSlug { get; init; }

    public string? ParentReference { get; init; }

    public string? ParentTitle { get; init; }

    public required MeasureOrigin Origin { get; init; }

    public required MigrationPhase Phase { get; init; }

    public required IReadOnlyList<MeasureModel> Models { get; init; }

    public required IReadOnlyList<string> ImplementerCodes { get; init; }

    public required IReadOnlyList<string> FunderCodes { get; init; }

    public int? StartYear { get; init; }

    public int? StartMonth { get; init; }

    public int? EndYear { get; init; }

    public int? EndMonth { get; init; }

    public bool Ongoing { get; init; }

    public required MeasureStatus Status { get; init; }

    public decimal? BudgetAmount { get; init; }

    public string? BudgetCurrency { get; init; }

    public int? BeneficiariesMin { get; init; }

    public int? BeneficiariesMax { get; init; }

    public string? SourceReference { get; init; }

    /// <summary>The language the title was found in (fr when the requested one is missing).</summary>
    public required string Culture { get; init; }

    public required string Title { get; init; }

    public required IReadOnlyList<string> Implementers { get; init; }

    public required IReadOnlyList<string> Funders { get; init; }

    public string? Period { get; init; }

    public string? Budget { get; init; }

    public string? Beneficiaries { get; init; }

    public required IReadOnlyList<string> Activities { get; init; }

    public required IReadOnlyList<MeasureChild> Initiatives { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>An initiative grouped by a measure, as listed on the measure's page.</summary>
public sealed record MeasureChild(string Slug, string? Reference, string Title);

/// <summary>The texts of a measure in one language, as a programme manager edits them.</summary>
public sealed class MeasureTextInput
{
    public string? Title { get; set; }

    public string? Implementers { get; set; }

    public string? Funders { get; set; }

    public string? Period { get; set; }

    public string? Budget { get; set; }

    public string? Beneficiaries { get; set; }

    public string? Activities { get; set; }

    public bool IsEmpty =>
        new[] { Title, Implementers, Funders, Period, Budget, Beneficiaries, Activities }.All(string.IsNullOrWhiteSpace);
}

/// <summary>A measure as a programme manager creates or edits it (form and API). Enums are text so bad values become field errors.</summary>
public sealed class MeasureInput
{
    /// <summary>Left empty, it is made from the French title.</summary>
    public string? Slug { get; set; }

    public string? Phase { get; set; }

    public List<string> Models { get; set; } = [];

    /// <summary>Party codes, e.g. ANAPEC, IOM.</summary>
    public List<string> ImplementerCodes { get; set; } = [];

    public List<string> FunderCodes { get; set; } = [];

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
}

/// <summary>The outcome of a create or update: the saved measure, field errors (resource keys), or not found.</summary>
public sealed record MeasureSaveResult
{
    public Guid? Id { get; init; }

    public string? Slug { get; init; }

    public bool NotFound { get; init; }

    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>(StringComparer.Ordinal);

    public bool Succeeded => Id is not null && Errors.Count == 0;
}
