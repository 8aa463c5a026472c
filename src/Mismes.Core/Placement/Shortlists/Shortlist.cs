using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mismes.Core.Placement.Shortlists;

/// <summary>
/// Where a candidate stands on one vacancy's shortlist (ADR 0036). Matching only ever proposes; every other status is
/// set by a person, and there is no automatic rejection: "not retained" needs a reason a person wrote.
/// </summary>
public enum ShortlistStatus
{
    Proposed,
    PreSelected,
    SentToEmployer,
    Interviewed,
    Hired,
    NotRetained,
    Departed,
    Returned,

    /// <summary>The candidate withdrew the consent to share the profile with foreign employers: off the open shortlist.</summary>
    ConsentWithdrawn,
}

/// <summary>One candidate on one vacancy's shortlist, with the current status; <see cref="History"/> keeps every change.</summary>
public sealed class ShortlistEntry
{
    public Guid Id { get; set; }

    public Guid VacancyId { get; set; }

    /// <summary>The institution that follows the vacancy (its staff manage the shortlist).</summary>
    public Guid InstitutionId { get; set; }

    /// <summary>The employer institution, when known to Mismes: its users see the entry once sent to them.</summary>
    public Guid? EmployerInstitutionId { get; set; }

    public long CandidateId { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>The matching score when proposed (what the advisor saw).</summary>
    public float Score { get; set; }

    public ShortlistStatus Status { get; set; }

    public DateTimeOffset StatusAt { get; set; }

    public Guid? StatusBy { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool IsDemo { get; set; }

    public List<ShortlistStatusChange> History { get; set; } = [];
}

/// <summary>A status set on a shortlist entry: when, by whom, and why (the reason is required for "not retained").</summary>
public sealed class ShortlistStatusChange
{
    public long Id { get; set; }

    public Guid EntryId { get; set; }

    public ShortlistStatus Status { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? By { get; set; }

    public string? Reason { get; set; }
}

internal sealed class ShortlistEntryConfiguration : IEntityTypeConfiguration<ShortlistEntry>
{
    public void Configure(EntityTypeBuilder<ShortlistEntry> builder)
    {
        builder.ToTable("PlacementShortlistEntries");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.VacancyId, e.CandidateId }).IsUnique();
        builder.HasIndex(e => e.PersonId);
        builder.HasIndex(e => e.InstitutionId);
        builder.HasIndex(e => e.EmployerInstitutionId);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Reason).HasMaxLength(ShortlistService.MaxReasonLength);
        builder.HasMany(e => e.History).WithOne().HasForeignKey(h => h.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ShortlistStatusChangeConfiguration : IEntityTypeConfiguration<ShortlistStatusChange>
{
    public void Configure(EntityTypeBuilder<ShortlistStatusChange> builder)
    {
        builder.ToTable("PlacementShortlistStatusChanges");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.Reason).HasMaxLength(ShortlistService.MaxReasonLength);
    }
}
