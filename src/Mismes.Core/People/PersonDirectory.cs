using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Data;

namespace Mismes.Core.People;

/// <summary>
/// Told, inside the same unit of work, each time a consent is given or withdrawn, so another capability can record
/// what follows from it in the same SaveChanges (Placement queues a change of the candidate's matching profile).
/// Implementations only add to the DbContext; they never save.
/// </summary>
public interface IConsentObserver
{
    void ConsentRecorded(Guid personId, ConsentPurpose purpose, bool given);
}

/// <summary>
/// What other capabilities may ask the registry about people they hold ids of (docs/architecture.md: through Core
/// services only): short summaries within the caller's institution scope, and whose consent is current. Callers
/// audit their own disclosures; these reads return ids and names only, never a whole record.
/// </summary>
public sealed class PersonDirectory(AppDbContext db, ICurrentUser user)
{
    /// <summary>Summaries of the people among <paramref name="ids"/> the user may see (merged records left out).</summary>
    public async Task<IReadOnlyDictionary<Guid, PersonSummary>> SummariesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, PersonSummary>();
        }

        var list = ids.Distinct().ToList();
        return await db.Set<Person>().VisibleTo(user, p => p.InstitutionId)
            .Where(p => list.Contains(p.Id) && p.MergedIntoId == null)
            .Select(p => new PersonSummary(p.Id, p.FirstNameLatin, p.LastNameLatin, p.FirstNameArabic, p.LastNameArabic,
                p.BirthDate, p.MigrationStatus, p.RegionCode, p.CountryOfResidence, p.Phone, p.Email))
            .ToDictionaryAsync(p => p.Id, ct);
    }

    /// <summary>The institution of a person the user may see; null when missing, merged or not visible.</summary>
    public Task<Guid?> InstitutionOfAsync(Guid personId, CancellationToken ct) =>
        db.Set<Person>().VisibleTo(user, p => p.InstitutionId)
            .Where(p => p.Id == personId && p.MergedIntoId == null)
            .Select(p => (Guid?)p.InstitutionId)
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// The people whose latest consent record for <paramref name="purpose"/> gives it, among <paramref name="among"/>
    /// (every person when null). Ids only and unscoped: for the system (a matching index), never shown as such.
    /// </summary>
    public async Task<HashSet<Guid>> WithCurrentConsentAsync(ConsentPurpose purpose, IReadOnlyCollection<Guid>? among, CancellationToken ct)
    {
        var query = db.Set<ConsentRecord>().AsNoTracking().Where(c => c.Purpose == purpose);
        if (among is not null)
        {
            var list = among.Distinct().ToList();
            query = query.Where(c => list.Contains(c.PersonId));
        }

        // Streamed in order and folded here: the latest record per person decides (records are never changed).
        var current = new HashSet<Guid>();
        Guid? person = null;
        bool given = false;
        await foreach (var row in query.OrderBy(c => c.PersonId).ThenBy(c => c.At).ThenBy(c => c.Id)
            .Select(c => new { c.PersonId, c.Given }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (person is { } previous && previous != row.PersonId && given)
            {
                current.Add(previous);
            }

            person = row.PersonId;
            given = row.Given;
        }

        if (person is { } last && given)
        {
            current.Add(last);
        }

        return current;
    }

    /// <summary>Demo people (IsDemo) of the registry, oldest first: for other capabilities' demo seeders.</summary>
    public Task<List<Guid>> DemoPeopleAsync(CancellationToken ct) =>
        db.Set<Person>().Where(p => p.IsDemo && p.MergedIntoId == null).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
}
