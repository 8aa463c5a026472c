using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Mismes.Core.Administration;
using Mismes.Core.Common;
using Mismes.Core.Data;

namespace Mismes.Core.People;

/// <summary>
/// Merging a duplicate record into the one that survives, with a choice per conflicting field, and undoing the last
/// merge (docs/adr/0023-people-merge-undo.md). Staff see and merge only their institution's people; another
/// institution's record is "not found", as everywhere in People. Each record shown for comparison is an audited read;
/// each merge and undo is audited and written in the survivor's history, the discarded values included.
/// </summary>
public sealed class PersonMergeService(AppDbContext db, ICurrentUser user, AuditLog audit, TimeProvider clock, ILogger<PersonMergeService> logger)
{
    /// <summary>Room left in a history line (<see cref="PersonEvent.Details"/>, 1,000 characters) for a discarded value.</summary>
    private const int MaxDiscardedValue = 800;

    private IQueryable<Person> Visible() => db.Set<Person>().VisibleTo(user, p => p.InstitutionId);

    /// <summary>Both records side by side; null when either is missing, not visible, already merged, or they are the same.</summary>
    public async Task<MergeComparison?> CompareAsync(Guid id, Guid otherId, CancellationToken ct)
    {
        if (id == otherId)
        {
            return null;
        }

        var (a, b) = await LoadPairAsync(id, otherId, "merge-compare", ct);
        if (a is null || b is null || a.MergedIntoId is not null || b.MergedIntoId is not null)
        {
            return null;
        }

        // Showing a record in full is a disclosure, like opening its page.
        audit.Add(AuditAction.Read, PersonService.RecordType, Id(a.Id), "merge-compare");
        audit.Add(AuditAction.Read, PersonService.RecordType, Id(b.Id), "merge-compare");
        await db.SaveChangesAsync(ct);
        return new MergeComparison(a, b, [.. MergeFields.All.Where(f => MergeFields.Conflicts(a, b, f))]);
    }

    public async Task<WriteResult<Person>> MergeAsync(MergePeople request, CancellationToken ct)
    {
        if (request.SurvivorId == request.DuplicateId)
        {
            return WriteResult<Person>.Invalid("DuplicateId", PeopleErrors.MergeSame);
        }

        var (survivor, duplicate) = await LoadPairAsync(request.SurvivorId, request.DuplicateId, "merge", ct);
        if (survivor is null || duplicate is null)
        {
            return WriteResult<Person>.NotFound();
        }

        if (survivor.MergedIntoId is not null || duplicate.MergedIntoId is not null)
        {
            return WriteResult<Person>.Invalid("DuplicateId", PeopleErrors.MergeAlreadyMerged);
        }

        var errors = new FieldErrors();
        foreach (var field in MergeFields.All.Where(f => MergeFields.Conflicts(survivor, duplicate, f)))
        {
            if (!request.Keep.TryGetValue(field, out var keep) || !Enum.IsDefined(keep))
            {
                errors.Add(field.ToString(), PersonMergeErrors.ChoiceRequired);
            }
        }

        if (!errors.IsEmpty)
        {
            return WriteResult<Person>.Invalid(errors);
        }

        var survivorBefore = PersonState.Of(survivor);
        var duplicateBefore = PersonState.Of(duplicate);
        var filled = new List<string>();
        var taken = new List<string>();
        var discarded = new List<(MergeField Field, bool OfThisRecord, string Value)>();
        foreach (var field in MergeFields.All)
        {
            var own = MergeFields.Value(survivor, field);
            var theirs = MergeFields.Value(duplicate, field);
            if (theirs is null || string.Equals(own, theirs, StringComparison.Ordinal))
            {
                continue;
            }

            if (own is null)
            {
                MergeFields.Copy(duplicate, survivor, field);
                filled.Add(field.ToString());
            }
            else if (request.Keep[field] == MergeKeep.Duplicate)
            {
                MergeFields.Copy(duplicate, survivor, field);
                taken.Add(field.ToString());
                discarded.Add((field, true, own));
            }
            else
            {
                discarded.Add((field, false, theirs));
            }
        }

        if (UniteLanguages(survivor, duplicate))
        {
            filled.Add(nameof(Person.Languages));
        }

        // Consent records are copied, not moved: the duplicate's own history stays whole, and the survivor's
        // current consent per purpose is the latest expressed in either record.
        foreach (var consent in duplicate.Consents)
        {
            survivor.Consents.Add(new ConsentRecord
            {
                Purpose = consent.Purpose, Given = consent.Given, At = consent.At, Channel = consent.Channel,
                NoticeVersion = consent.NoticeVersion, UserId = consent.UserId,
            });
        }

        var now = clock.GetUtcNow();
        duplicate.MergedIntoId = survivor.Id;
        duplicate.UpdatedAt = now;
        survivor.UpdatedAt = now;
        survivor.RefreshSearchColumns();

        var from = $"from:{Id(duplicate.Id)}";
        var summary = $"{from};filled:{string.Join(',', filled)};taken:{string.Join(',', taken)}";
        AddEvent(survivor.Id, PersonEventKind.Merged, summary);
        foreach (var (field, ofThisRecord, value) in discarded)
        {
            // The value itself is the point of this line: it is the record's own data, shown only with the record.
            var kept = value.Length > MaxDiscardedValue ? value[..MaxDiscardedValue] + "…" : value;
            AddEvent(survivor.Id, PersonEventKind.MergeDiscarded, $"{field};{from};of:{(ofThisRecord ? "this" : "merged")};value:{kept}");
        }

        AddEvent(duplicate.Id, PersonEventKind.MergedInto, $"into:{Id(survivor.Id)}");

        // The audit trail names the fields only: its readers need not see the values.
        audit.Add(AuditAction.Merge, PersonService.RecordType, Id(survivor.Id), $"{summary};discarded:{string.Join(',', discarded.Select(d => d.Field))}");
        audit.Add(AuditAction.Merge, PersonService.RecordType, Id(duplicate.Id), $"into:{Id(survivor.Id)}");

        db.Set<PersonMergeSnapshot>().Add(new PersonMergeSnapshot
        {
            Id = Guid.CreateVersion7(now),
            SurvivorId = survivor.Id,
            DuplicateId = duplicate.Id,
            MergedAt = now,
            UserId = user.UserId,
            SurvivorBefore = PersonState.Json(survivorBefore),
            DuplicateBefore = PersonState.Json(duplicateBefore),
            SurvivorAfter = PersonState.Json(PersonState.Of(survivor)),
        });
        await db.SaveChangesAsync(ct);
        return WriteResult<Person>.Ok(survivor);
    }

