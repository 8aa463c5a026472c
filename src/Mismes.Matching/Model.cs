namespace Mismes.Matching;

/// <summary>Dense index of an ESCO skill inside a <see cref="MatchingVocabulary"/>.</summary>
public readonly record struct SkillId(int Value);

/// <summary>Dense index of an ESCO occupation inside a <see cref="MatchingVocabulary"/>.</summary>
public readonly record struct OccupationId(int Value);

/// <summary>How strongly a skill is evidenced; the order matters (certified is the strongest).</summary>
public enum SkillEvidence
{
    Declared = 0,
    Trained = 1,
    Validated = 2,
    Certified = 3,
}

/// <summary>CEFR levels in ascending order, so levels compare with &lt; and &gt;.</summary>
public enum CefrLevel
{
    A1 = 1,
    A2 = 2,
    B1 = 3,
    B2 = 4,
    C1 = 5,
    C2 = 6,
}

public readonly record struct OccupationExperience(OccupationId Occupation, int Months);

public readonly record struct ProfileSkill(SkillId Skill, SkillEvidence Evidence);

/// <summary>A language (ISO 639-1 or 639-2 code, e.g. "fr", "es") at a CEFR level.</summary>
public readonly record struct LanguageSkill(string Language, CefrLevel Level);

/// <summary>
/// What matching needs to know about a person. Countries are ISO 3166 alpha-2 codes; an empty list means any country.
/// Eligibility facts are programme-specific flags such as "returnee" or "seasonal-2025" compared ordinally.
/// </summary>
public sealed record CandidateProfile
{
    public required long Id { get; init; }
    public IReadOnlyList<OccupationExperience> Occupations { get; init; } = [];
    public IReadOnlyList<ProfileSkill> Skills { get; init; } = [];
    public IReadOnlyList<LanguageSkill> Languages { get; init; } = [];
    public int? EqfLevel { get; init; }
    public DateOnly? AvailableFrom { get; init; }
    public DateOnly? AvailableTo { get; init; }
    public IReadOnlyList<string> CountriesWanted { get; init; } = [];
    public bool ConsentToMatching { get; init; }
    public IReadOnlyList<string> EligibilityFacts { get; init; } = [];
}

public readonly record struct LanguageRequirement(string Language, CefrLevel Minimum);

/// <summary>
/// A vacancy or an expertise demand. Occupation may be null (an expertise demand described by skills only).
/// A skill listed both as essential and optional counts as essential. Minimum experience is a scoring target, not a filter.
/// </summary>
public sealed record VacancyRequirements
{
    public OccupationId? Occupation { get; init; }
    public IReadOnlyList<SkillId> EssentialSkills { get; init; } = [];
    public IReadOnlyList<SkillId> OptionalSkills { get; init; } = [];
    public IReadOnlyList<LanguageRequirement> Languages { get; init; } = [];
    public int? MinimumEqfLevel { get; init; }
    public int MinimumExperienceMonths { get; init; }
    public string? Country { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public int Positions { get; init; } = 1;
    public IReadOnlyList<string> RequiredEligibilityFacts { get; init; } = [];
}

/// <summary>Relative weights of the score components; the maximum score is their sum (100 by default).</summary>
public sealed record ScoringWeights
{
    public static ScoringWeights Default { get; } = new();

    public double Occupation { get; init; } = 20;
    public double Experience { get; init; } = 10;
    public double EssentialSkills { get; init; } = 45;
    public double OptionalSkills { get; init; } = 15;
    public double Languages { get; init; } = 10;

    /// <summary>Share of a skill's credit given when the person holds a broader or narrower skill (one step in ESCO).</summary>
    public double HierarchyCredit { get; init; } = 0.5;
}

/// <summary>Score per component, in points (same unit as <see cref="MatchResult.Score"/>).</summary>
public sealed record ScoreBreakdown(float Occupation, float Experience, float EssentialSkills, float OptionalSkills, float Languages);

public enum SkillMatchKind
{
    /// <summary>The person holds the required skill itself.</summary>
    Exact,

    /// <summary>The person holds a narrower skill of the required one.</summary>
    ViaNarrower,

    /// <summary>The person holds a broader skill of the required one.</summary>
    ViaBroader,
}

public sealed record SkillMatch(SkillId Required, SkillId Held, SkillMatchKind Kind, SkillEvidence Evidence, bool Essential, float Credit);

/// <summary>One ranked, explained candidate.</summary>
public sealed record MatchResult(
    long ProfileId,
    float Score,
    ScoreBreakdown Breakdown,
    IReadOnlyList<SkillMatch> MatchedSkills,
    IReadOnlyList<SkillId> MissingEssentialSkills);

public enum ExclusionReason
{
    NoConsent,
    LanguageBelowMinimum,
    EqfBelowMinimum,
    NotAvailable,
    CountryNotWanted,
    MissingEligibilityFact,
}

/// <summary>Why a hard filter excluded a profile; Detail is a short, non-localised fact such as "fr: A2 &lt; B2".</summary>
public sealed record Exclusion(ExclusionReason Reason, string Detail);

/// <summary>Either a scored result (no exclusions) or the list of every filter that excluded the profile.</summary>
public sealed record MatchOutcome(MatchResult? Result, IReadOnlyList<Exclusion> Exclusions)
{
    public bool IsExcluded => Exclusions.Count > 0;
}
