using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mismes.Core.People;

/// <summary>
/// The fields a merge compares, one choice each. Region and province go together (a province belongs to its region,
/// so keeping one record's region with the other's province could make a place that does not exist).
/// Languages and consents are not here: they are always united.
/// </summary>
public enum MergeField
{
    FirstNameLatin,
    LastNameLatin,
    FirstNameArabic,
    LastNameArabic,
    BirthDate,
    Sex,
    Phone,
    Email,
    Region,
    CountryOfResidence,
    MigrationStatus,
    IscedLevel,
    EqfLevel,
    Notes,
}

/// <summary>Which record's value a conflicting field keeps.</summary>
public enum MergeKeep
{
    Survivor,
    Duplicate,
}

/// <summary>
/// Merge <see cref="DuplicateId"/> into <see cref="SurvivorId"/>. Every field where both records hold different
/// non-empty values needs an entry in <see cref="Keep"/>; a field only one record fills takes that value; entries for
/// other fields are ignored.
/// </summary>
public sealed record MergePeople
{
    public required Guid SurvivorId { get; init; }

    public required Guid DuplicateId { get; init; }

    public IReadOnlyDictionary<MergeField, MergeKeep> Keep { get; init; } = new Dictionary<MergeField, MergeKeep>();
}

/// <summary>Two records side by side, for the comparison page: which fields conflict, and which record is older.</summary>
public sealed record MergeComparison(Person A, Person B, IReadOnlyList<MergeField> Conflicts)
{
    /// <summary>The record kept unless the user says otherwise: the older one (first registered).</summary>
    public Guid DefaultSurvivorId => B.CreatedAt < A.CreatedAt ? B.Id : A.Id;
}

/// <summary>The latest merge into a record that has not been undone, and whether it still can be.</summary>
public sealed record LastMerge(Guid SnapshotId, Guid DuplicateId, DateTimeOffset MergedAt, bool CanUndo);

/// <summary>Resource keys of the merge's own messages.</summary>
public static class PersonMergeErrors
{
    /// <summary>"Choose which « {0} » to keep." on the field that conflicts.</summary>
    public const string ChoiceRequired = "People.Error.MergeChoiceRequired";

    public const string NothingToUndo = "People.Error.MergeNothingToUndo";

    public const string EditedSinceMerge = "People.Error.MergeEditedSince";
}

/// <summary>Reads and writes one <see cref="MergeField"/> of a person, as an invariant string for comparing and history.</summary>
public static class MergeFields
{
    public static IReadOnlyList<MergeField> All { get; } = Enum.GetValues<MergeField>();

    public static string? Value(Person p, MergeField field) => field switch
    {
        MergeField.FirstNameLatin => p.FirstNameLatin,
        MergeField.LastNameLatin => p.LastNameLatin,
        MergeField.FirstNameArabic => p.FirstNameArabic,
        MergeField.LastNameArabic => p.LastNameArabic,
        MergeField.BirthDate => p.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        MergeField.Sex => p.Sex.ToString(),
        MergeField.Phone => p.Phone,
        MergeField.Email => p.Email,
        MergeField.Region => p.RegionCode is null ? null : p.ProvinceCode is null ? p.RegionCode : $"{p.RegionCode} {p.ProvinceCode}",
        MergeField.CountryOfResidence => p.CountryOfResidence,
        MergeField.MigrationStatus => p.MigrationStatus.ToString(),
        MergeField.IscedLevel => p.IscedLevel?.ToString(CultureInfo.InvariantCulture),
        MergeField.EqfLevel => p.EqfLevel?.ToString(CultureInfo.InvariantCulture),
        MergeField.Notes => p.Notes,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>Both records hold a value and the values differ: the user must choose.</summary>
    public static bool Conflicts(Person a, Person b, MergeField field) =>
        Value(a, field) is { } x && Value(b, field) is { } y && !string.Equals(x, y, StringComparison.Ordinal);

    /// <summary>Copies the field's value from <paramref name="from"/> onto <paramref name="to"/>.</summary>
    public static void Copy(Person from, Person to, MergeField field)
    {
        switch (field)
        {
            case MergeField.FirstNameLatin: to.FirstNameLatin = from.FirstNameLatin; break;
            case MergeField.LastNameLatin: to.LastNameLatin = from.LastNameLatin; break;
            case MergeField.FirstNameArabic: to.FirstNameArabic = from.FirstNameArabic; break;
            case MergeField.LastNameArabic: to.LastNameArabic = from.LastNameArabic; break;
            case MergeField.BirthDate: to.BirthDate = from.BirthDate; break;
            case MergeField.Sex: to.Sex = from.Sex; break;
            case MergeField.Phone: to.Phone = from.Phone; break;
            case MergeField.Email: to.Email = from.Email; break;
            case MergeField.Region: to.RegionCode = from.RegionCode; to.ProvinceCode = from.ProvinceCode; break;
            case MergeField.CountryOfResidence: to.CountryOfResidence = from.CountryOfResidence; break;
            case MergeField.MigrationStatus: to.MigrationStatus = from.MigrationStatus; break;
            case MergeField.IscedLevel: to.IscedLevel = from.IscedLevel; break;
            case MergeField.EqfLevel: to.EqfLevel = from.EqfLevel; break;
            case MergeField.Notes: to.Notes = from.Notes; break;
            default: throw new ArgumentOutOfRangeException(nameof(field));
        }
    }
}

/// <summary>
/// Both records as they were just before a merge, and the survivor just after, so the merge can be undone exactly
/// (docs/adr/0023-people-merge-undo.md). Kept after an undo (marked <see cref="UndoneAt"/>): it is the record of what
/// the merge changed. Deleted with the survivor.
/// </summary>
public sealed class PersonMergeSnapshot
{
    public Guid Id { get; set; }

