using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mismes.Core.Diaspora.Experts;

namespace Mismes.Core.Diaspora.Needs;

/// <summary>What a Moroccan institution asks the diaspora for (the FINCOME action types, plus TRQN's long stays).</summary>
public enum NeedType
{
    ExpertiseMission,
    StrategicMeeting,
    JointProject,
    InnovativeEntrepreneurship,
    LongStay,
}

public enum NeedStatus
{
    Open,
    Closed,
}

/// <summary>
/// A need of a Moroccan institution (university, research centre, public body, company): described in free text,
/// coded to ESCO from that text and confirmed by its author before it is matched, with a period, a place and a budget.
/// Belongs to the institution of the user who posted it.
/// </summary>
public sealed class Need
{
    public Guid Id { get; set; }

    public Guid InstitutionId { get; set; }

    public required string Title { get; set; }

    public string Description { get; set; } = "";

    public NeedType Type { get; set; }

    public NeedStatus Status { get; set; }

    /// <summary>The ESCO occupation wanted, if the need names one (a need may be described by skills only).</summary>
    public string? OccupationUri { get; set; }

    /// <summary>The author confirmed the ESCO coding proposed from the text (only confirmed needs are matched).</summary>
    public bool CodingConfirmed { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    /// <summary>Where the work happens (a city, a campus), free text.</summary>
    public string Place { get; set; } = "";

    public MissionMode Mode { get; set; }

    /// <summary>Budget in Moroccan dirhams, when known.</summary>
    public decimal? BudgetMad { get; set; }

    public bool IsDemo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<NeedSkill> Skills { get; set; } = [];
}

public sealed class NeedSkill
{
    public long Id { get; set; }

    public Guid NeedId { get; set; }

    public required string SkillUri { get; set; }
}

internal sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> builder)
    {
        builder.ToTable("DiasporaNeeds");
        builder.HasKey(n => n.Id);
        builder.HasIndex(n => new { n.InstitutionId, n.Status });
        builder.Property(n => n.Title).HasMaxLength(NeedService.MaxTitle);
        builder.Property(n => n.Description).HasMaxLength(NeedService.MaxDescription);
        builder.Property(n => n.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(n => n.Mode).HasConversion<string>().HasMaxLength(10);
        builder.Property(n => n.OccupationUri).HasMaxLength(200);
        builder.Property(n => n.Place).HasMaxLength(NeedService.MaxPlace);
        builder.Property(n => n.BudgetMad).HasPrecision(14, 2);
        builder.HasMany(n => n.Skills).WithOne().HasForeignKey(s => s.NeedId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NeedSkillConfiguration : IEntityTypeConfiguration<NeedSkill>
{
    public void Configure(EntityTypeBuilder<NeedSkill> builder)
    {
        builder.ToTable("DiasporaNeedSkills");
        builder.Property(s => s.SkillUri).HasMaxLength(200);
        builder.HasIndex(s => new { s.NeedId, s.SkillUri }).IsUnique();
    }
}
