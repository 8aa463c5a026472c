using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Common;
using Mismes.Core.Data;
using Mismes.Core.Placement.Candidates;
using Mismes.Core.Placement.Matching;
using Mismes.Core.Placement.Vacancies;
using CefrLevel = Mismes.Matching.CefrLevel;

namespace Mismes.Core.Training;

/// <summary>An open vacancy a candidate nearly matches: no filter excludes her, and only a few essential skills are missing.</summary>
public sealed record NearVacancy(Guid VacancyId, string Title, string Country, float Score, IReadOnlyList<string> MissingEssentialSkillUris);

/// <summary>A session recommended to close a skill gap: which missing skills its course develops, and which near vacancies she would then fit.</summary>
public sealed record SessionRecommendation(SessionView Session, IReadOnlyList<string> ClosesSkillUris, IReadOnlyList<NearVacancy> WouldFit);

/// <summary>A candidate's skill gap against the open vacancies she nearly matches, and the sessions that close it.</summary>
public sealed record TrainingAdvice(bool Rankable, IReadOnlyList<NearVacancy> NearVacancies, IReadOnlyList<string> GapSkillUris, IReadOnlyList<SessionRecommendation> Sessions);

/// <summary>
/// Closing the loop (issue 9, ADR 0038): the matching core says which essential skills a candidate misses for each open
/// vacancy; the vacancies she nearly matches make her gap; the sessions whose courses develop those skills are ranked
/// by how many of the gap's skills they close, then by how many vacancies she would then fit, then by start date and
/// place. Reads Placement only through its services (the candidate profile, the open vacancies, the index).
/// </summary>
public sealed class TrainingGapService(AppDbContext db, ICurrentUser user, TimeProvider clock, CandidateService candidates, VacancyService vacancies, CandidateIndex index)
{
    /// <summary>At most this many essential skills missing for a vacancy to count as "nearly" matched.</summary>
    public const int NearMaxMissing = 4;

    public const int VacanciesLooked = 100;

    /// <summary>The open vacancies the person nearly matches, best score first; null when she is not rankable (no profile, no consent, or no index on this node).</summary>
    public async Task<IReadOnlyList<NearVacancy>?> NearVacanciesAsync(Guid personId, CancellationToken ct)
    {
        // Only a node whose index is built answers (the CLI has none); a candidate without consent is not in it.
        if (!index.IsReady || await candidates.GetAsync(personId, ct) is not { Profile: { } profile } || !index.Contains(profile.Id))
        {
            return null;
        }

        var open = await vacancies.ListPublicAsync(new VacancyFilter(), new PageRequest(1, VacanciesLooked), ct);
        var near = new List<NearVacancy>();
        foreach (var v in open.Items.Where(v => v.EssentialSkillUris.Count > 0))
        {
            var explained = await index.ExplainAsync(QueryOf(v), profile.Id, ct);
            if (explained.Value is { Ranked: { } ranked, Exclusions.Count: 0 }
                && ranked.MissingEssentialSkillUris.Count is > 0 and <= NearMaxMissing)
            {
                near.Add(new NearVacancy(v.Id, v.Title, v.Country, ranked.Score, ranked.MissingEssentialSkillUris));
            }
        }

        return [.. near.OrderByDescending(n => n.Score).ThenBy(n => n.VacancyId)];
    }

    public async Task<TrainingAdvice> AdviseAsync(Guid personId, CancellationToken ct)
    {
        if (await NearVacanciesAsync(personId, ct) is not { } near)
        {
            return new TrainingAdvice(false, [], [], []);
        }

        var gap = near.SelectMany(n => n.MissingEssentialSkillUris).GroupBy(u => u, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        if (gap.Count == 0)
        {
            return new TrainingAdvice(true, near, gap, []);
        }

        var open = await OpenSessionsDevelopingAsync(gap, ct);
        var ranked = open
            .Select(s =>
            {
                var closes = s.SkillUris.Where(gap.Contains).ToList();
                return new SessionRecommendation(s, closes, [.. near.Where(n => n.MissingEssentialSkillUris.All(closes.Contains))]);
            })
            .Where(r => r.ClosesSkillUris.Count > 0)
            .OrderByDescending(r => r.ClosesSkillUris.Count)
            .ThenByDescending(r => r.WouldFit.Count)
            .ThenBy(r => r.Session.StartDate)
            .ThenBy(r => r.Session.Online ? 0 : 1)
            .ThenBy(r => r.Session.Place, StringComparer.CurrentCulture)
            .ThenBy(r => r.Session.Id)
            .ToList();
        return new TrainingAdvice(true, near, gap, ranked);
    }

    /// <summary>Sessions not started yet with a seat left, of courses that develop any of <paramref name="skillUris"/>, of the institutions the user sees.</summary>
    public async Task<IReadOnlyList<SessionView>> OpenSessionsDevelopingAsync(IReadOnlyCollection<string> skillUris, CancellationToken ct)
    {
        var uris = skillUris.Distinct(StringComparer.Ordinal).ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var courseIds = db.Set<TrainingCourseSkill>().Where(s => uris.Contains(s.SkillUri)).Select(s => s.CourseId);
        var sessions = await db.Set<TrainingSession>().VisibleTo(user, s => s.InstitutionId).AsNoTracking().Include(s => s.Sittings)
            .Where(s => s.StartDate >= today && s.SeatsTaken < s.Capacity && courseIds.Contains(s.CourseId))
            .OrderBy(s => s.StartDate).Take(200).ToListAsync(ct);
        return await TrainingSessionService.ViewsAsync(db, sessions, ct);
    }

    /// <summary>A vacancy's requirements as a ranking query (the same filters the shortlist applies).</summary>
    internal static CandidateQuery QueryOf(VacancyView v) => new()
    {
        OccupationUri = v.OccupationUri,
        EssentialSkillUris = v.EssentialSkillUris,
        OptionalSkillUris = v.OptionalSkillUris,
        Languages = [.. v.Languages.Select(l => new LanguageMinimum(l.Language, (CefrLevel)(int)l.MinimumLevel))],
        MinimumEqfLevel = v.MinimumEqfLevel,
        MinimumExperienceMonths = v.ExperienceMonths,
        Country = v.Country,
        StartDate = v.StartDate,
    };
}
