using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mismes.Core.Evaluation;

/// <summary>
/// One outcome of one measure for one person: registered, enrolled, shortlisted, hired, departed, returned, certificate
/// issued, instalment paid, visit done… Append-only: a row is never changed or deleted (a correction is a new event),
/// and it is written by the capability where the outcome happens, in the same SaveChanges as the change itself.
/// The disaggregation facts are a snapshot taken at that moment, so an indicator for 2025 still counts a person in
/// the age group and region she had in 2025. Shaped to be distributed by <see cref="PersonId"/> on a Citus cluster
/// (docs/adr/0025-outcome-events.md): the key includes it, and no foreign key points out of the table.
/// </summary>
public sealed class OutcomeEvent
{
    /// <summary>A version 7 (time-ordered) GUID: unique without a central sequence, which a distributed table has not.</summary>
    public Guid Id { get; set; }

    /// <summary>The person (the distribution column). A merged record keeps its events; the journey follows the merge.</summary>
    public Guid PersonId { get; set; }

    /// <summary>"&lt;capability&gt;.&lt;what happened&gt;", e.g. "placement.hired" (see <see cref="OutcomeKind"/>).</summary>
    public required string Kind { get; set; }

    /// <summary>The capability that recorded it ("Placement"), read from <see cref="Kind"/>.</summary>
    public required string Capability { get; set; }

    /// <summary>The catalogue measure it belongs to, when the capability knows it.</summary>
    public Guid? MeasureId { get; set; }

    /// <summary>The institution that recorded the outcome (whose statistics it counts in).</summary>
    public Guid InstitutionId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>What the event is about, as "type:id" (e.g. "vacancy:…"), so one outcome per subject can be counted once.</summary>
    public string? Subject { get; set; }

    public required string Sex { get; set; }

    public required string AgeGroup { get; set; }

    public string? RegionCode { get; set; }

    public int? EqfLevel { get; set; }

    /// <summary>Where the person stood in the migration cycle (ProspectiveMigrant, Abroad, Returned).</summary>
    public required string MigrationPhase { get; set; }

    /// <summary>Country of destination or of return (ISO 3166 alpha-2), when the outcome has one.</summary>
    public string? Country { get; set; }

    /// <summary>Money the outcome moved (a grant instalment, a training cost), in <see cref="Currency"/>.</summary>
    public decimal? Amount { get; set; }

    public string? Currency { get; set; }

    /// <summary>Further facts of the capability as a flat JSON object of strings ({"occupation":"…","isco":"7112"}).</summary>
    public string? Facts { get; set; }

    public bool IsDemo { get; set; }
}

internal sealed class OutcomeEventConfiguration : IEntityTypeConfiguration<OutcomeEvent>
{
    public void Configure(EntityTypeBuilder<OutcomeEvent> builder)
    {
        builder.ToTable("OutcomeEvents");
        // Citus needs the distribution column in every unique key.
        builder.HasKey(e => new { e.PersonId, e.Id });
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasMaxLength(OutcomeKind.MaxLength);
        builder.Property(e => e.Capability).HasMaxLength(40);
        builder.Property(e => e.Subject).HasMaxLength(120);
        builder.Property(e => e.Sex).HasMaxLength(20);
        builder.Property(e => e.AgeGroup).HasMaxLength(10);
        builder.Property(e => e.RegionCode).HasMaxLength(10);
        builder.Property(e => e.MigrationPhase).HasMaxLength(30);
        builder.Property(e => e.Country).HasMaxLength(2);
        builder.Property(e => e.Amount).HasPrecision(18, 2);
        builder.Property(e => e.Currency).HasMaxLength(3);
        builder.Property(e => e.Facts).HasMaxLength(OutcomeRecorder.MaxFactsLength);
        builder.HasIndex(e => new { e.Kind, e.At });
        builder.HasIndex(e => new { e.InstitutionId, e.At });
        builder.HasIndex(e => new { e.MeasureId, e.At });
    }
}
