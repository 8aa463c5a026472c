using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Data;

namespace Mismes.Core.People;

/// <summary>What waits for an advisor in the registry of their institution (administrators: every institution).</summary>
public sealed record PeopleWork(int PossibleDuplicates, int CreatedThisWeek, int ConsentsWithdrawnThisWeek);

/// <summary>
/// Counts for the People part of the staff work queue. Counts only, never names: nothing here discloses a record, so
/// nothing is audited. Every count is scoped like the registry itself (<see cref="InstitutionScope"/>).
/// </summary>
public sealed class PeopleWorkCounts(AppDbContext db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>"This week" is the last seven days, so the count does not drop to nothing every Monday.</summary>
    public static readonly TimeSpan Recent = TimeSpan.FromDays(7);

    public async Task<PeopleWork> CountAsync(CancellationToken ct)
    {
        var since = clock.GetUtcNow() - Recent;
        var visible = db.Set<Person>().VisibleTo(user, p => p.InstitutionId).Where(p => p.MergedIntoId == null);
        var created = await visible.CountAsync(p => p.CreatedAt >= since, ct);
        var withdrawn = await db.Set<ConsentRecord>()
            .Where(c => !c.Given && c.At >= since && visible.Any(p => p.Id == c.PersonId))
            .Select(c => c.PersonId).Distinct().CountAsync(ct);
        return new PeopleWork(await PossibleDuplicatesAsync(visible, ct), created, withdrawn);
    }

    /// <summary>
    /// Pairs of records of the same scope that <see cref="DuplicateRule"/> would flag, not yet merged. Records are
    /// compared only within blocks that can match (the same or swapped birth date, the same phone or e-mail, the same
    /// birth year and family-name key), so the cost grows with the blocks, not with the square of the registry.
    /// A record whose creator saw the candidates and confirmed it is not a duplicate is not counted again.
    /// </summary>
    private async Task<int> PossibleDuplicatesAsync(IQueryable<Person> visible, CancellationToken ct)
    {
        var confirmed = db.Set<PersonEvent>()
            .Where(e => e.Kind == PersonEventKind.Created && e.Details == "confirmedNotDuplicate")
            .Select(e => e.PersonId);
        var rows = await visible
            .Select(p => new Row(p.Id, p.CreatedAt, confirmed.Contains(p.Id), new PersonIdentity(
                p.FirstNameLatin, p.LastNameLatin, p.FirstNameArabic, p.LastNameArabic, p.BirthDate, p.Phone, p.Email)))
            .ToListAsync(ct);

        var blocks = new Dictionary<string, List<Row>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            foreach (var key in BlockKeys(row.Identity))
            {
                if (!blocks.TryGetValue(key, out var block))
                {
                    blocks[key] = block = [];
                }

                block.Add(row);
            }
        }

        var pairs = new HashSet<(Guid, Guid)>();
        foreach (var block in blocks.Values.Where(b => b.Count > 1))
        {
            for (var i = 0; i < block.Count; i++)
            {
                for (var j = i + 1; j < block.Count; j++)
                {
                    var (older, newer) = block[i].CreatedAt <= block[j].CreatedAt ? (block[i], block[j]) : (block[j], block[i]);
                    var pair = older.Id.CompareTo(newer.Id) < 0 ? (older.Id, newer.Id) : (newer.Id, older.Id);
                    if (!newer.ConfirmedNotDuplicate && !pairs.Contains(pair) && DuplicateRule.Compare(newer.Identity, older.Identity) is not null)
                    {
                        pairs.Add(pair);
                    }
                }
            }
        }

        return pairs.Count;
    }

    private static IEnumerable<string> BlockKeys(PersonIdentity p)
    {
        if (p.BirthDate is { } date)
        {
            // The same date and a day/month swap fall in one block: the smaller of day and month first.
            yield return string.Create(CultureInfo.InvariantCulture, $"d:{date.Year}-{Math.Min(date.Month, date.Day)}-{Math.Max(date.Month, date.Day)}");
            foreach (var key in NameKey.TokenKeys(p.LastNameLatin).Concat(NameKey.TokenKeys(p.LastNameArabic)))
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"y:{date.Year}:{key}");
            }
        }

        if (p.Phone is { Length: > 0 } phone)
        {
            yield return "p:" + phone;
        }

        if (p.Email is { Length: > 0 } email)
        {
            yield return "e:" + email;
        }
    }

    private sealed record Row(Guid Id, DateTimeOffset CreatedAt, bool ConfirmedNotDuplicate, PersonIdentity Identity);
}
