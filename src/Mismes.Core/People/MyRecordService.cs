using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Data;

namespace Mismes.Core.People;

/// <summary>A beneficiary's own record, as their "my record" page shows it.</summary>
public sealed record MyRecord(
    Person Person,
    string? InstitutionName,
    IReadOnlyDictionary<ConsentPurpose, ConsentRecord> CurrentConsents);

/// <summary>Everything Mismes holds about a beneficiary, for the JSON download (no staff user ids: they are not the person's data).</summary>
public sealed record MyRecordExport(
    DateTimeOffset ExportedAt,
    MyRecordExport.PersonData Person,
    IReadOnlyList<MyRecordExport.LanguageData> Languages,
    IReadOnlyList<MyRecordExport.ConsentData> Consents,
    IReadOnlyList<MyRecordExport.EventData> History)
{
    public sealed record PersonData(
        Guid Id, string FirstNameLatin, string LastNameLatin, string? FirstNameArabic, string? LastNameArabic,
        DateOnly BirthDate, Sex Sex, string? Phone, string? Email, string? RegionCode, string? ProvinceCode,
        string CountryOfResidence, MigrationStatus MigrationStatus, int? IscedLevel, int? EqfLevel, string? Notes,
        string? Institution, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    public sealed record LanguageData(string Language, CefrLevel Level);

    public sealed record ConsentData(ConsentPurpose Purpose, bool Given, DateTimeOffset At, ConsentChannel Channel, int NoticeVersion);

    public sealed record EventData(DateTimeOffset At, PersonEventKind Kind, string? Details);
}

/// <summary>
/// The record of the signed-in beneficiary, found from their account (<see cref="BeneficiaryAccount"/>), never from an
/// id the request carries, so nobody can reach another person's record through it. Reads and the download are audited
/// as disclosures like any other; a withdrawal goes through <see cref="PersonService"/>, so it is recorded exactly as a
/// staff withdrawal is.
/// </summary>
public sealed class MyRecordService(AppDbContext db, ICurrentUser user, PersonService people, AuditLog audit, TimeProvider clock)
{
    /// <summary>The record, or null when the account is linked to none (the page then explains what to do).</summary>
    public async Task<MyRecord?> GetAsync(CancellationToken ct)
    {
        if (await OwnPersonIdAsync(ct) is not { } id)
        {
            return null;
        }

        var (person, institution) = await LoadAsync(id, ct);
        await audit.RecordReadAsync(PersonService.RecordType, Id(id), ct);
        return new MyRecord(person, institution, PersonService.CurrentConsents(person.Consents));
    }

    /// <summary>The record with its languages and consents, and the name of its institution.</summary>
    private async Task<(Person Person, string? InstitutionName)> LoadAsync(Guid id, CancellationToken ct)
    {
        var person = await db.Set<Person>().AsNoTracking()
            .Include(p => p.Languages)
            .Include(p => p.Consents)
            .AsSplitQuery()
            .SingleAsync(p => p.Id == id, ct);
        var institution = await db.Set<Institution>().Where(i => i.Id == person.InstitutionId).Select(i => i.Name).FirstOrDefaultAsync(ct);
        return (person, institution);
    }

    /// <summary>Withdraws one consent of the beneficiary's own record; false when the account is linked to none.</summary>
    public async Task<bool> WithdrawConsentAsync(ConsentPurpose purpose, CancellationToken ct)
    {
        if (!Enum.IsDefined(purpose) || await OwnPersonIdAsync(ct) is not { } id)
        {
            return false;
        }

        var result = await people.WithdrawOwnConsentAsync(id, purpose, ct);
        return result.Outcome == PersonOutcome.Ok;
    }

    /// <summary>All the beneficiary's data, audited as an export of their record; null when the account is linked to none.</summary>
    public async Task<MyRecordExport?> ExportAsync(CancellationToken ct)
    {
        if (await OwnPersonIdAsync(ct) is not { } id)
        {
            return null;
        }

        var (person, institution) = await LoadAsync(id, ct);
        // The history of records merged into this one is part of the person's history too.
        var historyOf = await db.Set<Person>().Where(p => p.MergedIntoId == id).Select(p => p.Id).ToListAsync(ct);
        historyOf.Add(id);
        var events = await db.Set<PersonEvent>().AsNoTracking().Where(e => historyOf.Contains(e.PersonId)).ToListAsync(ct);

        audit.Add(AuditAction.Export, PersonService.RecordType, Id(id), "own-record;json");
        await db.SaveChangesAsync(ct);
        return new MyRecordExport(
            clock.GetUtcNow(),
            new MyRecordExport.PersonData(
                person.Id, person.FirstNameLatin, person.LastNameLatin, person.FirstNameArabic, person.LastNameArabic,
                person.BirthDate, person.Sex, person.Phone, person.Email, person.RegionCode, person.ProvinceCode,
                person.CountryOfResidence, person.MigrationStatus, person.IscedLevel, person.EqfLevel, person.Notes,
                institution, person.CreatedAt, person.UpdatedAt),
            [.. person.Languages.OrderBy(l => l.Language, StringComparer.Ordinal).Select(l => new MyRecordExport.LanguageData(l.Language, l.Level))],
            [.. person.Consents.OrderBy(c => c.At).ThenBy(c => c.Id).Select(c => new MyRecordExport.ConsentData(c.Purpose, c.Given, c.At, c.Channel, c.NoticeVersion))],
            [.. events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new MyRecordExport.EventData(e.At, e.Kind, e.Details))]);
    }

    /// <summary>
    /// Links a beneficiary's account to a person record (the demo seeder; later an advisor's page). Replaces the
    /// account's previous link; refuses a person already linked to another account.
    /// </summary>
    public async Task<bool> LinkAsync(Guid userId, Guid personId, CancellationToken ct)
    {
        if (await db.Set<BeneficiaryAccount>().AnyAsync(a => a.PersonId == personId && a.UserId != userId, ct)
            || !await db.Set<Person>().AnyAsync(p => p.Id == personId, ct))
        {
            return false;
        }

        var link = await db.Set<BeneficiaryAccount>().FirstOrDefaultAsync(a => a.UserId == userId, ct);
        if (link is null)
        {
            db.Set<BeneficiaryAccount>().Add(new BeneficiaryAccount { UserId = userId, PersonId = personId, LinkedAt = clock.GetUtcNow() });
        }
        else
        {
            link.PersonId = personId;
            link.LinkedAt = clock.GetUtcNow();
        }

        audit.Add(AuditAction.Update, PersonService.RecordType, Id(personId), "beneficiary-account");
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// The signed-in beneficiary's person id: the linked record, or the record it was merged into (a merge keeps the
    /// survivor, so the beneficiary follows their record there). Only beneficiaries have one.
    /// </summary>
    /// <summary>
    /// The person the signed-in beneficiary is (following merges), for any capability's "my …" page: found from the
    /// account, never from the request. Null for anyone else, or an account linked to no record. Not audited: it
    /// discloses nothing; the page that then shows data audits its read.
    /// </summary>
    public async Task<Guid?> OwnPersonIdAsync(CancellationToken ct)
    {
        if (user.UserId is not { } userId || !user.IsInRole(Roles.Beneficiary))
        {
            return null;
        }

        var id = await db.Set<BeneficiaryAccount>().Where(a => a.UserId == userId).Select(a => (Guid?)a.PersonId).FirstOrDefaultAsync(ct);
        // A few hops at most: a record merged into one later merged again. The bound guards against a cycle.
        for (var hop = 0; id is { } current && hop < 10; hop++)
        {
            var mergedInto = await db.Set<Person>().Where(p => p.Id == current).Select(p => p.MergedIntoId).FirstOrDefaultAsync(ct);
            if (mergedInto is null)
            {
                return current;
            }

            id = mergedInto;
        }

        return null;
    }

    private static string Id(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);
}
