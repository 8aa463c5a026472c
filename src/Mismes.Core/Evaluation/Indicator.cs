using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mismes.Core.Evaluation;

/// <summary>
/// An indicator as data (issue 10): people with a numerator outcome, optionally without a later excluding outcome,
/// over people with a denominator outcome (a share) or alone (a count). Kinds are outcome event kinds
/// (<see cref="OutcomeKind"/>), so an indicator over a capability that does not exist yet is only a new row.
/// Example, the non-return rate of a seasonal campaign: numerator placement.departed excluding placement.returned,
/// denominator placement.departed.
/// </summary>
public sealed class IndicatorDefinition
{
    public Guid Id { get; set; }

    /// <summary>Stable code, e.g. "placements", "non-return-rate".</summary>
    public required string Code { get; set; }

    public required string NameFr { get; set; }
    public required string NameAr { get; set; }
    public required string NameEn { get; set; }
    public required string NameEs { get; set; }

    /// <summary>Outcome kinds counted, separated by spaces.</summary>
    public required string NumeratorKinds { get; set; }

    /// <summary>People with one of these kinds by the end of the period are not counted in the numerator.</summary>
    public string? ExcludedKinds { get; set; }

    /// <summary>When set, the indicator is a share: numerator people over people with one of these kinds.</summary>
    public string? DenominatorKinds { get; set; }

    public int Order { get; set; }

    public bool IsShare => !string.IsNullOrWhiteSpace(DenominatorKinds);

    public string NameIn(string culture) => culture switch
    {
        _ when culture.StartsWith("ar", StringComparison.Ordinal) => NameAr,
        _ when culture.StartsWith("en", StringComparison.Ordinal) => NameEn,
        _ when culture.StartsWith("es", StringComparison.Ordinal) => NameEs,
        _ => NameFr,
    };

    public static IReadOnlyList<string> Kinds(string? list) =>
        string.IsNullOrWhiteSpace(list) ? [] : list.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>The target and baseline of an indicator for one year, for one measure or for all (<see cref="MeasureId"/> null).</summary>
public sealed class IndicatorTarget
{
    public Guid Id { get; set; }
    public Guid IndicatorId { get; set; }
    public Guid? MeasureId { get; set; }
    public int Year { get; set; }
    public decimal Target { get; set; }
    public decimal? Baseline { get; set; }
}

/// <summary>
/// A figure entered or imported for a programme without individual records (the study's historical figures, e.g.
/// 13,600 seasonal workers selected in 2008): shown beside computed values, never added into them.
/// </summary>
public sealed class AggregateFigure
{
    public Guid Id { get; set; }
    public Guid IndicatorId { get; set; }
    public Guid? MeasureId { get; set; }
    public int Year { get; set; }
    public decimal Value { get; set; }

    /// <summary>Where the figure comes from (a report, a ministry's table), shown with it.</summary>
    public required string Source { get; set; }

    public DateTimeOffset ImportedAt { get; set; }
}

internal sealed class IndicatorDefinitionConfiguration : IEntityTypeConfiguration<IndicatorDefinition>
{
    public void Configure(EntityTypeBuilder<IndicatorDefinition> builder)
    {
        builder.ToTable("IndicatorDefinitions");
        builder.Property(i => i.Code).HasMaxLength(60);
        builder.HasIndex(i => i.Code).IsUnique();
        foreach (var name in new[] { nameof(IndicatorDefinition.NameFr), nameof(IndicatorDefinition.NameAr), nameof(IndicatorDefinition.NameEn), nameof(IndicatorDefinition.NameEs) })
        {
            builder.Property(name).HasMaxLength(200);
        }

        builder.Property(i => i.NumeratorKinds).HasMaxLength(500);
        builder.Property(i => i.ExcludedKinds).HasMaxLength(500);
        builder.Property(i => i.DenominatorKinds).HasMaxLength(500);
        builder.Ignore(i => i.IsShare);
    }
}

internal sealed class IndicatorTargetConfiguration : IEntityTypeConfiguration<IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<IndicatorTarget> builder)
    {
        builder.ToTable("IndicatorTargets");
        builder.Property(t => t.Target).HasPrecision(18, 4);
        builder.Property(t => t.Baseline).HasPrecision(18, 4);
        builder.HasOne<IndicatorDefinition>().WithMany().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.IndicatorId, t.MeasureId, t.Year }).IsUnique();
    }
}

internal sealed class AggregateFigureConfiguration : IEntityTypeConfiguration<AggregateFigure>
{
    public void Configure(EntityTypeBuilder<AggregateFigure> builder)
    {
        builder.ToTable("AggregateFigures");
        builder.Property(f => f.Value).HasPrecision(18, 4);
        builder.Property(f => f.Source).HasMaxLength(300);
        builder.HasOne<IndicatorDefinition>().WithMany().HasForeignKey(f => f.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.IndicatorId, f.MeasureId, f.Year }).IsUnique();
    }
}
