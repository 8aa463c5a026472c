using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mismes.Core.Administration;

namespace Mismes.Core.Placement.Vacancies;

public enum VacancyStatus
{
    /// <summary>Receiving candidates until its validity end date.</summary>
    Open,

    /// <summary>Every position taken.</summary>
    Filled,

    /// <summary>Withdrawn by the employer or the advisor.</summary>
    Withdrawn,
}

/// <summary>What the pay amount is for.</summary>
public enum PayPeriod
{
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// <summary>Who bears a cost of going abroad (travel, visa fee).</summary>
public enum CostBorneBy
{
    Employer,
    Worker,
    Shared,
    Programme,
}

public enum HousingTerms
{
    NotProvided,

    /// <summary>Provided free of charge.</summary>
    Free,

    /// <summary>Provided, the rent taken from the pay.</summary>
    Deducted,

    /// <summary>The employer helps finding it; the worker pays.</summary>
    Assisted,
}

/// <summary>CEFR levels as stored (the same values as <c>Mismes.Matching.CefrLevel</c>).</summary>
public enum Cefr
{
    A1 = 1,
    A2 = 2,
    B1 = 3,
    B2 = 4,
    C1 = 5,
    C2 = 6,
}

/// <summary>
/// A foreign vacancy received by an institution (an ANAPEC agency, a partner service, an employer): what the job asks
/// (ESCO occupation and skills, languages, EQF, experience), its contract terms and its validity. The offer is owned by
/// <see cref="InstitutionId"/> (its staff see it, InstitutionScope) and, when the employer is known to Mismes, also seen
/// by <see cref="EmployerInstitutionId"/>'s users.
/// </summary>
public sealed class Vacancy
{
    public Guid Id { get; set; }

    /// <summary>The institution that received the offer and follows it.</summary>
    public Guid InstitutionId { get; set; }

    /// <summary>The employer when it is an institution of kind Employer in Mismes; null when only its name is known.</summary>
    public Guid? EmployerInstitutionId { get; set; }

    /// <summary>The employer's name as written in the offer.</summary>
    public required string EmployerName { get; set; }

    /// <summary>ISO 3166-1 alpha-2 destination country, e.g. ES.</summary>
    public required string Country { get; set; }

    /// <summary>Region or province as written, e.g. "Andalucía (Huelva)".</summary>
    public string? Region { get; set; }

    /// <summary>The title as the employer wrote it, in its own language.</summary>
    public required string Title { get; set; }

    /// <summary>ESCO occupation URI; proposed from the title by the taxonomy, confirmed or corrected by the advisor.</summary>
    public string? OccupationUri { get; set; }

    /// <summary>True once a person confirmed the ESCO coding (an import's proposal is not confirmed).</summary>
    public bool CodingConfirmed { get; set; }

    /// <summary>The requirements and description as written.</summary>
    public string? Description { get; set; }

    public List<VacancySkill> Skills { get; set; } = [];

    public List<VacancyLanguage> Languages { get; set; } = [];

    public int? MinimumEqfLevel { get; set; }

    public int ExperienceMonths { get; set; }

    public int Positions { get; set; } = 1;

    public decimal? PayAmount { get; set; }

    /// <summary>ISO 4217, e.g. EUR.</summary>
    public string? PayCurrency { get; set; }

    public PayPeriod? PayPeriod { get; set; }

    /// <summary>Hours of work the pay amount covers when paid by the day (EUR 35 a day for 7 h → 7).</summary>
    public decimal? HoursPerDay { get; set; }

    public decimal? HoursPerWeek { get; set; }

    /// <summary>Pay for one overtime hour, in <see cref="PayCurrency"/>.</summary>
    public decimal? OvertimeRate { get; set; }

    /// <summary>Only the days actually worked are paid (seasonal farm work: not the days of rain).</summary>
    public bool PaidOnlyDaysWorked { get; set; }

    public int? DurationMonths { get; set; }

    public HousingTerms Housing { get; set; }

    public CostBorneBy? TravelPaidBy { get; set; }

    public decimal? VisaFee { get; set; }

    public CostBorneBy? VisaFeePaidBy { get; set; }

    public DateOnly? StartDate { get; set; }

    /// <summary>Last day candidates can be sent: after it the offer expires.</summary>
    public DateOnly ValidUntil { get; set; }

    /// <summary>Where the offer came from: "ui", "api:&lt;institution code&gt;", "hropen", "eures", "csv"...</summary>
    public required string Source { get; set; }

