using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Data;
using Mismes.Core.People;

namespace Mismes.TestCommon.People;

/// <summary>Beneficiaries with a record of their own, for "my record" journeys.</summary>
public static class BeneficiaryRecords
{
    /// <summary>
    /// A person of the beneficiary's institution, with long names in both scripts, two consents given (employers abroad,
    /// follow-up surveys) and one refused (partner institutions), linked to the beneficiary's account. Returns its id.
    /// </summary>
    public static async Task<Guid> AddLinkedRecordAsync(this IServiceProvider services, TestUser beneficiary, DateTimeOffset now)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var person = new Person
        {
            Id = Guid.NewGuid(),
            FirstNameLatin = "Fatima-Zahra",
            LastNameLatin = "Benabdeljalil-Elouazzani",
            FirstNameArabic = "فاطمة الزهراء",
            LastNameArabic = "بنعبد الجليل الوزاني",
            BirthDate = new DateOnly(1989, 5, 21),
            Sex = Sex.Female,
            Phone = "+212612345678",
            Email = "fatima-zahra.benabdeljalil-elouazzani@institution-partenaire.example.org",
            RegionCode = "MA-01",
            ProvinceCode = "TNG",
            CountryOfResidence = "ES",
            MigrationStatus = MigrationStatus.Abroad,
            IscedLevel = 1,
            Notes = "Campagne fraises Huelva 2026, contrat ANAPEC-TANGER-2026-000123456789-ESPAGNE-AGRICULTURE",
            InstitutionId = beneficiary.InstitutionId,
            CreatedAt = now.AddDays(-60),
            UpdatedAt = now.AddDays(-60),
        };
        person.Languages.Add(new PersonLanguage { Language = "ar", Level = CefrLevel.C2 });
        person.Languages.Add(new PersonLanguage { Language = "es", Level = CefrLevel.A2 });
        person.Events.Add(new PersonEvent { At = person.CreatedAt, Kind = PersonEventKind.Created });
        foreach (var purpose in new[] { ConsentPurpose.ShareProfileWithForeignEmployers, ConsentPurpose.FollowUpSurveys, ConsentPurpose.ShareWithPartnerInstitutions })
        {
            person.Consents.Add(new ConsentRecord
            {
                Purpose = purpose, Given = purpose != ConsentPurpose.ShareWithPartnerInstitutions, At = now.AddDays(-59),
                Channel = ConsentChannel.InPerson, NoticeVersion = 1,
            });
        }

        person.RefreshSearchColumns();
        db.Add(person);
        db.Add(new BeneficiaryAccount { UserId = beneficiary.Id, PersonId = person.Id, LinkedAt = now });
        await db.SaveChangesAsync();
        return person.Id;
    }
}
