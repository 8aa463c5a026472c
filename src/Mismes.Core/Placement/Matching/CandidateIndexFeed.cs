using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Mismes.Core.Data;
using Mismes.Core.People;
using Mismes.Core.Placement.Candidates;
using Mismes.Matching;
using LanguageSkill = Mismes.Matching.LanguageSkill;

namespace Mismes.Core.Placement.Matching;

/// <summary>
/// Fills this node's <see cref="CandidateIndex"/> from the database once, then applies the change feed
/// (PlacementCandidateChanges) each time it is polled. Applying a change reloads the person's current profile and
/// consent, so applying one twice is harmless; that is what lets a poll re-read a window of recent ids and catch a
/// row whose transaction committed after a higher id was already seen (ids are handed out before commit).
/// </summary>
public sealed partial class CandidateIndexFeed(AppDbContext db, CandidateIndex index, PersonDirectory people, ILogger<CandidateIndexFeed> logger)
{
    /// <summary>How many ids below the highest applied one each poll looks at again (late commits).</summary>
    public const int LateCommitWindow = 200;

    private const int BatchSize = 5000;
    private const ConsentPurpose Purpose = ConsentPurpose.ShareProfileWithForeignEmployers;

    /// <summary>Builds the index from every candidate with current consent; returns how many were indexed.</summary>
    public async Task<int> BuildAsync(CancellationToken ct)
    {
        // The feed position first: anything that changes while the candidates are read is applied again afterwards.
        var start = await db.Set<CandidateChange>().MaxAsync(c => (long?)c.Id, ct) ?? 0;
        var consented = await people.WithCurrentConsentAsync(Purpose, null, ct);
        long after = 0;
        var indexed = 0;
        while (true)
        {
            var batch = await Load(db.Set<Candidate>().Where(c => c.Id > after).OrderBy(c => c.Id).Take(BatchSize)).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            after = batch[^1].Id;
            var profiles = batch.Where(c => consented.Contains(c.PersonId)).Select(c => (c.PersonId, ToProfile(c, index.Vocabulary))).ToList();
            try
            {
                index.Load(profiles);
            }
            catch (ArgumentException)
            {
                // One profile the index refuses must not keep the others out: add them one by one.
                foreach (var (personId, profile) in profiles.Where(p => !index.Contains(p.Item2.Id)))
                {
                    TryPut(personId, profile);
                }
            }

            indexed += profiles.Count;
            db.ChangeTracker.Clear();
        }

        index.MarkApplied(start);
        await CatchUpFromAsync(start - LateCommitWindow, ct);
        index.MarkReady();
        LogBuilt(logger, index.Count);
        return indexed;
    }

    /// <summary>Applies the changes this node has not seen yet; returns how many people's profiles were applied.</summary>
    public Task<int> CatchUpAsync(CancellationToken ct) => CatchUpFromAsync(index.AppliedChangeId - LateCommitWindow, ct);

    private async Task<int> CatchUpFromAsync(long above, CancellationToken ct)
    {
        var changes = await db.Set<CandidateChange>().AsNoTracking()
            .Where(c => c.Id > above).OrderBy(c => c.Id).Take(BatchSize)
            .Select(c => new { c.Id, c.PersonId }).ToListAsync(ct);
        var fresh = changes.Where(c => !index.HasSeen(c.Id)).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }

        var personIds = fresh.Select(c => c.PersonId).Distinct().ToList();
        var candidates = await Load(db.Set<Candidate>().Where(c => personIds.Contains(c.PersonId))).ToListAsync(ct);
        var consented = await people.WithCurrentConsentAsync(Purpose, personIds, ct);
        foreach (var candidate in candidates)
        {
            if (consented.Contains(candidate.PersonId))
            {
                TryPut(candidate.PersonId, ToProfile(candidate, index.Vocabulary));
            }
            else
            {
                index.Drop(candidate.Id);
            }
        }

        index.Seen(fresh.Select(c => c.Id), LateCommitWindow);
        db.ChangeTracker.Clear();
        return candidates.Count;
    }

    private void TryPut(Guid personId, CandidateProfile profile)
    {
        try
        {
            index.Put(profile.Id, personId, profile);
        }
        catch (ArgumentException e)
        {
            LogRefused(logger, e, profile.Id);
        }
    }

    private static IQueryable<Candidate> Load(IQueryable<Candidate> query) =>
        query.AsNoTracking().Include(c => c.Occupations).Include(c => c.Skills).Include(c => c.Languages).AsSplitQuery();

    /// <summary>The matching library's view of a candidate: URIs become dense ids (unknown ones are dropped).</summary>
    internal static CandidateProfile ToProfile(Candidate c, MatchingVocabulary vocabulary) => new()
    {
        Id = c.Id,
        Occupations = [.. c.Occupations
            .Where(o => vocabulary.TryGetOccupation(o.OccupationUri, out _))
            .Select(o => new OccupationExperience(vocabulary.GetOccupation(o.OccupationUri), Math.Clamp(o.ExperienceMonths, 0, ushort.MaxValue)))],
        Skills = [.. c.Skills
            .Where(s => vocabulary.TryGetSkill(s.SkillUri, out _))
            .Select(s => new ProfileSkill(vocabulary.GetSkill(s.SkillUri), s.Evidence))],
        Languages = [.. c.Languages.Select(l => new LanguageSkill(l.Language, l.Level))],
        EqfLevel = c.EqfLevel,
        AvailableFrom = c.AvailableFrom,
        AvailableTo = c.AvailableTo,
        CountriesWanted = c.CountriesWanted.Split(',', StringSplitOptions.RemoveEmptyEntries),
        ConsentToMatching = true,
        EligibilityFacts = [CandidateIndex.FactOf(c.InstitutionId)],
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Candidate index built: {Count} rankable candidates")]
    private static partial void LogBuilt(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Candidate {CandidateId} left out of the index: its profile was refused")]
    private static partial void LogRefused(ILogger logger, Exception exception, long candidateId);
}
