using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mismes.Core.Recognition;

/// <summary>Where an application for the validation of skills stands (the OFPPT construction pilot's steps).</summary>
public enum ValidationStatus
{
    /// <summary>The portfolio is in; no assessment yet.</summary>
    Submitted = 1,

    /// <summary>The assessment session has given an outcome per skill.</summary>
    Assessed = 2,

    /// <summary>A certificate was issued for the skills validated.</summary>
    Certified = 3,
}

/// <summary>The outcome of one skill at the assessment.</summary>
public enum SkillOutcome
{
    Pending = 0,
    Validated = 1,
    NotValidated = 2,
}

/// <summary>
/// A returnee's application for the validation of skills learnt abroad: the evidence portfolio (work abroad,
/// references), the ESCO skills to assess, then the assessment session with named assessors and an outcome per
/// skill, and the NQF/EQF level reached. It belongs to the person's institution.
/// </summary>
public sealed class ValidationApplication
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Guid InstitutionId { get; set; }

    /// <summary>The trade as the assessing institution names it, e.g. "Maçonnerie" or "Coffrage".</summary>
    public string Trade { get; set; } = "";

    /// <summary>ISO 3166-1 code of the country where the skills were used.</summary>
    public string CountryOfWork { get; set; } = "";

    public int YearsAbroad { get; set; }

    /// <summary>The work abroad in the applicant's words: employers, sites, tasks.</summary>
    public string WorkAbroad { get; set; } = "";

    /// <summary>References who can confirm the work (names, employers, how to reach them).</summary>
    public string References { get; set; } = "";

    public ValidationStatus Status { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public Guid? SubmittedBy { get; set; }

    public DateOnly? AssessedOn { get; set; }

    /// <summary>The assessors of the session, one name per line.</summary>
    public string Assessors { get; set; } = "";

    /// <summary>The NQF/EQF level reached (1–8), set at the assessment.</summary>
    public int? EqfLevel { get; set; }

    public List<ValidationSkill> Skills { get; set; } = [];
}

/// <summary>One ESCO skill of an application and its outcome at the assessment.</summary>
public sealed class ValidationSkill
{
    public Guid ApplicationId { get; set; }
    public string SkillUri { get; set; } = "";
    public SkillOutcome Outcome { get; set; }
}

internal sealed class ValidationApplicationConfiguration : IEntityTypeConfiguration<ValidationApplication>
{
    public void Configure(EntityTypeBuilder<ValidationApplication> builder)
    {
        builder.ToTable("RecognitionApplications");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.InstitutionId, a.Status });
        builder.HasIndex(a => a.PersonId);
        builder.Property(a => a.Trade).HasMaxLength(ValidationLimits.Trade);
        builder.Property(a => a.CountryOfWork).HasMaxLength(2);
        builder.Property(a => a.WorkAbroad).HasMaxLength(ValidationLimits.Text);
        builder.Property(a => a.References).HasMaxLength(ValidationLimits.Text);
        builder.Property(a => a.Assessors).HasMaxLength(ValidationLimits.Assessors);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasMany(a => a.Skills).WithOne().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ValidationSkillConfiguration : IEntityTypeConfiguration<ValidationSkill>
{
    public void Configure(EntityTypeBuilder<ValidationSkill> builder)
    {
        builder.ToTable("RecognitionSkills");
        builder.HasKey(s => new { s.ApplicationId, s.SkillUri });
        builder.Property(s => s.SkillUri).HasMaxLength(200);
        builder.Property(s => s.Outcome).HasConversion<string>().HasMaxLength(20);
    }
}
