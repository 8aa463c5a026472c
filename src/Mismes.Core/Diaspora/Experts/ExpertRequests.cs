using Mismes.Core.People;
using Mismes.Matching;
using CefrLevel = Mismes.Matching.CefrLevel;

namespace Mismes.Core.Diaspora.Experts;

public sealed record ExpertLanguageInput(string Language, CefrLevel Level);

public sealed record ExpertDegreeInput(string Title, int EqfLevel);

public sealed record AvailabilityWindow(DateOnly From, DateOnly To);

/// <summary>A whole expert profile, as staff save it or a registration creates it (replaces the previous one).</summary>
public sealed record ExpertProfileInput
{
    /// <summary>ISO 3166 alpha-2 code.</summary>
    public required string ResidenceCountry { get; init; }

    public string ResidenceCity { get; init; } = "";

    public string EmployerAbroad { get; init; } = "";

    public IReadOnlyList<string> OccupationUris { get; init; } = [];

    public IReadOnlyList<string> SkillUris { get; init; } = [];

    /// <summary>Free domains outside ESCO ("biotechnologie").</summary>
    public IReadOnlyList<string> Domains { get; init; } = [];

    public IReadOnlyList<ExpertDegreeInput> Degrees { get; init; } = [];

    public int YearsOfExperience { get; init; }

    public IReadOnlyList<ExpertLanguageInput> Languages { get; init; } = [];

    public IReadOnlyList<AvailabilityWindow> Availability { get; init; } = [];

    public MissionMode Mode { get; init; }

    public int MinMissionWeeks { get; init; } = ExpertService.ShortestMissionWeeks;

    public int MaxMissionWeeks { get; init; } = ExpertService.LongestMissionWeeks;

    public ExpertSource Source { get; init; } = ExpertSource.Staff;

    public bool IsDemo { get; init; }
}

/// <summary>A saved profile (URIs only: pages label them in the reader's language with EscoLookup).</summary>
public sealed record ExpertProfileView(
    long Id,
    Guid PersonId,
    Guid InstitutionId,
    ExpertSource Source,
    string ResidenceCountry,
    string ResidenceCity,
    string EmployerAbroad,
    IReadOnlyList<string> OccupationUris,
    IReadOnlyList<string> SkillUris,
    IReadOnlyList<string> Domains,
    IReadOnlyList<ExpertDegreeInput> Degrees,
    int YearsOfExperience,
    IReadOnlyList<ExpertLanguageInput> Languages,
    IReadOnlyList<AvailabilityWindow> Availability,
    MissionMode Mode,
    int MinMissionWeeks,
    int MaxMissionWeeks,
    DateTimeOffset UpdatedAt);

/// <summary>An expert's page: who the person is (from People) and the profile, if there is one.</summary>
public sealed record ExpertRecord(PersonSummary Person, ExpertProfileView? Profile);

public sealed record ExpertSearch
{
    /// <summary>Only experts residing in this country (ISO 3166 alpha-2).</summary>
    public string? Country { get; init; }

    public Common.PageRequest Paging { get; init; } = new();
}

public sealed record ExpertListItem(
    Guid PersonId,
    string FirstNameLatin,
    string LastNameLatin,
    string ResidenceCountry,
    string ResidenceCity,
    IReadOnlyList<string> OccupationUris,
    IReadOnlyList<string> Domains,
    DateTimeOffset UpdatedAt);

/// <summary>Resource keys of experts' field errors (translated by the web layer).</summary>
public static class ExpertErrors
{
    public const string Country = "Diaspora.Expert.Error.Country";
    public const string Occupation = "Diaspora.Expert.Error.Occupation";
    public const string Skill = "Diaspora.Expert.Error.Skill";
    public const string Domain = "Diaspora.Expert.Error.Domain";
    public const string Degree = "Diaspora.Expert.Error.Degree";
    public const string Eqf = "Diaspora.Expert.Error.Eqf";
    public const string Experience = "Diaspora.Expert.Error.Experience";
    public const string Language = "Diaspora.Expert.Error.Language";
    public const string Level = "Diaspora.Expert.Error.Level";
    public const string Availability = "Diaspora.Expert.Error.Availability";
    public const string Duration = "Diaspora.Expert.Error.Duration";
    public const string Mode = "Diaspora.Expert.Error.Mode";
    public const string Text = "Diaspora.Expert.Error.Text";
    public const string Twice = "Diaspora.Expert.Error.Twice";
    public const string TooMany = "Diaspora.Expert.Error.TooMany";
    public const string DetailsFirst = "Diaspora.Expert.Error.DetailsFirst";

    public static IReadOnlyList<string> All { get; } =
        [Country, Occupation, Skill, Domain, Degree, Eqf, Experience, Language, Level, Availability, Duration, Mode, Text, Twice, TooMany, DetailsFirst];
}