    /// <summary>The latest merge into the record that has not been undone; null when none (or the record is not visible).</summary>
    public async Task<LastMerge?> LastMergeAsync(Guid survivorId, CancellationToken ct)
    {
        var survivor = await LoadWithCollectionsAsync(Visible(), survivorId, ct);
        if (survivor is null || survivor.MergedIntoId is not null)
        {
            return null;
        }

        var snapshot = await LatestSnapshotAsync(survivorId, ct);
        return snapshot is null ? null : new LastMerge(snapshot.Id, snapshot.DuplicateId, snapshot.MergedAt, Unchanged(survivor, snapshot));
    }

    /// <summary>
    /// Puts both records back as they were just before the latest merge into <paramref name="survivorId"/>: the
    /// survivor's fields, languages and consents, and the duplicate visible again. Refused (Conflict) when there is
    /// no merge to undo, or the survivor has changed since (an edit, a consent, another merge): undoing then would
    /// silently lose that change. Earlier merges can be undone in turn, latest first.
    /// </summary>
    public async Task<WriteResult<Person>> UndoLastMergeAsync(Guid survivorId, CancellationToken ct)
    {
        var survivor = await LoadWithCollectionsAsync(Visible(), survivorId, ct);
        if (survivor is null)
        {
            await NoteIfOtherInstitutionAsync(survivorId, "merge-undo", ct);
            return WriteResult<Person>.NotFound();
        }

        var snapshot = survivor.MergedIntoId is null ? await LatestSnapshotAsync(survivorId, ct) : null;
        if (snapshot is null)
        {
            return WriteResult<Person>.Conflict(PersonMergeErrors.NothingToUndo);
        }

        if (!Unchanged(survivor, snapshot))
        {
            return WriteResult<Person>.Conflict(PersonMergeErrors.EditedSinceMerge);
        }

        // The duplicate was visible to whoever merged it; undoing only puts it back, it shows nothing of it.
        var duplicate = await LoadWithCollectionsAsync(db.Set<Person>(), snapshot.DuplicateId, ct);
        if (duplicate is null || duplicate.MergedIntoId != survivor.Id)
        {
            return WriteResult<Person>.Conflict(PersonMergeErrors.NothingToUndo);
        }

        var survivorBefore = PersonState.Parse(snapshot.SurvivorBefore);
        survivorBefore.RestoreOnto(survivor);
        foreach (var copy in survivor.Consents.Where(c => !survivorBefore.ConsentIds.Contains(c.Id)).ToList())
        {
            survivor.Consents.Remove(copy);
            db.Remove(copy);
        }

        PersonState.Parse(snapshot.DuplicateBefore).RestoreOnto(duplicate);
        snapshot.UndoneAt = clock.GetUtcNow();

        AddEvent(survivor.Id, PersonEventKind.MergeUndone, $"from:{Id(duplicate.Id)}");
        AddEvent(duplicate.Id, PersonEventKind.MergeUndone, $"into:{Id(survivor.Id)}");
        audit.Add(AuditAction.MergeUndone, PersonService.RecordType, Id(survivor.Id), $"from:{Id(duplicate.Id)}");
        audit.Add(AuditAction.MergeUndone, PersonService.RecordType, Id(duplicate.Id), $"into:{Id(survivor.Id)}");
        await db.SaveChangesAsync(ct);
        return WriteResult<Person>.Ok(survivor);
    }

