using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Common;
using Mismes.Core.Data;
using Mismes.Core.Evaluation;
using Mismes.Core.People;
using Mismes.Core.Placement.Matching;
using Mismes.Core.Placement.Vacancies;
using CefrLevel = Mismes.Matching.CefrLevel;

namespace Mismes.Core.Placement.Shortlists;

public static class ShortlistErrors
{
    public const string Status = "Placement.Shortlist.Error.Status";
    public const string Transition = "Placement.Shortlist.Error.Transition";
    public const string ReasonRequired = "Placement.Shortlist.Error.ReasonRequired";
    public const string TooLong = "Placement.Shortlist.Error.TooLong";
    public const string NoConsent = "Placement.Shortlist.Error.NoConsent";
    public const string NotRanked = "Placement.Shortlist.Error.NotRanked";
    public const string NothingPreSelected = "Placement.Shortlist.Error.NothingPreSelected";
}

/// <summary>Outcome kinds Placement records for shortlists (labels <c>Placement.Outcome.&lt;what&gt;</c>).</summary>
public static class ShortlistOutcomes
{
    public const string Shortlisted = "placement.shortlisted";
    public const string Hired = "placement.hired";
    public const string Departed = "placement.departed";
    public const string Returned = "placement.returned";
}

public sealed record ShortlistEntryView(
    Guid Id, Guid VacancyId, long CandidateId, Guid PersonId, float Score, ShortlistStatus Status,
    DateTimeOffset StatusAt, Guid? StatusBy, string? Reason, IReadOnlyList<ShortlistStatusChange> History);

/// <summary>
/// One entry of a shortlist as its reader may see it: the name (null when the person is another institution's), the
/// contact details only for an employer once hired, and why the candidate ranks as they do now (null when a filter
/// now leaves them out).
/// </summary>
public sealed record ShortlistCandidateView(
    ShortlistEntryView Entry, string? Name, string? NameArabic, string? Phone, string? Email, RankedCandidate? Explanation);

/// <summary>A ranked candidate not yet on the shortlist (name null when the person is another institution's).</summary>
public sealed record RankedCandidateView(RankedCandidate Candidate, string? Name, string? NameArabic);

/// <summary>
/// What the shortlist page shows: the filters the ranking used, the shortlist, and (advisors only) the ranked
/// candidates not on it yet. <see cref="RankingErrors"/> says why no ranking could be made (e.g. no ESCO occupation yet).
/// </summary>
public sealed record ShortlistBoard(
    CandidateQuery Query, IReadOnlyList<ShortlistCandidateView> Entries, IReadOnlyList<RankedCandidateView> Ranked,
    int RankableCandidates, FieldErrors RankingErrors, bool EmployerView);

