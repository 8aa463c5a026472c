namespace Mismes.Core.People;
using Mismes.Core.Common;

public sealed record LanguageSkill(string Language, CefrLevel Level);

/// <summary>Everything staff enter about a person; used for create and update.</summary>
public record PersonFields
{
    public required string FirstNameLatin { get; init; }

    public required string LastNameLatin { get; init; }

    public string? FirstNameArabic { get; init; }

    public string? LastNameArabic { get; init; }

    public DateOnly? BirthDate { get; init; }

    public Sex? Sex { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string? RegionCode { get; init; }

    public string? ProvinceCode { get; init; }

    public string? CountryOfResidence { get; init; }

    public MigrationStatus? MigrationStatus { get; init; }

    public int? IscedLevel { get; init; }

    public int? EqfLevel { get; init; }

    public IReadOnlyList<LanguageSkill> Languages { get; init; } = [];

    public string? Notes { get; init; }
}

public sealed record CreatePerson : PersonFields
{
    /// <summary>Staff looked at the possible duplicates and confirmed this is a different person.</summary>
    public bool ConfirmedNotDuplicate { get; init; }

    /// <summary>Only for users who see all institutions; others always register into their own.</summary>
    public Guid? InstitutionId { get; init; }

    public bool IsDemo { get; init; }
}

public enum DuplicateReason
{
    SimilarNameSameBirthDate,
    SamePhone,
    SameEmail,
    SimilarNameSwappedBirthDate,
    SimilarNameSameBirthYear,
}

/// <summary>
/// A record that may be the same person. For a record of another institution the user cannot see, only the fact
/// is told: <see cref="PersonId"/> and <see cref="DisplayName"/> are null.
/// </summary>
public sealed record DuplicateCandidate(
    Guid? PersonId,
    string? DisplayName,
    DateOnly? BirthDate,
    IReadOnlyList<DuplicateReason> Reasons,
    double NameSimilarity,
    bool InOtherInstitution);

public enum PersonOutcome
{
    Ok,
    Invalid,
    PossibleDuplicates,
    NotFound,
}

public sealed class PersonWriteResult
{
    public PersonOutcome Outcome { get; private init; }

    public Person? Person { get; private init; }

    /// <summary>The person's id when the write succeeded: what other capabilities keep (they never hold the entity).</summary>
    public Guid? PersonId => Person?.Id;

    /// <summary>Field name → resource keys of the messages (the web layer translates them).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; private init; } = new Dictionary<string, string[]>();

    public IReadOnlyList<DuplicateCandidate> Duplicates { get; private init; } = [];

    public static PersonWriteResult Ok(Person person) => new() { Outcome = PersonOutcome.Ok, Person = person };

    public static PersonWriteResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new() { Outcome = PersonOutcome.Invalid, Errors = errors };

    public static PersonWriteResult Invalid(string field, string key) => Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [key] });

    public static PersonWriteResult PossibleDuplicates(IReadOnlyList<DuplicateCandidate> candidates) =>
        new() { Outcome = PersonOutcome.PossibleDuplicates, Duplicates = candidates };

    public static PersonWriteResult NotFound() => new() { Outcome = PersonOutcome.NotFound };
}

public sealed record PersonSearch
{
    /// <summary>Name in either script (transliteration variants match), phone or e-mail.</summary>
    public string? Text { get; init; }

    public MigrationStatus? Status { get; init; }

    public string? RegionCode { get; init; }

    public PageRequest Paging { get; init; } = new();
}

public sealed record PersonSummary(
    Guid Id,
    string FirstNameLatin,
    string LastNameLatin,
    string? FirstNameArabic,
    string? LastNameArabic,
    DateOnly BirthDate,
    MigrationStatus MigrationStatus,
    string? RegionCode,
    string CountryOfResidence,
    string? Phone,
    string? Email);

/// <summary>A person as shown on the detail page: the record, its current consents and its whole history.</summary>
public sealed record PersonRecord(
    Person Person,
    IReadOnlyDictionary<ConsentPurpose, ConsentRecord> CurrentConsents,
    IReadOnlyList<PersonEvent> History,
    IReadOnlyList<Guid> MergedFrom);

/// <summary>Resource keys of validation messages (translated in the web layer).</summary>
public static class PeopleErrors
{
    public const string Required = "People.Error.Required";
    public const string TooLong = "People.Error.TooLong";
    public const string ArabicScript = "People.Error.ArabicScript";
    public const string LatinScript = "People.Error.LatinScript";
    public const string BirthDateFuture = "People.Error.BirthDateFuture";
    public const string BirthDateTooOld = "People.Error.BirthDateTooOld";
    public const string Phone = "People.Error.Phone";
    public const string Email = "People.Error.Email";
    public const string Region = "People.Error.Region";
    public const string Province = "People.Error.Province";
    public const string Country = "People.Error.Country";
    public const string Isced = "People.Error.Isced";
    public const string Eqf = "People.Error.Eqf";
    public const string Language = "People.Error.Language";
    public const string LanguageTwice = "People.Error.LanguageTwice";
    public const string Institution = "People.Error.Institution";
    public const string MergeSame = "People.Error.MergeSame";
    public const string MergeAlreadyMerged = "People.Error.MergeAlreadyMerged";
    public const string NoticeVersion = "People.Error.NoticeVersion";
    public const string InvalidValue = "People.Error.InvalidValue";

    public static IReadOnlyList<string> All { get; } =
    [
        Required, TooLong, ArabicScript, LatinScript, BirthDateFuture, BirthDateTooOld, Phone, Email, Region, Province,
        Country, Isced, Eqf, Language, LanguageTwice, Institution, MergeSame, MergeAlreadyMerged, NoticeVersion, InvalidValue,
    ];
}
