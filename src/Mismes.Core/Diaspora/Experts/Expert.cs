using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mismes.Matching;

namespace Mismes.Core.Diaspora.Experts;

/// <summary>How an expert's profile came to be: entered by staff, or by the expert on the web.</summary>
public enum ExpertSource
{
    Staff,
    SelfRegistration,
}

/// <summary>Where an expert is willing to work on a mission.</summary>
public enum MissionMode
{
    Either,
    Remote,
    OnSite,
}

/// <summary>
/// A Moroccan expert abroad (one profile per person of the registry): what matching needs and nothing People already
/// holds (names, contact details stay in People; the profile keeps the person's id). The institution is copied from
/// the person when the profile is made, so staff see their own institution's experts without asking People per row.
/// </summary>
public sealed class Expert
{
    /// <summary>Dense, stable id: the expert index's profile id.</summary>
    public long Id { get; set; }

    public Guid PersonId { get; set; }

    public Guid InstitutionId { get; set; }

    public ExpertSource Source { get; set; }

    /// <summary>ISO 3166 alpha-2 code of the country of residence, upper case.</summary>
    public required string ResidenceCountry { get; set; }

    public string ResidenceCity { get; set; } = "";

    public string EmployerAbroad { get; set; } = "";

    /// <summary>Free domains ("biotechnologie", "télécommunications"), separated by "|".</summary>
    public string Domains { get; set; } = "";

    public int YearsOfExperience { get; set; }

    public MissionMode Mode { get; set; }

    /// <summary>Shortest and longest mission the expert accepts, in weeks (2–26).</summary>
    public int MinMissionWeeks { get; set; } = 2;

    public int MaxMissionWeeks { get; set; } = 26;

    public bool IsDemo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<ExpertOccupation> Occupations { get; set; } = [];

    public List<ExpertSkill> Skills { get; set; } = [];

    public List<ExpertLanguage> Languages { get; set; } = [];

    public List<ExpertDegree> Degrees { get; set; } = [];

    public List<ExpertAvailability> Availability { get; set; } = [];
}

public sealed class ExpertOccupation
{
    public long Id { get; set; }

    public long ExpertId { get; set; }

    public required string OccupationUri { get; set; }
}

public sealed class ExpertSkill
{
    public long Id { get; set; }

    public long ExpertId { get; set; }

    public required string SkillUri { get; set; }
}

public sealed class ExpertLanguage
{
    public long Id { get; set; }

    public long ExpertId { get; set; }

    /// <summary>ISO 639-1 code, lower case.</summary>
    public required string Language { get; set; }

    public CefrLevel Level { get; set; }
}

public sealed class ExpertDegree
{
    public long Id { get; set; }

    public long ExpertId { get; set; }

    public required string Title { get; set; }

    /// <summary>European Qualifications Framework level, 1–8.</summary>
    public int EqfLevel { get; set; }
}

/// <summary>A period the expert can give to missions.</summary>
public sealed class ExpertAvailability
{
    public long Id { get; set; }

    public long ExpertId { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }
}

/// <summary>The change feed of experts' matching profiles: one row per saved profile, polled by every node's expert index.</summary>
public sealed class ExpertChange
{
    public long Id { get; set; }

    public Guid PersonId { get; set; }

    public DateTimeOffset At { get; set; }
}

internal sealed class ExpertConfiguration : IEntityTypeConfiguration<Expert>
{
    public void Configure(EntityTypeBuilder<Expert> builder)
    {
        builder.ToTable("DiasporaExperts");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.PersonId).IsUnique();
        builder.HasIndex(e => e.InstitutionId);
        builder.HasIndex(e => e.ResidenceCountry);
        builder.Property(e => e.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Mode).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.ResidenceCountry).HasMaxLength(2);
        builder.Property(e => e.ResidenceCity).HasMaxLength(100);
        builder.Property(e => e.EmployerAbroad).HasMaxLength(200);
        builder.Property(e => e.Domains).HasMaxLength(1000);
        builder.HasMany(e => e.Occupations).WithOne().HasForeignKey(o => o.ExpertId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Skills).WithOne().HasForeignKey(s => s.ExpertId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Languages).WithOne().HasForeignKey(l => l.ExpertId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Degrees).WithOne().HasForeignKey(d => d.ExpertId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Availability).WithOne().HasForeignKey(a => a.ExpertId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExpertOccupationConfiguration : IEntityTypeConfiguration<ExpertOccupation>
{
    public void Configure(EntityTypeBuilder<ExpertOccupation> builder)
    {
        builder.ToTable("DiasporaExpertOccupations");
        builder.Property(o => o.OccupationUri).HasMaxLength(200);
        builder.HasIndex(o => new { o.ExpertId, o.OccupationUri }).IsUnique();
        builder.HasIndex(o => o.OccupationUri);
    }
}

internal sealed class ExpertSkillConfiguration : IEntityTypeConfiguration<ExpertSkill>
{
    public void Configure(EntityTypeBuilder<ExpertSkill> builder)
    {
        builder.ToTable("DiasporaExpertSkills");
        builder.Property(s => s.SkillUri).HasMaxLength(200);
        builder.HasIndex(s => new { s.ExpertId, s.SkillUri }).IsUnique();
    }
}

internal sealed class ExpertLanguageConfiguration : IEntityTypeConfiguration<ExpertLanguage>
{
    public void Configure(EntityTypeBuilder<ExpertLanguage> builder)
    {
        builder.ToTable("DiasporaExpertLanguages");
        builder.Property(l => l.Language).HasMaxLength(3);
        builder.Property(l => l.Level).HasConversion<string>().HasMaxLength(2);
        builder.HasIndex(l => new { l.ExpertId, l.Language }).IsUnique();
    }
}

internal sealed class ExpertDegreeConfiguration : IEntityTypeConfiguration<ExpertDegree>
{
    public void Configure(EntityTypeBuilder<ExpertDegree> builder)
    {
        builder.ToTable("DiasporaExpertDegrees");
        builder.Property(d => d.Title).HasMaxLength(200);
    }
}

internal sealed class ExpertAvailabilityConfiguration : IEntityTypeConfiguration<ExpertAvailability>
{
    public void Configure(EntityTypeBuilder<ExpertAvailability> builder) => builder.ToTable("DiasporaExpertAvailability");
}

internal sealed class ExpertChangeConfiguration : IEntityTypeConfiguration<ExpertChange>
{
    public void Configure(EntityTypeBuilder<ExpertChange> builder)
    {
        builder.ToTable("DiasporaExpertChanges");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.PersonId);
    }
}
