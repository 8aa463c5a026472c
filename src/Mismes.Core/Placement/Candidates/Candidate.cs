using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mismes.Matching;

namespace Mismes.Core.Placement.Candidates;

/// <summary>How a candidate's profile came to be: at an agency, by the candidate on the web, or from a file.</summary>
public enum CandidateSource
{
    Advisor,
    SelfRegistration,
    Import,
}

/// <summary>
/// A person's placement profile (one per person): what matching needs and nothing the registry already holds (names,
/// contact details and consents stay in People; the profile keeps the person's id). The institution is copied from
/// the person when the profile is made, so staff see their own institution's candidates without asking People per row.
/// </summary>
public sealed class Candidate
{
    /// <summary>Dense, stable id: the matching index's profile id.</summary>
    public long Id { get; set; }

    public Guid PersonId { get; set; }

    public Guid InstitutionId { get; set; }

    public CandidateSource Source { get; set; }

    /// <summary>European Qualifications Framework level of the highest education completed, 1–8.</summary>
    public int? EqfLevel { get; set; }

    public DateOnly? AvailableFrom { get; set; }

    public DateOnly? AvailableTo { get; set; }

    /// <summary>ISO 3166 alpha-2 codes separated by commas ("ES,DE"); empty means any country.</summary>
    public string CountriesWanted { get; set; } = "";

    public bool IsDemo { get; set; }

    /// <summary>The self-registration that made this profile (its form's id): submitting the same form twice makes one candidate.</summary>
    public Guid? RegistrationId { get; set; }

    /// <summary>The public vacancy the candidate registered from ("apply" on a job page), if any.</summary>
    public Guid? AppliedVacancyId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<CandidateOccupation> Occupations { get; set; } = [];

    public List<CandidateSkill> Skills { get; set; } = [];

    public List<CandidateLanguage> Languages { get; set; } = [];
}

public sealed class CandidateOccupation
{
    public long Id { get; set; }

    public long CandidateId { get; set; }

    public required string OccupationUri { get; set; }

    public int ExperienceMonths { get; set; }
}

public sealed class CandidateSkill
{
    public long Id { get; set; }

    public long CandidateId { get; set; }

    public required string SkillUri { get; set; }

    public SkillEvidence Evidence { get; set; }
}

public sealed class CandidateLanguage
{
    public long Id { get; set; }

    public long CandidateId { get; set; }

    /// <summary>ISO 639-1 code, lower case.</summary>
    public required string Language { get; set; }

    public CefrLevel Level { get; set; }
}

/// <summary>
/// The change feed of candidates' matching profiles: one row per change (a profile saved, a consent given or
/// withdrawn), with an increasing id every web node polls to keep its in-memory index current (ADR 0035).
/// Keyed by person, because a consent change is known by the person before any profile is looked up.
/// </summary>
public sealed class CandidateChange
{
    public long Id { get; set; }

    public Guid PersonId { get; set; }

    public DateTimeOffset At { get; set; }
}

internal sealed class CandidateConfiguration : IEntityTypeConfiguration<Candidate>
{
    public void Configure(EntityTypeBuilder<Candidate> builder)
    {
        builder.ToTable("PlacementCandidates");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.PersonId).IsUnique();
        builder.HasIndex(c => c.InstitutionId);
        builder.HasIndex(c => c.RegistrationId).IsUnique();
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.CountriesWanted).HasMaxLength(200);
        builder.HasMany(c => c.Occupations).WithOne().HasForeignKey(o => o.CandidateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Skills).WithOne().HasForeignKey(s => s.CandidateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Languages).WithOne().HasForeignKey(l => l.CandidateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CandidateOccupationConfiguration : IEntityTypeConfiguration<CandidateOccupation>
{
    public void Configure(EntityTypeBuilder<CandidateOccupation> builder)
    {
        builder.ToTable("PlacementCandidateOccupations");
        builder.Property(o => o.OccupationUri).HasMaxLength(200);
        builder.HasIndex(o => new { o.CandidateId, o.OccupationUri }).IsUnique();
        builder.HasIndex(o => o.OccupationUri);
    }
}

internal sealed class CandidateSkillConfiguration : IEntityTypeConfiguration<CandidateSkill>
{
    public void Configure(EntityTypeBuilder<CandidateSkill> builder)
    {
        builder.ToTable("PlacementCandidateSkills");
        builder.Property(s => s.SkillUri).HasMaxLength(200);
        builder.Property(s => s.Evidence).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(s => new { s.CandidateId, s.SkillUri }).IsUnique();
    }
}

internal sealed class CandidateLanguageConfiguration : IEntityTypeConfiguration<CandidateLanguage>
{
    public void Configure(EntityTypeBuilder<CandidateLanguage> builder)
    {
        builder.ToTable("PlacementCandidateLanguages");
        builder.Property(l => l.Language).HasMaxLength(3);
        builder.Property(l => l.Level).HasConversion<string>().HasMaxLength(2);
        builder.HasIndex(l => new { l.CandidateId, l.Language }).IsUnique();
    }
}

internal sealed class CandidateChangeConfiguration : IEntityTypeConfiguration<CandidateChange>
{
    public void Configure(EntityTypeBuilder<CandidateChange> builder)
    {
        builder.ToTable("PlacementCandidateChanges");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.PersonId);
    }
}
