namespace Mismes.Core.Catalogue;

/// <summary>The texts of a measure in one language, as a programme manager writes them.</summary>
public sealed record MeasureTexts
{
    /// <summary>Required for French; for another language, required as soon as any of its texts is given.</summary>
    public required string Title { get; init; }

    /// <summary>As the report names them, one per line.</summary>
    public string? Implementers { get; init; }

    public string? Funders { get; init; }

    public string? Period { get; init; }

    public string? Budget { get; init; }

    public string? Beneficiaries { get; init; }

    /// <summary>Main activities, one per line.</summary>
    public string? Activities { get; init; }

    /// <summary>Who the measure is for, in plain words.</summary>
    public string? ForWhom { get; init; }

    /// <summary>What a participant gets.</summary>
    public string? WhatYouGet { get; init; }

    /// <summary>How and where to apply.</summary>
    public string? HowToApply { get; init; }

    /// <summary>An office or a website to contact.</summary>
    public string? Contact { get; init; }

    public bool IsEmpty =>
        new[] { Title, Implementers, Funders, Period, Budget, Beneficiaries, Activities, ForWhom, WhatYouGet, HowToApply, Contact }.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// A measure as a programme manager creates or changes it, already read from the form or the API body (the web layer
/// turns text it cannot read into field errors before calling the service).
/// </summary>
public sealed record SaveMeasure
{
    /// <summary>Left empty, it is made from the French title.</summary>
    public string? Slug { get; init; }

    public required MigrationPhase Phase { get; init; }

    public required IReadOnlyList<MeasureModel> Models { get; init; }

    /// <summary>Party codes, e.g. ANAPEC, IOM; any case.</summary>
    public required IReadOnlyList<string> ImplementerCodes { get; init; }

    public required IReadOnlyList<string> FunderCodes { get; init; }

    /// <summary>Slug of the measure this one is an initiative of (optional).</summary>
    public string? ParentSlug { get; init; }

    public int? StartYear { get; init; }

    public int? StartMonth { get; init; }

    public int? EndYear { get; init; }

    public int? EndMonth { get; init; }

    public bool Ongoing { get; init; }

    public decimal? BudgetAmount { get; init; }

    /// <summary>ISO 4217, any case.</summary>
    public string? BudgetCurrency { get; init; }

    public int? BeneficiariesMin { get; init; }

    public int? BeneficiariesMax { get; init; }

    public string? SourceReference { get; init; }

    /// <summary>By language: fr (required), ar, en, es.</summary>
    public required IReadOnlyDictionary<string, MeasureTexts> Texts { get; init; }
}

/// <summary>What a successful create or update gives back.</summary>
public sealed record SavedMeasure(Guid Id, string Slug);
