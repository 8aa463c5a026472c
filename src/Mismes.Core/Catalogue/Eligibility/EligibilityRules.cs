using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mismes.Core.Catalogue.Eligibility;

/// <summary>Where a person stands in the migration cycle, in the finder's plain words (first question).</summary>
public enum Situation
{
    /// <summary>Lives in Morocco and wants to work or train abroad.</summary>
    Preparing = 1,

    /// <summary>Lives abroad and means to stay for now.</summary>
    Abroad = 2,

    /// <summary>Lives abroad and wants to come back to Morocco.</summary>
    Returning = 3,

    /// <summary>Has come back to Morocco.</summary>
    Returned = 4,
}

/// <summary>The highest schooling completed, as a person says it; each maps to its level on the EQF/NQF (1–8).</summary>
public enum Schooling
{
    None = 1,
    Primary = 2,
    Middle = 3,
    Vocational = 4,
    Baccalaureate = 5,
    Technician = 6,
    Bachelor = 7,
    Master = 8,
    Doctorate = 9,
}

/// <summary>The field a person works in (or wants to): a short list a person with little schooling can choose from.</summary>
public enum WorkField
{
    Agriculture = 1,
    Construction = 2,
    Hospitality = 3,
    Health = 4,
    Industry = 5,
    Transport = 6,
    Engineering = 7,
    Research = 8,
    Business = 9,
    Other = 10,
}

public static class EligibilityVocabulary
{
    /// <summary>Languages the finder asks about (ISO 639-1), in the order shown.</summary>
    public static readonly IReadOnlyList<string> Languages = ["ar", "fr", "es", "en", "de", "it", "nl"];

    /// <summary>Countries of destination or of return the finder offers (ISO 3166-1 alpha-2), most frequent first.</summary>
    public static readonly IReadOnlyList<string> Countries = ["ES", "FR", "IT", "BE", "NL", "DE", "PT", "GB", "CA", "US", "QA", "SA", "AE"];

    /// <summary>The EQF level of a schooling answer (None and Primary both count as level 1).</summary>
    public static int Eqf(Schooling schooling) => schooling switch
    {
        Schooling.None or Schooling.Primary => 1,
        Schooling.Middle => 2,
        Schooling.Vocational => 3,
        Schooling.Baccalaureate => 4,
        Schooling.Technician => 5,
        Schooling.Bachelor => 6,
        Schooling.Master => 7,
        _ => 8,
    };
}

/// <summary>
/// Who a support measure is for, as data a programme manager edits (issue 10, eligibility finder): the situations it
/// serves, an EQF range, and lists of languages, fields of work and countries of which a person must match one. An
/// empty list or a missing bound means "anyone". A measure without rules is never proposed by the finder: it stays
/// findable in the catalogue, but the finder only says "this fits you" where someone wrote down for whom.
/// </summary>
public sealed class MeasureEligibility
{
    public Guid MeasureId { get; set; }

    /// <summary>Comma-separated <see cref="Situation"/> names; at least one.</summary>
    public string Situations { get; set; } = "";

    public int? MinEqf { get; set; }

    public int? MaxEqf { get; set; }

    /// <summary>Comma-separated ISO 639-1 codes; a person must speak one of them. Empty: any.</summary>
    public string Languages { get; set; } = "";

    /// <summary>Comma-separated <see cref="WorkField"/> names. Empty: any.</summary>
    public string Fields { get; set; } = "";

    /// <summary>Comma-separated ISO 3166-1 codes of the country wanted, lived in or come back from. Empty: any.</summary>
    public string Countries { get; set; } = "";

    /// <summary>Where "what to do next" leads: a local path such as "/Placement/Register"; null sends to the measure's page.</summary>
    public string? NextStepPath { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class MeasureEligibilityConfiguration : IEntityTypeConfiguration<MeasureEligibility>
{
    public void Configure(EntityTypeBuilder<MeasureEligibility> builder)
    {
        builder.ToTable("CatalogueMeasureEligibility");
        builder.HasKey(e => e.MeasureId);
        builder.HasOne<SupportMeasure>().WithOne().HasForeignKey<MeasureEligibility>(e => e.MeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Situations).HasMaxLength(100);
        builder.Property(e => e.Languages).HasMaxLength(100);
        builder.Property(e => e.Fields).HasMaxLength(200);
        builder.Property(e => e.Countries).HasMaxLength(200);
        builder.Property(e => e.NextStepPath).HasMaxLength(EligibilityRulesInput.MaxPathLength);
    }
}
