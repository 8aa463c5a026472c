using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Common;
using Mismes.Core.Data;
using Mismes.Core.People;

namespace Mismes.Core.Placement.Candidates;

/// <summary>Everything a citizen answered on the self-registration pages.</summary>
public sealed record SelfRegistration
{
    /// <summary>The form's own id, made on its first page: a second submission of the same answers changes nothing.</summary>
    public required Guid RegistrationId { get; init; }
    public Guid? VacancyId { get; init; }
    public Guid InstitutionId { get; init; }
    public required string FirstNameLatin { get; init; }
    public required string LastNameLatin { get; init; }
    public string? FirstNameArabic { get; init; }
    public string? LastNameArabic { get; init; }
    public DateOnly? BirthDate { get; init; }
    public Sex? Sex { get; init; }
    public string? Phone { get; init; }
    public string? OccupationUri { get; init; }
    public int ExperienceMonths { get; init; }
    public IReadOnlyList<string> CountriesWanted { get; init; } = [];
    public bool ShareWithForeignEmployers { get; init; }
}

/// <summary>What the confirmation page says: the reference to quote and the agency that will call.</summary>
public sealed record SelfRegistrationDone(Guid PersonId, string Reference, string AgencyName);

public sealed record Agency(Guid Id, string Name);

/// <summary>
/// Citizens' self-registration (no one signed in): creates the person in the chosen agency through People (with the
/// duplicate check and the consents given) and the candidate profile, in one transaction.
/// </summary>
public sealed class SelfRegistrationService(AppDbContext db, PersonService people, CandidateService candidates, AuditLog audit, TimeProvider clock)
{
    /// <summary>ANAPEC and its agencies, by name: where a self-registered candidate is followed up.</summary>
    public async Task<IReadOnlyList<Agency>> AgenciesAsync(CancellationToken ct)
    {
        var anapec = await db.Set<Institution>().Where(i => i.Code == InstitutionCodes.Anapec).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
        var agencies = await db.Set<Institution>()
            .Where(i => i.Id == anapec || (anapec != null && i.ParentId == anapec))
            .Select(i => new Agency(i.Id, i.Name)).ToListAsync(ct);
        return [.. agencies.OrderBy(a => a.Id == anapec ? 1 : 0).ThenBy(a => a.Name, StringComparer.Ordinal)];
    }

    public static string ReferenceOf(Guid registrationId) =>
        registrationId.ToString("N", CultureInfo.InvariantCulture)[..8].ToUpperInvariant();

    public async Task<WriteResult<SelfRegistrationDone>> RegisterAsync(SelfRegistration r, CancellationToken ct)
    {
        var agencies = await AgenciesAsync(ct);
        var agency = agencies.FirstOrDefault(a => a.Id == r.InstitutionId);
        var existing = await db.Set<Candidate>().AsNoTracking().Where(c => c.RegistrationId == r.RegistrationId).Select(c => (Guid?)c.PersonId).FirstOrDefaultAsync(ct);
        if (existing is { } done)
        {
            return WriteResult<SelfRegistrationDone>.Ok(new(done, ReferenceOf(r.RegistrationId), agency?.Name ?? ""));
        }

        var profile = new CandidateProfileInput
        {
            Occupations = r.OccupationUri is null ? [] : [new OccupationExperienceInput(r.OccupationUri, r.ExperienceMonths)],
            CountriesWanted = r.CountriesWanted,
            Source = CandidateSource.SelfRegistration,
        };
        var errors = candidates.Validate(profile);
        if (agency is null)
        {
            errors.Add("InstitutionId", CandidateErrors.Required);
        }

        var person = new CreatePerson
        {
            FirstNameLatin = r.FirstNameLatin,
            LastNameLatin = r.LastNameLatin,
            FirstNameArabic = r.FirstNameArabic,
            LastNameArabic = r.LastNameArabic,
            BirthDate = r.BirthDate,
            Sex = r.Sex,
            Phone = r.Phone,
            CountryOfResidence = "MA",
            MigrationStatus = MigrationStatus.ProspectiveMigrant,
        };
        foreach (var (field, keys) in people.Validate(person))
        {
            foreach (var key in keys)
            {
                errors.Add(field, key);
            }
        }

        if (!errors.IsEmpty)
        {
            return WriteResult<SelfRegistrationDone>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        ConsentPurpose[] consents = r.ShareWithForeignEmployers ? [ConsentPurpose.ShareProfileWithForeignEmployers] : [];
        var created = await people.RegisterSelfAsync(person, agency!.Id, consents, ct);
        if (created.PersonId is not { } personId)
        {
            return WriteResult<SelfRegistrationDone>.Invalid(FieldErrors.Of("Person", CandidateErrors.Required));
        }

        var now = clock.GetUtcNow();
        var candidate = new Candidate
        {
            PersonId = personId, InstitutionId = agency.Id, Source = CandidateSource.SelfRegistration,
            RegistrationId = r.RegistrationId, AppliedVacancyId = r.VacancyId, CreatedAt = now, UpdatedAt = now,
        };
        CandidateService.Apply(candidate, profile);
        db.Set<Candidate>().Add(candidate);
        db.Set<CandidateChange>().Add(new CandidateChange { PersonId = personId, At = now });
        audit.AddFor(null, agency.Id, AuditAction.Create, CandidateService.RecordType, personId.ToString("D", CultureInfo.InvariantCulture), "selfRegistered");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return WriteResult<SelfRegistrationDone>.Ok(new(personId, ReferenceOf(r.RegistrationId), agency.Name));
    }
}