    public Guid SurvivorId { get; set; }

    public Guid DuplicateId { get; set; }

    public DateTimeOffset MergedAt { get; set; }

    public Guid? UserId { get; set; }

    /// <summary>JSON of <see cref="PersonState"/>.</summary>
    public required string SurvivorBefore { get; set; }

    public required string DuplicateBefore { get; set; }

    /// <summary>The survivor right after the merge: undo is refused once the survivor no longer looks like this.</summary>
    public required string SurvivorAfter { get; set; }

    public DateTimeOffset? UndoneAt { get; set; }
}

/// <summary>Everything of one record a merge can change, as stored in a <see cref="PersonMergeSnapshot"/>.</summary>
internal sealed record PersonState
{
    public required string FirstNameLatin { get; init; }

    public required string LastNameLatin { get; init; }

    public string? FirstNameArabic { get; init; }

    public string? LastNameArabic { get; init; }

    public DateOnly BirthDate { get; init; }

    public Sex Sex { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string? RegionCode { get; init; }

    public string? ProvinceCode { get; init; }

    public required string CountryOfResidence { get; init; }

    public MigrationStatus MigrationStatus { get; init; }

    public int? IscedLevel { get; init; }

    public int? EqfLevel { get; init; }

    public string? Notes { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public Guid? MergedIntoId { get; init; }

    /// <summary>"es:B2", sorted.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>The record's consent rows (ids): after an undo the survivor keeps only these.</summary>
    public IReadOnlyList<long> ConsentIds { get; init; } = [];

    /// <summary>Consent rows, counted: those a merge copies have no id until saved.</summary>
    public int ConsentCount { get; init; }

    public static PersonState Of(Person p) => new()
    {
        FirstNameLatin = p.FirstNameLatin, LastNameLatin = p.LastNameLatin, FirstNameArabic = p.FirstNameArabic,
        LastNameArabic = p.LastNameArabic, BirthDate = p.BirthDate, Sex = p.Sex, Phone = p.Phone, Email = p.Email,
        RegionCode = p.RegionCode, ProvinceCode = p.ProvinceCode, CountryOfResidence = p.CountryOfResidence,
        MigrationStatus = p.MigrationStatus, IscedLevel = p.IscedLevel, EqfLevel = p.EqfLevel, Notes = p.Notes,
        UpdatedAt = p.UpdatedAt, MergedIntoId = p.MergedIntoId,
        Languages = [.. p.Languages.Select(l => $"{l.Language}:{l.Level}").Order(StringComparer.Ordinal)],
        ConsentIds = [.. p.Consents.Where(c => c.Id != 0).Select(c => c.Id).Order()],
        ConsentCount = p.Consents.Count,
    };

    /// <summary>
    /// Whether the record still looks as it did: every field, language and the number of consent rows (only ever
    /// appended). Not <see cref="UpdatedAt"/> or the ids: those differ in precision or are unknown before saving.
    /// </summary>
    public bool SameContentAs(PersonState other) =>
        string.Equals(Json(this with { UpdatedAt = default, ConsentIds = [] }), Json(other with { UpdatedAt = default, ConsentIds = [] }), StringComparison.Ordinal);

    /// <summary>Puts the record back as this state says (languages updated in place: the index on language is unique).</summary>
    public void RestoreOnto(Person p)
    {
        p.FirstNameLatin = FirstNameLatin;
        p.LastNameLatin = LastNameLatin;
        p.FirstNameArabic = FirstNameArabic;
        p.LastNameArabic = LastNameArabic;
        p.BirthDate = BirthDate;
        p.Sex = Sex;
        p.Phone = Phone;
        p.Email = Email;
        p.RegionCode = RegionCode;
        p.ProvinceCode = ProvinceCode;
        p.CountryOfResidence = CountryOfResidence;
        p.MigrationStatus = MigrationStatus;
        p.IscedLevel = IscedLevel;
        p.EqfLevel = EqfLevel;
        p.Notes = Notes;
        p.UpdatedAt = UpdatedAt;
        p.MergedIntoId = MergedIntoId;

        var wanted = Languages.Select(l => l.Split(':')).ToDictionary(l => l[0], l => Enum.Parse<CefrLevel>(l[1]), StringComparer.Ordinal);
        foreach (var language in p.Languages.ToList())
        {
            if (wanted.TryGetValue(language.Language, out var level))
            {
                language.Level = level;
            }
            else
            {
                p.Languages.Remove(language);
            }
        }

        foreach (var (language, level) in wanted.Where(w => !p.Languages.Any(l => l.Language == w.Key)))
        {
            p.Languages.Add(new PersonLanguage { Language = language, Level = level });
        }

        p.RefreshSearchColumns();
    }

    public static string Json(PersonState state) => JsonSerializer.Serialize(state, JsonOptions);

    public static PersonState Parse(string json) => JsonSerializer.Deserialize<PersonState>(json, JsonOptions)!;

    private static readonly JsonSerializerOptions JsonOptions = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
}

internal sealed class PersonMergeSnapshotConfiguration : IEntityTypeConfiguration<PersonMergeSnapshot>
{
    public void Configure(EntityTypeBuilder<PersonMergeSnapshot> builder)
    {
        builder.ToTable("PersonMergeSnapshots");
        builder.HasIndex(s => new { s.SurvivorId, s.MergedAt });
        builder.HasIndex(s => s.DuplicateId);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.SurvivorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.DuplicateId).OnDelete(DeleteBehavior.Cascade);
    }
}
