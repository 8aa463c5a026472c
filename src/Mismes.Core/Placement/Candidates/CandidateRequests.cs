using Mismes.Core.People;
using Mismes.Matching;
using CefrLevel = Mismes.Matching.CefrLevel;

namespace Mismes.Core.Placement.Candidates;

public sealed record OccupationExperienceInput(string OccupationUri, int ExperienceMonths);

public sealed record SkillEvidenceInput(string SkillUri, SkillEvidence Evidence);

public sealed record LanguageLevelInput(string Language, CefrLevel Level);

/// <summary>A whole matching profile, as an advisor saves it or a registration creates it (replaces the previous one).</summary>
public sealed record CandidateProfileInput
{
    public IReadOnlyList<OccupationExperienceInput> Occupations { get; init; } = [];
    public IReadOnlyList<SkillEvidenceInput> Skills { get; init; } = [];
    public IReadOnlyList<LanguageLevelInput> Languages { get; init; } = [];
    public int? EqfLevel { get; init; }
    public DateOnly? AvailableFrom { get; init; }
    public DateOnly? AvailableTo { get; init; }

    /// <summary>ISO 3166 alpha-2 codes; empty means any country.</summary>
    public IReadOnlyList<string> CountriesWanted { get; init; } = [];

    public CandidateSource Source { get; init; } = CandidateSource.Advisor;
    public bool IsDemo { get; init; }
}

/// <summary>A saved profile (URIs only: pages label them in the reader's language with EscoLookup).</summary>
public sealed record CandidateProfileView(
    long Id,
    Guid PersonId,
    Guid InstitutionId,
    CandidateSource Source,
    IReadOnlyList<OccupationExperienceInput> Occupations,
    IReadOnlyList<SkillEvidenceInput> Skills,
    IReadOnlyList<LanguageLevelInput> Languages,
    int? EqfLevel,
    DateOnly? AvailableFrom,
    DateOnly? AvailableTo,
    IReadOnlyList<string> CountriesWanted,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The profile as input again, for editing one part and saving the whole.</summary>
    public CandidateProfileInput ToInput() => new()
    {
        Occupations = Occupations, Skills = Skills, Languages = Languages, EqfLevel = EqfLevel,
        AvailableFrom = AvailableFrom, AvailableTo = AvailableTo, CountriesWanted = CountriesWanted, Source = Source,
    };
}

/// <summary>A candidate's page: who the person is (from People), the profile if there is one, and the consent that makes them rankable.</summary>
public sealed record CandidateRecord(PersonSummary Person, CandidateProfileView? Profile, bool SharesProfileWithForeignEmployers);

public sealed record CandidateSearch
{
    /// <summary>Only candidates with this ESCO occupation in their profile.</summary>
    public string? OccupationUri { get; init; }

    public Common.PageRequest Paging { get; init; } = new();
}

public sealed record CandidateListItem(
    Guid PersonId,
    string FirstNameLatin,
    string LastNameLatin,
    string? FirstNameArabic,
    string? LastNameArabic,
    IReadOnlyList<string> OccupationUris,
    int SkillCount,
    bool SharesProfileWithForeignEmployers,
    DateTimeOffset UpdatedAt);

/// <summary>Resource keys of candidates' field errors (translated by the web layer).</summary>
public static class CandidateErrors
{
    public const string Occupation = "Placement.Candidate.Error.Occupation";
    public const string Skill = "Placement.Candidate.Error.Skill";
    public const string Experience = "Placement.Candidate.Error.Experience";
    public const string Language = "Placement.Candidate.Error.Language";
    public const string Level = "Placement.Candidate.Error.Level";
    public const string Evidence = "Placement.Candidate.Error.Evidence";
    public const string Eqf = "Placement.Candidate.Error.Eqf";
    public const string Availability = "Placement.Candidate.Error.Availability";
    public const string Country = "Placement.Candidate.Error.Country";
    public const string Twice = "Placement.Candidate.Error.Twice";
    public const string TooMany = "Placement.Candidate.Error.TooMany";
    public const string Required = "Placement.Candidate.Error.Required";
    public const string K = "Placement.Candidate.Error.K";

    public static IReadOnlyList<string> All { get; } =
        [Occupation, Skill, Experience, Language, Level, Evidence, Eqf, Availability, Country, Twice, TooMany, Required, K];
}