    /// <summary>The offer's id at its source; (Source, SourceId) is unique so a new import updates, never duplicates.</summary>
    public string? SourceId { get; set; }

    public VacancyStatus Status { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>When the first shortlist was sent to the employer (the measure of time to shortlist).</summary>
    public DateTimeOffset? ShortlistSentAt { get; set; }

    /// <summary>When the advisors were alerted that the offer expires soon with no shortlist sent (once per vacancy).</summary>
    public DateTimeOffset? ExpiryAlertedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsDemo { get; set; }
}

/// <summary>An ESCO skill the vacancy asks for.</summary>
public sealed class VacancySkill
{
    public Guid VacancyId { get; set; }

    public required string SkillUri { get; set; }

    /// <summary>Essential (true) or optional (false).</summary>
    public bool Essential { get; set; }
}

/// <summary>A language the vacancy asks for, with its CEFR minimum.</summary>
public sealed class VacancyLanguage
{
    public Guid VacancyId { get; set; }

    /// <summary>ISO 639-1, e.g. es.</summary>
    public required string Language { get; set; }

    public Cefr MinimumLevel { get; set; }
}

internal sealed class VacancyConfiguration : IEntityTypeConfiguration<Vacancy>
{
    public void Configure(EntityTypeBuilder<Vacancy> builder)
    {
        builder.ToTable("Vacancies");
        builder.Property(v => v.EmployerName).HasMaxLength(VacancyLimits.EmployerName);
        builder.Property(v => v.Country).HasMaxLength(2);
        builder.Property(v => v.Region).HasMaxLength(VacancyLimits.Region);
        builder.Property(v => v.Title).HasMaxLength(VacancyLimits.Title);
        builder.Property(v => v.OccupationUri).HasMaxLength(VacancyLimits.Uri);
        builder.Property(v => v.Description).HasMaxLength(VacancyLimits.Description);
        builder.Property(v => v.PayAmount).HasPrecision(12, 2);
        builder.Property(v => v.PayCurrency).HasMaxLength(3);
        builder.Property(v => v.PayPeriod).HasConversion<string>().HasMaxLength(10);
        builder.Property(v => v.HoursPerDay).HasPrecision(5, 2);
        builder.Property(v => v.HoursPerWeek).HasPrecision(5, 2);
        builder.Property(v => v.OvertimeRate).HasPrecision(12, 2);
        builder.Property(v => v.Housing).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.TravelPaidBy).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.VisaFee).HasPrecision(12, 2);
        builder.Property(v => v.VisaFeePaidBy).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Source).HasMaxLength(VacancyLimits.Source);
        builder.Property(v => v.SourceId).HasMaxLength(VacancyLimits.SourceId);
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(v => new { v.Source, v.SourceId }).IsUnique();
        builder.HasIndex(v => new { v.InstitutionId, v.ValidUntil });
        builder.HasIndex(v => v.EmployerInstitutionId);
        builder.HasOne<Institution>().WithMany().HasForeignKey(v => v.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Institution>().WithMany().HasForeignKey(v => v.EmployerInstitutionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(v => v.Skills).WithOne().HasForeignKey(s => s.VacancyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Languages).WithOne().HasForeignKey(s => s.VacancyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VacancySkillConfiguration : IEntityTypeConfiguration<VacancySkill>
{
    public void Configure(EntityTypeBuilder<VacancySkill> builder)
    {
        builder.ToTable("VacancySkills");
        builder.HasKey(s => new { s.VacancyId, s.SkillUri });
        builder.Property(s => s.SkillUri).HasMaxLength(VacancyLimits.Uri);
    }
}

internal sealed class VacancyLanguageConfiguration : IEntityTypeConfiguration<VacancyLanguage>
{
    public void Configure(EntityTypeBuilder<VacancyLanguage> builder)
    {
        builder.ToTable("VacancyLanguages");
        builder.HasKey(s => new { s.VacancyId, s.Language });
        builder.Property(s => s.Language).HasMaxLength(3);
        builder.Property(s => s.MinimumLevel).HasConversion<string>().HasMaxLength(2);
    }
}

/// <summary>Longest texts a vacancy stores (the columns' sizes and the validation's limits).</summary>
public static class VacancyLimits
{
    public const int EmployerName = 200;
    public const int Region = 120;
    public const int Title = 200;
    public const int Uri = 200;
    public const int Description = 8000;
    public const int Source = 60;
    public const int SourceId = 120;
    public const int MaxSkills = 60;
    public const int MaxLanguages = 10;
    public const int MaxPositions = 100_000;
}
