using System.Globalization;
using Mismes.Core.Common;
using Mismes.Core.People;

namespace Mismes.Web.People;

public sealed class LanguageInput
{
    /// <summary>ISO 639-1 code, e.g. es.</summary>
    public string? Language { get; set; }

    /// <summary>CEFR level A1..C2.</summary>
    public string? Level { get; set; }
}

/// <summary>
/// A person as typed by staff, in the API body and in the create/edit forms alike. Values stay text here so a
/// wrong date or an unknown status comes back as a field error, not as a binding failure.
/// </summary>
public sealed class PersonInput
{
    public string? FirstNameLatin { get; set; }

    public string? LastNameLatin { get; set; }

    public string? FirstNameArabic { get; set; }

    public string? LastNameArabic { get; set; }

    /// <summary>yyyy-MM-dd.</summary>
    public string? BirthDate { get; set; }

    /// <summary>Female, Male or Unspecified.</summary>
    public string? Sex { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>MA-01 .. MA-12.</summary>
    public string? RegionCode { get; set; }

    public string? ProvinceCode { get; set; }

    /// <summary>ISO 3166-1 alpha-2; MA when empty.</summary>
    public string? CountryOfResidence { get; set; }

    /// <summary>ProspectiveMigrant, Abroad or Returned.</summary>
    public string? MigrationStatus { get; set; }

    public int? IscedLevel { get; set; }

    public int? EqfLevel { get; set; }

    public List<LanguageInput> Languages { get; set; } = [];

    public string? Notes { get; set; }

    /// <summary>Create even though possible duplicates were shown ("this is a different person").</summary>
    public bool ConfirmNotDuplicate { get; set; }

    /// <summary>Only for administrators, who may register into any institution.</summary>
    public Guid? InstitutionId { get; set; }

    public static PersonInput From(Person p) => new()
    {
        FirstNameLatin = p.FirstNameLatin,
        LastNameLatin = p.LastNameLatin,
        FirstNameArabic = p.FirstNameArabic,
        LastNameArabic = p.LastNameArabic,
        BirthDate = p.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Sex = p.Sex.ToString(),
        Phone = p.Phone,
        Email = p.Email,
        RegionCode = p.RegionCode,
        ProvinceCode = p.ProvinceCode,
        CountryOfResidence = p.CountryOfResidence,
        MigrationStatus = p.MigrationStatus.ToString(),
        IscedLevel = p.IscedLevel,
        EqfLevel = p.EqfLevel,
        Languages = [.. p.Languages.OrderBy(l => l.Language, StringComparer.Ordinal).Select(l => new LanguageInput { Language = l.Language, Level = l.Level.ToString() })],
        Notes = p.Notes,
    };

    /// <summary>Parses the text values; errors are field name → resource keys, as from the Core service.</summary>
    public CreatePerson ToRequest(Dictionary<string, string[]> errors)
    {
        DateOnly? birthDate = null;
        if (!string.IsNullOrWhiteSpace(BirthDate))
        {
            if (DateOnly.TryParseExact(BirthDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                birthDate = parsed;
            }
            else
            {
                errors[nameof(BirthDate)] = [PeopleErrors.InvalidValue];
            }
        }

        var languages = new List<LanguageSkill>();
        var rows = Languages ?? [];
        if (rows.Count > PersonService.MaxLanguages)
        {
            errors[nameof(Languages)] = [TextRules.TooManyItemsError];
            rows = [];
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row is null || (string.IsNullOrWhiteSpace(row.Language) && string.IsNullOrWhiteSpace(row.Level)))
            {
                continue; // an empty row of the form
            }

            if (ParseEnum<CefrLevel>(row.Level) is { } level && !string.IsNullOrWhiteSpace(row.Language))
            {
                languages.Add(new LanguageSkill(row.Language.Trim(), level));
            }
            else
            {
                errors[string.Create(CultureInfo.InvariantCulture, $"Languages[{i}]")] = [PeopleErrors.Language];
            }
        }

        return new CreatePerson
        {
            FirstNameLatin = FirstNameLatin ?? "",
            LastNameLatin = LastNameLatin ?? "",
            FirstNameArabic = FirstNameArabic,
            LastNameArabic = LastNameArabic,
            BirthDate = birthDate,
            Sex = Parse<Sex>(Sex, nameof(Sex), errors),
            Phone = Phone,
            Email = Email,
            RegionCode = RegionCode,
            ProvinceCode = ProvinceCode,
            CountryOfResidence = CountryOfResidence,
            MigrationStatus = Parse<MigrationStatus>(MigrationStatus, nameof(MigrationStatus), errors),
            IscedLevel = IscedLevel,
            EqfLevel = EqfLevel,
            Languages = languages,
            Notes = Notes,
            ConfirmedNotDuplicate = ConfirmNotDuplicate,
            InstitutionId = InstitutionId,
        };
    }

    internal static T? ParseEnum<T>(string? value)
        where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(value) && !char.IsAsciiDigit(value.Trim()[0]) && Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : null;

    private static T? Parse<T>(string? value, string field, Dictionary<string, string[]> errors)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null; // the service reports Required
        }

        var parsed = ParseEnum<T>(value);
        if (parsed is null)
        {
            errors[field] = [PeopleErrors.InvalidValue];
        }

        return parsed;
    }
}
