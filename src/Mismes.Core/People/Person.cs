using Mismes.Core.Administration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mismes.Core.People;

public enum Sex
{
    Female,
    Male,
    Unspecified,
}

/// <summary>Where the person stands in the migration cycle.</summary>
public enum MigrationStatus
{
    ProspectiveMigrant,
    Abroad,
    Returned,
}

public enum CefrLevel
{
    A1,
    A2,
    B1,
    B2,
    C1,
    C2,
}

/// <summary>
/// One beneficiary, one record across all measures (issue 2). Owned by the institution that registered the
/// person; staff of other institutions do not see it (see PersonService and docs/adr/0007-people-duplicate-detection.md).
/// </summary>
public sealed class Person
{
    public Guid Id { get; set; }

    public required string FirstNameLatin { get; set; }

    public required string LastNameLatin { get; set; }

    public string? FirstNameArabic { get; set; }

    public string? LastNameArabic { get; set; }

    public DateOnly BirthDate { get; set; }

    public Sex Sex { get; set; }

    /// <summary>E.164, e.g. +212612345678.</summary>
    public string? Phone { get; set; }

    /// <summary>Lower case.</summary>
    public string? Email { get; set; }

    /// <summary>ISO 3166-2 region code, MA-01 .. MA-12 (see <see cref="MoroccanRegions"/>).</summary>
    public string? RegionCode { get; set; }

    /// <summary>Province or prefecture code within the region, e.g. TNG.</summary>
    public string? ProvinceCode { get; set; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string CountryOfResidence { get; set; } = "MA";

    public MigrationStatus MigrationStatus { get; set; }

    /// <summary>ISCED 2011 level 0-8.</summary>
    public int? IscedLevel { get; set; }

    /// <summary>EQF level 1-8.</summary>
    public int? EqfLevel { get; set; }

    public string? Notes { get; set; }

    public Guid InstitutionId { get; set; }

    public bool IsDemo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Set when this record was found to be a duplicate and merged into another; hidden from search.</summary>
    public Guid? MergedIntoId { get; set; }

    /// <summary>
    /// Phonetic keys of the names in both scripts (see <see cref="NameKey"/>), space separated with spaces around,
    /// so search can match transliteration variants with a plain LIKE on both providers.
    /// </summary>
    public string NameKeys { get; set; } = "";

    /// <summary>Names in both scripts, e-mail and phone folded to lower case without accents, for substring search.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>
    /// The version of the folding rules <see cref="NameKeys"/> and <see cref="SearchText"/> were computed with; rows
    /// older than <see cref="CurrentSearchVersion"/> are recomputed after migrating (<see cref="PersonSearchColumnsRefresher"/>).
    /// </summary>
    public int SearchVersion { get; set; }

    /// <summary>Bump when <see cref="NameKey"/> or the Arabic normalisation changes, so stored search columns follow.</summary>
    public const int CurrentSearchVersion = 1;

    public List<PersonLanguage> Languages { get; set; } = [];

    public List<ConsentRecord> Consents { get; set; } = [];

    public List<PersonEvent> Events { get; set; } = [];

    /// <summary>Recomputes the derived search columns from the names, e-mail and phone.</summary>
    public void RefreshSearchColumns()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in new[] { FirstNameLatin, LastNameLatin, FirstNameArabic, LastNameArabic })
        {
            foreach (var token in NameKey.TokenKeys(name))
            {
                keys.Add(token);
            }
        }

        NameKeys = " " + string.Join(' ', keys.Order(StringComparer.Ordinal)) + " ";
        SearchText = " " + string.Join(' ', new[] { FirstNameLatin, LastNameLatin, FirstNameArabic, LastNameArabic, Email, Phone }
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .Select(s => NameKey.Fold(s!))) + " ";
        SearchVersion = CurrentSearchVersion;
    }
}

/// <summary>A language the person speaks, with a CEFR level.</summary>
public sealed class PersonLanguage
{
    public long Id { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>ISO 639-1, e.g. es.</summary>
    public required string Language { get; set; }

    public CefrLevel Level { get; set; }
}

public enum PersonEventKind
{
    Created,
    Updated,
    ConsentGiven,
    ConsentWithdrawn,
    Merged,
    MergedInto,

    /// <summary>One value a merge did not keep (on the survivor; see <see cref="PersonMergeService"/>).</summary>
    MergeDiscarded,

    /// <summary>A merge undone (on both records).</summary>
    MergeUndone,
}

/// <summary>
/// One line of a person's own history (append-only). Details name fields, purposes or record ids, never personal
/// values — except <see cref="PersonEventKind.MergeDiscarded"/>, which keeps the value a merge discarded: it is the
/// record's own data, shown only with the record and deleted with it.
/// </summary>
public sealed class PersonEvent
{
    public long Id { get; set; }

    public Guid PersonId { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? UserId { get; set; }

    /// <summary>The partner system's API key that acted (then <see cref="UserId"/> is null), so the history names it.</summary>
    public Guid? ApiKeyId { get; set; }

    /// <summary>An event done now by <paramref name="actor"/> (a user or a partner system's key) on a record.</summary>
    internal static PersonEvent By(ICurrentUser actor, DateTimeOffset at, Guid personId, PersonEventKind kind, string? details) => new()
    {
        PersonId = personId,
        At = at,
        UserId = actor.UserId,
        ApiKeyId = actor.ApiKeyId,
        InstitutionId = actor.InstitutionId,
        Kind = kind,
        Details = details,
    };

    public Guid? InstitutionId { get; set; }

    public PersonEventKind Kind { get; set; }

    public string? Details { get; set; }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.Property(p => p.FirstNameLatin).HasMaxLength(100);
        builder.Property(p => p.LastNameLatin).HasMaxLength(100);
        builder.Property(p => p.FirstNameArabic).HasMaxLength(100);
        builder.Property(p => p.LastNameArabic).HasMaxLength(100);
        builder.Property(p => p.Sex).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Phone).HasMaxLength(20);
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.Property(p => p.RegionCode).HasMaxLength(5);
        builder.Property(p => p.ProvinceCode).HasMaxLength(5);
        builder.Property(p => p.CountryOfResidence).HasMaxLength(2);
        builder.Property(p => p.MigrationStatus).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Notes).HasMaxLength(4000);
        builder.Property(p => p.NameKeys).HasMaxLength(600);
        builder.Property(p => p.SearchText).HasMaxLength(1000);
        builder.HasIndex(p => p.BirthDate);
        builder.HasIndex(p => p.Phone);
        builder.HasIndex(p => p.Email);
        builder.HasIndex(p => new { p.InstitutionId, p.LastNameLatin });
        builder.HasIndex(p => p.MergedIntoId);
        builder.HasOne<Administration.Institution>().WithMany().HasForeignKey(p => p.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Languages).WithOne().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Consents).WithOne().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Events).WithOne().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PersonLanguageConfiguration : IEntityTypeConfiguration<PersonLanguage>
{
    public void Configure(EntityTypeBuilder<PersonLanguage> builder)
    {
        builder.ToTable("PersonLanguages");
        builder.Property(l => l.Language).HasMaxLength(2);
        builder.Property(l => l.Level).HasConversion<string>().HasMaxLength(2);
        builder.HasIndex(l => new { l.PersonId, l.Language }).IsUnique();
    }
}

internal sealed class PersonEventConfiguration : IEntityTypeConfiguration<PersonEvent>
{
    public void Configure(EntityTypeBuilder<PersonEvent> builder)
    {
        builder.ToTable("PersonEvents");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Details).HasMaxLength(1000);
        builder.HasIndex(e => new { e.PersonId, e.At });
    }
}
