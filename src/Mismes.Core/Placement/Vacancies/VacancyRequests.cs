namespace Mismes.Core.Placement.Vacancies;

/// <summary>A language asked for, with its CEFR minimum.</summary>
public sealed record LanguageNeed(string Language, Cefr MinimumLevel);

/// <summary>
/// Everything a vacancy says, as the form, the API and the imports give it (create and update alike). Texts are as
/// written; ESCO URIs are checked against the taxonomy.
/// </summary>
public sealed record SaveVacancy
{
    /// <summary>An employer known to Mismes (an institution of kind Employer); otherwise <see cref="EmployerName"/> names it.</summary>
    public Guid? EmployerInstitutionId { get; init; }

    public string? EmployerName { get; init; }

    public required string Country { get; init; }

    public string? Region { get; init; }

    public required string Title { get; init; }

    public string? OccupationUri { get; init; }

    /// <summary>The person saving confirms the ESCO coding (imports propose it and leave it unconfirmed).</summary>
    public bool CodingConfirmed { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> EssentialSkillUris { get; init; } = [];

    public IReadOnlyList<string> OptionalSkillUris { get; init; } = [];

    public IReadOnlyList<LanguageNeed> Languages { get; init; } = [];

    public int? MinimumEqfLevel { get; init; }

    public int ExperienceMonths { get; init; }

    public int Positions { get; init; } = 1;

    public decimal? PayAmount { get; init; }

    public string? PayCurrency { get; init; }

    public PayPeriod? PayPeriod { get; init; }

    public decimal? HoursPerDay { get; init; }

    public decimal? HoursPerWeek { get; init; }

    public decimal? OvertimeRate { get; init; }

    public bool PaidOnlyDaysWorked { get; init; }

    public int? DurationMonths { get; init; }

    public HousingTerms Housing { get; init; }

    public CostBorneBy? TravelPaidBy { get; init; }

    public decimal? VisaFee { get; init; }

    public CostBorneBy? VisaFeePaidBy { get; init; }

    public DateOnly? StartDate { get; init; }

    public required DateOnly ValidUntil { get; init; }

    public VacancyStatus Status { get; init; }

    /// <summary>Null: "ui" for a person, "api:&lt;institution&gt;" for a partner's key (set by the service).</summary>
    public string? Source { get; init; }

    public string? SourceId { get; init; }
}

/// <summary>Filters of the vacancy list.</summary>
public sealed record VacancyFilter
{
    public string? Query { get; init; }

    public string? Country { get; init; }

    public VacancyStatus? Status { get; init; }

    /// <summary>Only offers still open on today's date.</summary>
    public bool OpenOnly { get; init; }
}

/// <summary>A vacancy as its readers see it (labels are looked up by the web layer in the reader's language).</summary>
public sealed record VacancyView
{
    public required Guid Id { get; init; }
    public required Guid InstitutionId { get; init; }
    public Guid? EmployerInstitutionId { get; init; }
    public required string EmployerName { get; init; }
    public required string Country { get; init; }
    public string? Region { get; init; }
    public required string Title { get; init; }
    public string? OccupationUri { get; init; }
    public bool CodingConfirmed { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyList<string> EssentialSkillUris { get; init; }
    public required IReadOnlyList<string> OptionalSkillUris { get; init; }
    public required IReadOnlyList<LanguageNeed> Languages { get; init; }
    public int? MinimumEqfLevel { get; init; }
    public int ExperienceMonths { get; init; }
    public int Positions { get; init; }
    public decimal? PayAmount { get; init; }
    public string? PayCurrency { get; init; }
    public PayPeriod? PayPeriod { get; init; }
    public decimal? HoursPerDay { get; init; }
    public decimal? HoursPerWeek { get; init; }
    public decimal? OvertimeRate { get; init; }
    public bool PaidOnlyDaysWorked { get; init; }
    public int? DurationMonths { get; init; }
    public HousingTerms Housing { get; init; }
    public CostBorneBy? TravelPaidBy { get; init; }
    public decimal? VisaFee { get; init; }
    public CostBorneBy? VisaFeePaidBy { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly ValidUntil { get; init; }
    public VacancyStatus Status { get; init; }
    public required string Source { get; init; }
    public string? SourceId { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset? ShortlistSentAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Days from today to the validity end (0 on the last day, negative once expired).</summary>
    public int DaysLeft { get; init; }

    public bool IsExpired => DaysLeft < 0;

    /// <summary>Open and still valid: candidates may apply.</summary>
    public bool IsOpen => Status == VacancyStatus.Open && DaysLeft >= 0;
}

/// <summary>
/// What the shortlist step matches candidates against (the shape of <c>Mismes.Matching.VacancyRequirements</c>, with
/// ESCO URIs where matching has its own ids).
/// </summary>
public sealed record VacancyRequirementsView(
    Guid VacancyId,
    Guid InstitutionId,
    string? OccupationUri,
    IReadOnlyList<string> EssentialSkillUris,
    IReadOnlyList<string> OptionalSkillUris,
    IReadOnlyList<LanguageNeed> Languages,
    int? MinimumEqfLevel,
    int MinimumExperienceMonths,
    string Country,
    DateOnly? StartDate,
    DateOnly? EndDate,
    int Positions);

/// <summary>What the taxonomy proposes for a title and its requirements, for the advisor to confirm or correct.</summary>
public sealed record CodingProposal(IReadOnlyList<Esco.EscoChoice> Occupations, IReadOnlyList<Esco.EscoChoice> Skills);

/// <summary>How a save from a source ended: a new vacancy, or the one already there for the same source id updated.</summary>
public enum UpsertOutcome
{
    Created,
    Updated,
}

public sealed record SavedVacancy(Guid Id, UpsertOutcome Outcome);
