namespace Mismes.Core.Catalogue.Eligibility;

/// <summary>The rules of one measure as the edit form and the service exchange them.</summary>
public sealed record EligibilityRulesInput
{
    public const int MaxPathLength = 200;

    public IReadOnlyList<Situation> Situations { get; init; } = [];

    public int? MinEqf { get; init; }

    public int? MaxEqf { get; init; }

    public IReadOnlyList<string> Languages { get; init; } = [];

    public IReadOnlyList<WorkField> Fields { get; init; } = [];

    public IReadOnlyList<string> Countries { get; init; } = [];

    public string? NextStepPath { get; init; }
}

/// <summary>What a visitor answered. Null (or an empty list) is "I don't know / skip": it never rules a measure out.</summary>
public sealed record FinderAnswers
{
    public Situation? Situation { get; init; }

    public Schooling? Schooling { get; init; }

    public IReadOnlyList<string> Languages { get; init; } = [];

    public WorkField? Field { get; init; }

    public string? Country { get; init; }
}

/// <summary>Which answer made a measure fit, so the result can say why ("for people who came back from Spain").</summary>
public enum FitReason
{
    Situation,
    Schooling,
    Language,
    Field,
    Country,
}

/// <summary>A measure that fits the answers, the reasons it fits, and where its next step leads.</summary>
public sealed record FinderMatch(MeasureView Measure, IReadOnlyList<FitReason> Reasons, string NextStepPath);