/// <summary>
/// Shortlists and pre-selection (ADR 0036): the matching index proposes candidates for a vacancy, an advisor
/// pre-selects and sends them; every status carries its time and who set it. Only candidates whose consent to share
/// their profile with foreign employers is current can be put on a shortlist. Writes add the outcome events and the
/// audit entries to the same SaveChanges.
/// </summary>
public sealed class ShortlistService(
    AppDbContext db, ICurrentUser user, AuditLog audit, TimeProvider clock, CandidateIndex index,
    VacancyService vacancies, OutcomeRecorder outcomes, PersonDirectory directory)
{
    public const string RecordType = "ShortlistEntry";
    public const int MaxReasonLength = 500;
    public const int DefaultK = 50;

    /// <summary>Statuses a shortlist is still open in (a withdrawn consent takes the candidate off these).</summary>
    public static readonly IReadOnlySet<ShortlistStatus> OpenStatuses = new HashSet<ShortlistStatus>
    {
        ShortlistStatus.Proposed, ShortlistStatus.PreSelected, ShortlistStatus.SentToEmployer, ShortlistStatus.Interviewed,
    };

    /// <summary>Statuses an employer's users may see: only candidates sent to them, and what followed.</summary>
    public static readonly IReadOnlySet<ShortlistStatus> SentStatuses = new HashSet<ShortlistStatus>
    {
        ShortlistStatus.SentToEmployer, ShortlistStatus.Interviewed, ShortlistStatus.Hired,
        ShortlistStatus.NotRetained, ShortlistStatus.Departed, ShortlistStatus.Returned,
    };

    private static readonly Dictionary<ShortlistStatus, ShortlistStatus[]> Allowed = new()
    {
        [ShortlistStatus.Proposed] = [ShortlistStatus.PreSelected, ShortlistStatus.NotRetained],
        [ShortlistStatus.PreSelected] = [ShortlistStatus.Proposed, ShortlistStatus.SentToEmployer, ShortlistStatus.NotRetained],
        [ShortlistStatus.SentToEmployer] = [ShortlistStatus.Interviewed, ShortlistStatus.Hired, ShortlistStatus.NotRetained],
        [ShortlistStatus.Interviewed] = [ShortlistStatus.Hired, ShortlistStatus.NotRetained],
        [ShortlistStatus.Hired] = [ShortlistStatus.Departed, ShortlistStatus.NotRetained],
        [ShortlistStatus.Departed] = [ShortlistStatus.Returned],
    };

    public static bool CanMove(ShortlistStatus from, ShortlistStatus to) =>
        Allowed.TryGetValue(from, out var next) && next.Contains(to);

    /// <summary>
    /// The statuses a person may set next from <paramref name="from"/> (sending goes through <see cref="SendAsync"/>);
    /// an employer only reports interviews, hiring and "not retained".
    /// </summary>
    public static IReadOnlyList<ShortlistStatus> NextStatuses(ShortlistStatus from, bool employer) =>
        Allowed.TryGetValue(from, out var next)
            ? [.. next.Where(s => s != ShortlistStatus.SentToEmployer
                && (!employer || s is ShortlistStatus.Interviewed or ShortlistStatus.Hired or ShortlistStatus.NotRetained))]
            : [];

    private bool IsEmployerUser => user.IsInRole(Roles.Employer) && !InstitutionScope.SeesAllInstitutions(user);

    /// <summary>The entries the caller may see: staff their institution's; employers only what was sent to them.</summary>
    private IQueryable<ShortlistEntry> Visible()
    {
        var query = db.Set<ShortlistEntry>().AsQueryable();
        if (InstitutionScope.SeesAllInstitutions(user))
        {
            return query;
        }

        if (user.InstitutionId is not { } own)
        {
            return query.Where(_ => false);
        }

        if (IsEmployerUser)
        {
            var sent = SentStatuses.ToList();
            return query.Where(e => e.EmployerInstitutionId == own && sent.Contains(e.Status));
        }

        return query.Where(e => e.InstitutionId == own);
    }

    /// <summary>The vacancy's requirements as a ranking query (the filters shown to the advisor); null when not visible.</summary>
    public async Task<CandidateQuery?> QueryForAsync(Guid vacancyId, CancellationToken ct)
    {
        var r = await vacancies.RequirementsAsync(vacancyId, ct);
        return r is null
            ? null
            : new CandidateQuery
            {
                OccupationUri = r.OccupationUri,
                EssentialSkillUris = r.EssentialSkillUris,
                OptionalSkillUris = r.OptionalSkillUris,
                Languages = [.. r.Languages.Select(l => new LanguageMinimum(l.Language, (CefrLevel)(int)l.MinimumLevel))],
                MinimumEqfLevel = r.MinimumEqfLevel,
                MinimumExperienceMonths = r.MinimumExperienceMonths,
                Country = r.Country,
                StartDate = r.StartDate,
                EndDate = r.EndDate,
            };
    }

    /// <summary>Candidates ranked for the vacancy with explanations and skill gaps; NotFound when the vacancy is not visible or the caller is an employer.</summary>
    public async Task<WriteResult<CandidateRanking>> RankAsync(Guid vacancyId, int k, CancellationToken ct)
    {
        if (IsEmployerUser || await QueryForAsync(vacancyId, ct) is not { } query)
        {
            return WriteResult<CandidateRanking>.NotFound();
        }

        return await index.RankAsync(query, k, ct);
    }

    /// <summary>The vacancy's shortlist as the caller may see it, best score first.</summary>
    public async Task<IReadOnlyList<ShortlistEntryView>> ListAsync(Guid vacancyId, CancellationToken ct)
    {
        var entries = await Visible().AsNoTracking().Include(e => e.History)
            .Where(e => e.VacancyId == vacancyId).ToListAsync(ct);
        return [.. entries.OrderByDescending(e => e.Score).ThenBy(e => e.CandidateId).Select(ToView)];
    }

    /// <summary>
    /// The shortlist page's content for a vacancy; null when the vacancy is not visible. Advisors get the ranking
    /// (best <paramref name="k"/>, those already on the shortlist left out) and the names of their institution's
    /// people; an employer gets only the entries sent to it, names always, phone and e-mail once hired (ADR 0036).
    /// The disclosure is audited (one entry per page shown).
    /// </summary>
    public async Task<ShortlistBoard?> BoardAsync(Guid vacancyId, int k, CancellationToken ct)
    {
        if (await QueryForAsync(vacancyId, ct) is not { } query)
        {
            return null;
        }

        var entries = await ListAsync(vacancyId, ct);
        var employer = IsEmployerUser;
        var rankingErrors = new FieldErrors();
        IReadOnlyList<RankedCandidate> ranked = [];
        var rankable = 0;
        if (!employer)
        {
            var ranking = await index.RankAsync(query, k, ct);
            if (ranking.Succeeded)
            {
                var onList = entries.Select(e => e.CandidateId).ToHashSet();
                ranked = [.. ranking.Value!.Candidates.Where(c => !onList.Contains(c.CandidateId))];
                rankable = ranking.Value.RankableCandidates;
            }
            else
            {
                rankingErrors = ranking.Errors;
            }
        }

        // An employer sees people of another institution, but only those sent to it (Visible() already keeps only
        // those): read their names with the system's scope, never the whole record.
        var people = employer ? new PersonDirectory(db, new SystemUser()) : directory;
        var names = await people.SummariesAsync([.. entries.Select(e => e.PersonId), .. ranked.Select(r => r.PersonId)], ct);
        var rows = new List<ShortlistCandidateView>();
        foreach (var e in entries)
        {
            var explained = await index.ExplainAsync(query, e.CandidateId, ct);
            var p = names.GetValueOrDefault(e.PersonId);
            var contact = !employer || e.Status is ShortlistStatus.Hired or ShortlistStatus.Departed or ShortlistStatus.Returned;
            rows.Add(new ShortlistCandidateView(
                e, p is null ? null : p.FirstNameLatin + " " + p.LastNameLatin,
                p?.FirstNameArabic is null ? null : p.FirstNameArabic + " " + p.LastNameArabic,
                contact && employer ? p?.Phone : null, contact && employer ? p?.Email : null,
                explained.Succeeded ? explained.Value!.Ranked : null));
        }

        var rankedRows = ranked.Select(r =>
        {
            var p = names.GetValueOrDefault(r.PersonId);
            return new RankedCandidateView(r, p is null ? null : p.FirstNameLatin + " " + p.LastNameLatin,
                p?.FirstNameArabic is null ? null : p.FirstNameArabic + " " + p.LastNameArabic);
        }).ToList();

        audit.Add(AuditAction.Read, RecordType, vacancyId.ToString(),
            string.Create(CultureInfo.InvariantCulture, $"shortlist:{rows.Count};ranked:{rankedRows.Count};employer:{employer}"));
        await db.SaveChangesAsync(ct);
        return new ShortlistBoard(query, rows, rankedRows, rankable, rankingErrors, employer);
    }

    /// <summary>Every shortlist entry of one person (her own applications page); not scoped: the caller checks it is her.</summary>
    public async Task<IReadOnlyList<ShortlistEntryView>> OfPersonAsync(Guid personId, CancellationToken ct)
    {
        var entries = await db.Set<ShortlistEntry>().AsNoTracking().Include(e => e.History)
            .Where(e => e.PersonId == personId).ToListAsync(ct);
        return [.. entries.OrderByDescending(e => e.CreatedAt).ThenBy(e => e.Id).Select(ToView)];
    }

    /// <summary>
    /// Puts ranked candidates on the vacancy's shortlist as "proposed" (those already on it are left as they are).
    /// Each must be rankable for the vacancy now and have a current consent to share the profile with foreign employers.
    /// </summary>
    public Task<WriteResult<int>> ProposeAsync(Guid vacancyId, IReadOnlyCollection<long> candidateIds, CancellationToken ct) =>
        ProposeAsync(vacancyId, candidateIds, preSelect: false, ct);

    /// <summary>As <see cref="ProposeAsync(Guid, IReadOnlyCollection{long}, CancellationToken)"/>; with <paramref name="preSelect"/> the advisor also pre-selects them (two history rows).</summary>
    public async Task<WriteResult<int>> ProposeAsync(Guid vacancyId, IReadOnlyCollection<long> candidateIds, bool preSelect, CancellationToken ct)
    {
        var vacancy = await VacancyAsync(vacancyId, ct);
        if (vacancy is null || IsEmployerUser || await QueryForAsync(vacancyId, ct) is not { } query)
        {
            return WriteResult<int>.NotFound();
        }

        var existing = await db.Set<ShortlistEntry>().Where(e => e.VacancyId == vacancyId && candidateIds.Contains(e.CandidateId))
            .Select(e => e.CandidateId).ToListAsync(ct);
        var wanted = candidateIds.Distinct().Except(existing).ToList();
        var ranked = new List<RankedCandidate>();
        foreach (var id in wanted)
        {
            var explained = await index.ExplainAsync(query, id, ct);
            if (!explained.Succeeded)
            {
                return WriteResult<int>.Invalid(explained.Errors);
            }

            if (explained.Value!.Ranked is not { } r)
            {
                return WriteResult<int>.Invalid("CandidateIds", ShortlistErrors.NotRanked);
            }

            ranked.Add(r);
        }

        var consenting = await directory.WithCurrentConsentAsync(ConsentPurpose.ShareProfileWithForeignEmployers, [.. ranked.Select(r => r.PersonId)], ct);
        if (ranked.Any(r => !consenting.Contains(r.PersonId)))
        {
            return WriteResult<int>.Invalid("CandidateIds", ShortlistErrors.NoConsent);
        }

        var now = clock.GetUtcNow();
        foreach (var r in ranked)
        {
            var entry = new ShortlistEntry
            {
                Id = Guid.CreateVersion7(now),
                VacancyId = vacancy.Id,
                InstitutionId = vacancy.InstitutionId,
                EmployerInstitutionId = vacancy.EmployerInstitutionId,
                CandidateId = r.CandidateId,
                PersonId = r.PersonId,
                Score = r.Score,
                CreatedAt = now,
                IsDemo = vacancy.IsDemo,
            };
            Move(entry, ShortlistStatus.Proposed, null, now);
            if (preSelect)
            {
                Move(entry, ShortlistStatus.PreSelected, null, now);
            }

            db.Set<ShortlistEntry>().Add(entry);
            audit.Add(AuditAction.Create, RecordType, entry.Id.ToString());
        }

        await db.SaveChangesAsync(ct);
        return WriteResult<int>.Ok(ranked.Count);
    }

    /// <summary>Sets a status a person decided (pre-selected, interviewed, hired, not retained with its reason, departed, returned).</summary>
    public async Task<WriteResult<ShortlistEntryView>> SetStatusAsync(Guid entryId, ShortlistStatus status, string? reason, CancellationToken ct)
    {
        var entry = await Visible().Include(e => e.History).SingleOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null)
        {
            return WriteResult<ShortlistEntryView>.NotFound();
        }

        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        var errors = new FieldErrors();
        if (!Enum.IsDefined(status) || status is ShortlistStatus.ConsentWithdrawn or ShortlistStatus.SentToEmployer)
        {
            errors.Add("Status", ShortlistErrors.Status);
        }
        else if (!CanMove(entry.Status, status))
        {
            errors.Add("Status", ShortlistErrors.Transition);
        }

        if (status == ShortlistStatus.NotRetained && reason is null)
        {
            errors.Add("Reason", ShortlistErrors.ReasonRequired);
        }

        if (reason is { Length: > MaxReasonLength })
        {
            errors.Add("Reason", ShortlistErrors.TooLong);
        }

        // Employers report what happened after sending (interview, hiring, not retained); advisors do everything.
        if (IsEmployerUser && status is not (ShortlistStatus.Interviewed or ShortlistStatus.Hired or ShortlistStatus.NotRetained))
        {
            errors.Add("Status", ShortlistErrors.Status);
        }

        if (!errors.IsEmpty)
        {
            return WriteResult<ShortlistEntryView>.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        Move(entry, status, reason, now);
        audit.Add(AuditAction.Update, RecordType, entry.Id.ToString(), status.ToString());
        var kind = status switch
        {
            ShortlistStatus.Hired => ShortlistOutcomes.Hired,
            ShortlistStatus.Departed => ShortlistOutcomes.Departed,
            ShortlistStatus.Returned => ShortlistOutcomes.Returned,
            _ => null,
        };
        if (kind is not null)
        {
            var country = await db.Set<Vacancy>().Where(v => v.Id == entry.VacancyId).Select(v => v.Country).SingleAsync(ct);
            await outcomes.RecordAsync(new OutcomeInput
            {
                Kind = kind, PersonId = entry.PersonId, InstitutionId = entry.InstitutionId, At = now, Subject = entry.VacancyId.ToString(), Country = country,
            }, ct);
        }

        await db.SaveChangesAsync(ct);
        return WriteResult<ShortlistEntryView>.Ok(ToView(entry));
    }

    /// <summary>
    /// Sends the pre-selected candidates to the employer: each becomes "sent to employer", each transfer of a profile
    /// abroad is audited with its destination, an outcome "placement.shortlisted" is recorded per candidate, and the
    /// vacancy's time to shortlist is set the first time. One SaveChanges.
    /// </summary>
    public async Task<WriteResult<int>> SendAsync(Guid vacancyId, CancellationToken ct)
    {
        var vacancy = await VacancyAsync(vacancyId, ct);
        if (vacancy is null || IsEmployerUser)
        {
            return WriteResult<int>.NotFound();
        }

        var chosen = await Visible().Include(e => e.History)
            .Where(e => e.VacancyId == vacancyId && e.Status == ShortlistStatus.PreSelected).ToListAsync(ct);
        if (chosen.Count == 0)
        {
            return WriteResult<int>.Invalid("Status", ShortlistErrors.NothingPreSelected);
        }

        var consenting = await directory.WithCurrentConsentAsync(ConsentPurpose.ShareProfileWithForeignEmployers, [.. chosen.Select(e => e.PersonId)], ct);
        if (chosen.Any(e => !consenting.Contains(e.PersonId)))
        {
            return WriteResult<int>.Invalid("CandidateIds", ShortlistErrors.NoConsent);
        }

        var now = clock.GetUtcNow();
        foreach (var entry in chosen)
        {
            Move(entry, ShortlistStatus.SentToEmployer, null, now);
            audit.Add(AuditAction.Export, RecordType, entry.Id.ToString(), $"transfer:{vacancy.Country}");
            await outcomes.RecordAsync(new OutcomeInput
            {
                Kind = ShortlistOutcomes.Shortlisted, PersonId = entry.PersonId, InstitutionId = entry.InstitutionId, At = now,
                Subject = vacancy.Id.ToString(), Country = vacancy.Country,
            }, ct);
        }

        await vacancies.MarkShortlistSentAsync(vacancyId, ct);
        await db.SaveChangesAsync(ct);
        return WriteResult<int>.Ok(chosen.Count);
    }

    private async Task<Vacancy?> VacancyAsync(Guid vacancyId, CancellationToken ct)
    {
        if (await vacancies.RequirementsAsync(vacancyId, ct) is null)
        {
            return null;
        }

        return await db.Set<Vacancy>().SingleAsync(v => v.Id == vacancyId, ct);
    }

    private void Move(ShortlistEntry entry, ShortlistStatus status, string? reason, DateTimeOffset now)
    {
        entry.Status = status;
        entry.StatusAt = now;
        entry.StatusBy = user.UserId;
        entry.Reason = reason;
        entry.History.Add(new ShortlistStatusChange { EntryId = entry.Id, Status = status, At = now, By = user.UserId, Reason = reason });
    }

    private static ShortlistEntryView ToView(ShortlistEntry e) => new(
        e.Id, e.VacancyId, e.CandidateId, e.PersonId, e.Score, e.Status, e.StatusAt, e.StatusBy, e.Reason,
        [.. e.History.OrderBy(h => h.At).ThenBy(h => h.Id)]);
}

/// <summary>A withdrawn consent to share with foreign employers takes the person off every open shortlist, in the same SaveChanges.</summary>
internal sealed class ShortlistConsentObserver(AppDbContext db, TimeProvider clock) : IConsentObserver
{
    public void ConsentRecorded(Guid personId, ConsentPurpose purpose, bool given)
    {
        if (purpose != ConsentPurpose.ShareProfileWithForeignEmployers || given)
        {
            return;
        }

        var open = ShortlistService.OpenStatuses.ToList();
        var now = clock.GetUtcNow();
        foreach (var entry in db.Set<ShortlistEntry>().Where(e => e.PersonId == personId && open.Contains(e.Status)).ToList())
        {
            entry.Status = ShortlistStatus.ConsentWithdrawn;
            entry.StatusAt = now;
            entry.StatusBy = null;
            entry.Reason = null;
            db.Set<ShortlistStatusChange>().Add(new ShortlistStatusChange { EntryId = entry.Id, Status = ShortlistStatus.ConsentWithdrawn, At = now });
        }
    }
}