    /// <summary>The survivor still is as the merge left it: same time stamp (set by the merge) and same content.</summary>
    private static bool Unchanged(Person survivor, PersonMergeSnapshot snapshot) =>
        survivor.UpdatedAt == snapshot.MergedAt && PersonState.Of(survivor).SameContentAs(PersonState.Parse(snapshot.SurvivorAfter));

    private async Task<PersonMergeSnapshot?> LatestSnapshotAsync(Guid survivorId, CancellationToken ct)
    {
        // Ordered here, not in SQL: SQLite cannot order by a DateTimeOffset; a record has few merges.
        var open = await db.Set<PersonMergeSnapshot>().Where(s => s.SurvivorId == survivorId && s.UndoneAt == null).ToListAsync(ct);
        return open.OrderByDescending(s => s.MergedAt).FirstOrDefault();
    }

    private async Task<(Person? First, Person? Second)> LoadPairAsync(Guid first, Guid second, string operation, CancellationToken ct)
    {
        var people = await Visible()
            .Where(p => p.Id == first || p.Id == second)
            .Include(p => p.Languages).Include(p => p.Consents)
            .AsSplitQuery()
            .ToListAsync(ct);
        var a = people.FirstOrDefault(p => p.Id == first);
        var b = people.FirstOrDefault(p => p.Id == second);
        foreach (var (missing, id) in new[] { (a is null, first), (b is null, second) })
        {
            if (missing)
            {
                await NoteIfOtherInstitutionAsync(id, operation, ct);
            }
        }

        return (a, b);
    }

    private static Task<Person?> LoadWithCollectionsAsync(IQueryable<Person> people, Guid id, CancellationToken ct) =>
        people.Include(p => p.Languages).Include(p => p.Consents).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>The union of both records' languages, the higher level winning; true when the survivor changed.</summary>
    private static bool UniteLanguages(Person survivor, Person duplicate)
    {
        var changed = false;
        foreach (var language in duplicate.Languages)
        {
            var existing = survivor.Languages.FirstOrDefault(l => l.Language == language.Language);
            if (existing is null)
            {
                survivor.Languages.Add(new PersonLanguage { Language = language.Language, Level = language.Level });
                changed = true;
            }
            else if (language.Level > existing.Level)
            {
                existing.Level = language.Level;
                changed = true;
            }
        }

        return changed;
    }

    private void AddEvent(Guid personId, PersonEventKind kind, string details) =>
        db.Set<PersonEvent>().Add(PersonEvent.By(user, clock.GetUtcNow(), personId, kind, details));

    /// <summary>A record that exists but is not the user's to see is answered "not found", and logged as a security event.</summary>
    private async Task NoteIfOtherInstitutionAsync(Guid id, string operation, CancellationToken ct)
    {
        if (await db.Set<Person>().AnyAsync(p => p.Id == id, ct) && !await Visible().AnyAsync(p => p.Id == id, ct))
        {
            SecurityEvents.OtherInstitutionRecord(logger, PersonService.RecordType, operation, user.UserId, user.InstitutionId, user.ClientAddress);
        }
    }

    private static string Id(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);
}
