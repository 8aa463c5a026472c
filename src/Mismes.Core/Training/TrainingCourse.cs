using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mismes.Core.Placement.Vacancies;

namespace Mismes.Core.Training;

/// <summary>What a course is for (the catalogue's filter and the label shown).</summary>
public enum CourseKind
{
    /// <summary>A language course towards a CEFR level.</summary>
    Language,

    /// <summary>Civic orientation in the destination country.</summary>
    CivicOrientation,

    /// <summary>A short pre-departure workshop (ANAPEC's "Living and working abroad", 90 min).</summary>
    Workshop,

    /// <summary>An intercultural module (the youth-to-Germany preparation).</summary>
    Intercultural,

    /// <summary>Vocational upskilling.</summary>
    Vocational,
}

/// <summary>
/// A course in the training catalogue: what it teaches (the ESCO skills it develops — the "closing the loop" work
/// compares them with a candidate's skill gap), its length, its provider and its cost per learner. The catalogue is
/// reference data shared by every institution; sessions (cohorts) of a course belong to an institution.
/// </summary>
public sealed class TrainingCourse
{
    public Guid Id { get; set; }

    /// <summary>Stable short code, unique (the seeder's key), e.g. "ebosla-italian-40h".</summary>
    public required string Code { get; set; }

    public required string Title { get; set; }

    public CourseKind Kind { get; set; }

    /// <summary>ISO 639-1 of the language taught (language courses only).</summary>
    public string? Language { get; set; }

    /// <summary>The CEFR level a language course aims at.</summary>
    public Cefr? TargetLevel { get; set; }

    /// <summary>Length in hours (1.5 for the 90-minute workshop).</summary>
    public decimal Hours { get; set; }

    public required string Provider { get; set; }

    public decimal? CostPerLearner { get; set; }

    /// <summary>ISO 4217, e.g. MAD.</summary>
    public string? CostCurrency { get; set; }

    public string? Description { get; set; }

    public List<TrainingCourseSkill> Skills { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>An ESCO skill a course develops.</summary>
public sealed class TrainingCourseSkill
{
    public Guid CourseId { get; set; }

    public required string SkillUri { get; set; }
}

/// <summary>A programme bundles courses (E-Bosla: 40 h of Italian + 20 h of civic education over two months).</summary>
public sealed class TrainingProgramme
{
    public Guid Id { get; set; }

    public required string Code { get; set; }

    public required string Title { get; set; }

    public int? DurationMonths { get; set; }

    /// <summary>What follows the programme, as written ("a 2-year apprenticeship in Germany").</summary>
    public string? Description { get; set; }

    public List<TrainingProgrammeCourse> Courses { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class TrainingProgrammeCourse
{
    public Guid ProgrammeId { get; set; }

    public Guid CourseId { get; set; }

    /// <summary>Order of the course in the programme.</summary>
    public int Position { get; set; }
}

/// <summary>Longest texts the catalogue stores.</summary>
public static class TrainingLimits
{
    public const int Code = 60;
    public const int Title = 200;
    public const int Provider = 200;
    public const int Uri = 200;
    public const int Description = 4000;
    public const int MaxSkills = 40;
    public const decimal MaxHours = 5000;
}

internal sealed class TrainingCourseConfiguration : IEntityTypeConfiguration<TrainingCourse>
{
    public void Configure(EntityTypeBuilder<TrainingCourse> builder)
    {
        builder.ToTable("TrainingCourses");
        builder.Property(c => c.Code).HasMaxLength(TrainingLimits.Code);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Title).HasMaxLength(TrainingLimits.Title);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Language).HasMaxLength(3);
        builder.Property(c => c.TargetLevel).HasConversion<string>().HasMaxLength(2);
        builder.Property(c => c.Hours).HasPrecision(7, 2);
        builder.Property(c => c.Provider).HasMaxLength(TrainingLimits.Provider);
        builder.Property(c => c.CostPerLearner).HasPrecision(12, 2);
        builder.Property(c => c.CostCurrency).HasMaxLength(3);
        builder.Property(c => c.Description).HasMaxLength(TrainingLimits.Description);
        builder.HasMany(c => c.Skills).WithOne().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrainingCourseSkillConfiguration : IEntityTypeConfiguration<TrainingCourseSkill>
{
    public void Configure(EntityTypeBuilder<TrainingCourseSkill> builder)
    {
        builder.ToTable("TrainingCourseSkills");
        builder.HasKey(s => new { s.CourseId, s.SkillUri });
        builder.Property(s => s.SkillUri).HasMaxLength(TrainingLimits.Uri);
        builder.HasIndex(s => s.SkillUri);
    }
}

internal sealed class TrainingProgrammeConfiguration : IEntityTypeConfiguration<TrainingProgramme>
{
    public void Configure(EntityTypeBuilder<TrainingProgramme> builder)
    {
        builder.ToTable("TrainingProgrammes");
        builder.Property(p => p.Code).HasMaxLength(TrainingLimits.Code);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Title).HasMaxLength(TrainingLimits.Title);
        builder.Property(p => p.Description).HasMaxLength(TrainingLimits.Description);
        builder.HasMany(p => p.Courses).WithOne().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrainingProgrammeCourseConfiguration : IEntityTypeConfiguration<TrainingProgrammeCourse>
{
    public void Configure(EntityTypeBuilder<TrainingProgrammeCourse> builder)
    {
        builder.ToTable("TrainingProgrammeCourses");
        builder.HasKey(c => new { c.ProgrammeId, c.CourseId });
        builder.HasOne<TrainingCourse>().WithMany().HasForeignKey(c => c.CourseId).OnDelete(DeleteBehavior.Restrict);
    }
}
