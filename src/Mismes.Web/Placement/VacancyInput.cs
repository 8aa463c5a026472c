using System.Globalization;
using Mismes.Core.Common;
using Mismes.Core.Placement.Vacancies;

namespace Mismes.Web.Placement;

/// <summary>A language row of the vacancy form or API body.</summary>
public sealed class LanguageInput
{
    /// <summary>ISO 639-1, e.g. es.</summary>
    public string? Language { get; set; }

    /// <summary>A1..C2.</summary>
    public string? MinimumLevel { get; set; }
}

/// <summary>
/// A vacancy as an advisor or employer types it (form) or a partner sends it (API body). Choices and dates stay text
/// so an unknown value comes back as a field error in the user's language, not as a binding failure; <see cref="ToRequest"/>
/// reads them into Core's <see cref="SaveVacancy"/>.
/// </summary>
public sealed class VacancyInput
{
    public Guid? EmployerInstitutionId { get; set; }

    public string? EmployerName { get; set; }

    public string? Country { get; set; }

    public string? Region { get; set; }

    public string? Title { get; set; }

    public string? OccupationUri { get; set; }

    public bool CodingConfirmed { get; set; }

    public string? Description { get; set; }

    public List<string?> EssentialSkillUris { get; set; } = [];

    public List<string?> OptionalSkillUris { get; set; } = [];

    public List<LanguageInput> Languages { get; set; } = [];

    public int? MinimumEqfLevel { get; set; }

    public int? ExperienceMonths { get; set; }

    public int? Positions { get; set; }

    public decimal? PayAmount { get; set; }

    public string? PayCurrency { get; set; }

    /// <summary>Hour, Day, Week, Month or Year.</summary>
    public string? PayPeriod { get; set; }

    public decimal? HoursPerDay { get; set; }

    public decimal? HoursPerWeek { get; set; }

    public decimal? OvertimeRate { get; set; }

    public bool PaidOnlyDaysWorked { get; set; }

    public int? DurationMonths { get; set; }

    /// <summary>NotProvided, Free, Deducted or Assisted.</summary>
    public string? Housing { get; set; }

    /// <summary>Employer, Worker, Shared or Programme.</summary>
    public string? TravelPaidBy { get; set; }

    public decimal? VisaFee { get; set; }

    public string? VisaFeePaidBy { get; set; }

    /// <summary>yyyy-MM-dd.</summary>
    public string? StartDate { get; set; }

    /// <summary>yyyy-MM-dd: the last day candidates can be sent.</summary>
    public string? ValidUntil { get; set; }

    /// <summary>Open, Filled or Withdrawn (default Open).</summary>
    public string? Status { get; set; }

    /// <summary>The offer's id in the partner's own system (API), so sending it again updates it.</summary>
    public string? SourceId { get; set; }

    public SaveVacancy ToRequest(FieldErrors errors) => new()
    {
        EmployerInstitutionId = EmployerInstitutionId,
        EmployerName = EmployerName,
        Country = Country ?? "",
        Region = Region,
        Title = Title ?? "",
        OccupationUri = OccupationUri,
        CodingConfirmed = CodingConfirmed,
        Description = Description,
        EssentialSkillUris = [.. EssentialSkillUris.OfType<string>()],
        OptionalSkillUris = [.. OptionalSkillUris.OfType<string>()],
        Languages = ReadLanguages(errors),
        MinimumEqfLevel = MinimumEqfLevel,
        ExperienceMonths = ExperienceMonths ?? 0,
        Positions = Positions ?? 1,
        PayAmount = PayAmount,
        PayCurrency = PayCurrency,
        PayPeriod = Choice<PayPeriod>(nameof(PayPeriod), PayPeriod, errors),
        HoursPerDay = HoursPerDay,
        HoursPerWeek = HoursPerWeek,
        OvertimeRate = OvertimeRate,
        PaidOnlyDaysWorked = PaidOnlyDaysWorked,
        DurationMonths = DurationMonths,
        Housing = Choice<HousingTerms>(nameof(Housing), Housing, errors) ?? HousingTerms.NotProvided,
        TravelPaidBy = Choice<CostBorneBy>(nameof(TravelPaidBy), TravelPaidBy, errors),
        VisaFee = VisaFee,
        VisaFeePaidBy = Choice<CostBorneBy>(nameof(VisaFeePaidBy), VisaFeePaidBy, errors),
        StartDate = Date(nameof(StartDate), StartDate, errors),
        ValidUntil = Date(nameof(ValidUntil), ValidUntil, errors) ?? default,
        Status = Choice<VacancyStatus>(nameof(Status), Status, errors) ?? VacancyStatus.Open,
        SourceId = SourceId,
    };

    public static VacancyInput From(VacancyView v) => new()
    {
        EmployerInstitutionId = v.EmployerInstitutionId,
        EmployerName = v.EmployerName,
        Country = v.Country,
        Region = v.Region,
        Title = v.Title,
        OccupationUri = v.OccupationUri,
        CodingConfirmed = v.CodingConfirmed,
        Description = v.Description,
        EssentialSkillUris = [.. v.EssentialSkillUris],
        OptionalSkillUris = [.. v.OptionalSkillUris],
        Languages = [.. v.Languages.Select(l => new LanguageInput { Language = l.Language, MinimumLevel = l.MinimumLevel.ToString() })],
        MinimumEqfLevel = v.MinimumEqfLevel,
        ExperienceMonths = v.ExperienceMonths,
        Positions = v.Positions,
        PayAmount = v.PayAmount,
        PayCurrency = v.PayCurrency,
        PayPeriod = v.PayPeriod?.ToString(),
        HoursPerDay = v.HoursPerDay,
        HoursPerWeek = v.HoursPerWeek,
        OvertimeRate = v.OvertimeRate,
        PaidOnlyDaysWorked = v.PaidOnlyDaysWorked,
        DurationMonths = v.DurationMonths,
        Housing = v.Housing.ToString(),
        TravelPaidBy = v.TravelPaidBy?.ToString(),
        VisaFee = v.VisaFee,
        VisaFeePaidBy = v.VisaFeePaidBy?.ToString(),
        StartDate = v.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ValidUntil = v.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Status = v.Status.ToString(),
        SourceId = v.SourceId,
    };

    private List<LanguageNeed> ReadLanguages(FieldErrors errors)
    {
        var needs = new List<LanguageNeed>();
        foreach (var row in Languages.Where(l => !string.IsNullOrWhiteSpace(l.Language) || !string.IsNullOrWhiteSpace(l.MinimumLevel)))
        {
            if (string.IsNullOrWhiteSpace(row.Language)
                || !Enum.TryParse<Cefr>(row.MinimumLevel?.Trim(), ignoreCase: true, out var level) || !Enum.IsDefined(level)
                || int.TryParse(row.MinimumLevel, CultureInfo.InvariantCulture, out _))
            {
                errors.Add(nameof(Languages), VacancyErrors.Language);
                continue;
            }

            needs.Add(new LanguageNeed(row.Language.Trim(), level));
        }

        return needs;
    }

    private static T? Choice<T>(string field, string? value, FieldErrors errors)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // Names only: "3" is not a pay period.
        if (Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(value.Trim()[0]))
        {
            return parsed;
        }

        errors.Add(field, VacancyErrors.Choice);
        return null;
    }

    private static DateOnly? Date(string field, string? value, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, VacancyErrors.Date);
        return null;
    }
}
