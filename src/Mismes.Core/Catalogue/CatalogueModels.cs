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

    /// <summary>Leave out ended measures (the public list's default; they are in the archive, Status = Ended).</summary>
    public bool ExcludeEnded { get; init; }
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

    /// <summary>Institutions the implementer parties are linked to: their staff may edit the measure.</summary>
    public IReadOnlyList<Guid> ImplementerInstitutionIds { get; init; } = [];

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

    /// <summary>Who the measure is for, in plain words (null when nobody wrote it yet).</summary>
    public string? ForWhom { get; init; }

    public string? WhatYouGet { get; init; }

    public string? HowToApply { get; init; }

    public string? Contact { get; init; }

    public required IReadOnlyList<MeasureChild> Initiatives { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>An initiative grouped by a measure, as listed on the measure's page.</summary>
public sealed record MeasureChild(string Slug, string? Reference, string Title);
