using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mismes.Core.Administration;

namespace Mismes.Core.Catalogue;

/// <summary>
/// One support measure of the public catalogue: a measure of the report's Table 2.1 (numbered 1..9), an initiative it
/// groups (a child, e.g. 9.2 OFII return aid), another measure the report mentions, or one a programme manager added.
/// Language-neutral facts live here; every text a visitor reads lives in <see cref="SupportMeasureTranslation"/> rows
/// (docs/adr/0008-catalogue-translations-in-rows.md).
/// </summary>
public sealed class SupportMeasure
{
    public Guid Id { get; set; }

    /// <summary>Stable address of the detail page, e.g. "e-bosla".</summary>
    public required string Slug { get; set; }

    /// <summary>1..9 for the measures of Table 2.1; null for initiatives (children) and other entries.</summary>
    public int? Number { get; set; }

    public Guid? ParentId { get; set; }

    /// <summary>Place of an initiative inside its parent measure (9.1, 9.2...).</summary>
    public int? Position { get; set; }

    /// <summary>"1", "9.3"; null when the entry is not in the report's table.</summary>
    public string? Reference { get; set; }

    public int SortKey { get; set; }

    public MeasureOrigin Origin { get; set; }

    public MigrationPhase Phase { get; set; }

    public int? StartYear { get; set; }

    public int? StartMonth { get; set; }

    public int? EndYear { get; set; }

    public int? EndMonth { get; set; }

    /// <summary>"since 2001", "2006 – ongoing": no end date is known.</summary>
    public bool Ongoing { get; set; }

    public decimal? BudgetAmount { get; set; }

    /// <summary>ISO 4217 code (EUR, USD, MAD); null when the report gives a figure without currency or no figure.</summary>
    public string? BudgetCurrency { get; set; }

    public int? BeneficiariesMin { get; set; }

    public int? BeneficiariesMax { get; set; }

    /// <summary>Where the facts come from, e.g. "ETF 2015, tableau 2.1, section 2.2".</summary>
    public string? SourceReference { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<SupportMeasureTranslation> Translations { get; set; } = [];

    public List<SupportMeasureModelEntry> Models { get; set; } = [];

    public List<SupportMeasureParty> Parties { get; set; } = [];

    /// <summary>Whether the measure runs on <paramref name="today"/>, from its start and end (month precision when known).</summary>
    public MeasureStatus StatusOn(DateOnly today)
    {
        if (StartYear is null && EndYear is null)
        {
            return Ongoing ? MeasureStatus.Active : MeasureStatus.Unknown;
        }

        if (StartYear is int sy && new DateOnly(sy, StartMonth ?? 1, 1) > today)
        {
            return MeasureStatus.Upcoming;
        }

        if (EndYear is int ey)
        {
            var lastMonth = EndMonth ?? 12;
            var lastDay = new DateOnly(ey, lastMonth, DateTime.DaysInMonth(ey, lastMonth));
            return lastDay < today ? MeasureStatus.Ended : MeasureStatus.Active;
        }

        return Ongoing ? MeasureStatus.Active : MeasureStatus.Unknown;
    }

    public bool IsActive(TimeProvider clock) =>
        StatusOn(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) == MeasureStatus.Active;
}

/// <summary>The texts of a measure in one language (fr, ar, en or es). French is required; others fall back to it.</summary>
public sealed class SupportMeasureTranslation
{
    public Guid MeasureId { get; set; }

    /// <summary>Two-letter language: fr, ar, en, es.</summary>
    public required string Culture { get; set; }

    public required string Title { get; set; }

    /// <summary>As the report names them, one per line.</summary>
    public string? Implementers { get; set; }

    public string? Funders { get; set; }

    public string? Period { get; set; }

    public string? Budget { get; set; }

    public string? Beneficiaries { get; set; }

    /// <summary>Main activities, one per line.</summary>
    public string? Activities { get; set; }

    // What a migrant needs to act on the measure, in plain words (issue 6, 2.11).

    /// <summary>Who the measure is for, e.g. "Women from rural areas who want to work one season in Spain."</summary>
    public string? ForWhom { get; set; }

    /// <summary>What a participant gets.</summary>
    public string? WhatYouGet { get; set; }

    /// <summary>How and where to apply, step by step.</summary>
    public string? HowToApply { get; set; }

    /// <summary>Whom to contact: an office or a website, never a person's private details.</summary>
    public string? Contact { get; set; }
}

/// <summary>One model of the typology a measure belongs to (a measure may combine several).</summary>
public sealed class SupportMeasureModelEntry
{
    public Guid MeasureId { get; set; }

    public MeasureModel Model { get; set; }
}

/// <summary>An organisation that implements or funds a measure, by code; linked to an <see cref="Institution"/> when Mismes knows it.</summary>
public sealed class SupportMeasureParty
{
    public Guid Id { get; set; }

    public Guid MeasureId { get; set; }

    public PartyRole Role { get; set; }

    public int Position { get; set; }

    /// <summary>Short stable code, e.g. ANAPEC, IOM, GIZ, WORLDBANK.</summary>
    public required string Code { get; set; }

    public Guid? InstitutionId { get; set; }
}

internal sealed class SupportMeasureConfiguration : IEntityTypeConfiguration<SupportMeasure>
{
    public void Configure(EntityTypeBuilder<SupportMeasure> builder)
    {
        builder.HasIndex(m => m.Slug).IsUnique();
        builder.Property(m => m.Slug).HasMaxLength(120);
        builder.Property(m => m.Reference).HasMaxLength(10);
        builder.Property(m => m.Origin).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Phase).HasConversion<string>().HasMaxLength(30);
        builder.Property(m => m.BudgetAmount).HasPrecision(18, 2);
        builder.Property(m => m.BudgetCurrency).HasMaxLength(3);
        builder.Property(m => m.SourceReference).HasMaxLength(MeasureTextLimits.SourceReference);
        builder.HasIndex(m => m.SortKey);
        builder.HasOne<SupportMeasure>().WithMany().HasForeignKey(m => m.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Translations).WithOne().HasForeignKey(t => t.MeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Models).WithOne().HasForeignKey(t => t.MeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Parties).WithOne().HasForeignKey(t => t.MeasureId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SupportMeasureTranslationConfiguration : IEntityTypeConfiguration<SupportMeasureTranslation>
{
    public void Configure(EntityTypeBuilder<SupportMeasureTranslation> builder)
    {
        builder.HasKey(t => new { t.MeasureId, t.Culture });
        builder.Property(t => t.Culture).HasMaxLength(5);
        builder.Property(t => t.Title).HasMaxLength(MeasureTextLimits.Max(nameof(SupportMeasureTranslation.Title)));
        builder.Property(t => t.Implementers).HasMaxLength(MeasureTextLimits.Max(nameof(SupportMeasureTranslation.Implementers)));
        builder.Property(t => t.Funders).HasMaxLength(MeasureTextLimits.Max(nameof(SupportMeasureTranslation.Funders)));
        builder.Property(t => t.Period).HasMaxLength(MeasureTextLimits.Max(nameof(SupportMeasureTranslation.Period)));
        builder.Property(t => t.Budget).HasMaxLength(MeasureTextLimits.Max(nameof(SupportMeasureTranslation.Budget)));
        builder.Property(t => t.Beneficiaries).HasMaxLength(MeasureTextLimits.Max(nameof(SupportMeasureTranslation.Beneficiaries)));
        builder.Property(t => t.Activities).HasMaxLength(MeasureTextLimits.Max(nameof(SupportMeasureTranslation.Activities)));
        builder.Property(t => t.ForWhom).HasMaxLength(MeasureTextLimits.Max(nameof(SupportMeasureTranslation.ForWhom)));
        builder.Property(t => t.WhatYouGet).HasMaxLength(MeasureTextLimits.Max(nameof(SupportMeasureTranslation.WhatYouGet)));
        builder.Property(t => t.HowToApply).HasMaxLength(MeasureTextLimits.Max(nameof(SupportMeasureTranslation.HowToApply)));
        builder.Property(t => t.Contact).HasMaxLength(MeasureTextLimits.Max(nameof(SupportMeasureTranslation.Contact)));
    }
}

internal sealed class SupportMeasureModelEntryConfiguration : IEntityTypeConfiguration<SupportMeasureModelEntry>
{
    public void Configure(EntityTypeBuilder<SupportMeasureModelEntry> builder)
    {
        builder.HasKey(t => new { t.MeasureId, t.Model });
        builder.Property(t => t.Model).HasConversion<string>().HasMaxLength(60);
    }
}

internal sealed class SupportMeasurePartyConfiguration : IEntityTypeConfiguration<SupportMeasureParty>
{
    public void Configure(EntityTypeBuilder<SupportMeasureParty> builder)
    {
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Code).HasMaxLength(40);
        builder.HasIndex(p => new { p.Role, p.Code });
        builder.HasOne<Institution>().WithMany().HasForeignKey(p => p.InstitutionId).OnDelete(DeleteBehavior.SetNull);
    }
}
