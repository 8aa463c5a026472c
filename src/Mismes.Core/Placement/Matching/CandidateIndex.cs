using System.Collections.Concurrent;
using Mismes.Core.Common;
using Mismes.Matching;
using Mismes.Taxonomy.Esco;
using CefrLevel = Mismes.Matching.CefrLevel;

namespace Mismes.Core.Placement.Matching;

/// <summary>What a vacancy (or any demand) asks of candidates, in ESCO URIs and ISO codes.</summary>
public sealed record CandidateQuery
{
    public string? OccupationUri { get; init; }
    public IReadOnlyList<string> EssentialSkillUris { get; init; } = [];
    public IReadOnlyList<string> OptionalSkillUris { get; init; } = [];
    public IReadOnlyList<LanguageMinimum> Languages { get; init; } = [];
    public int? MinimumEqfLevel { get; init; }
    public int MinimumExperienceMonths { get; init; }

    /// <summary>Destination country (ISO 3166 alpha-2): candidates who want other countries only are left out.</summary>
    public string? Country { get; init; }

    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }

    /// <summary>Filter: only candidates registered with this institution.</summary>
    public Guid? InstitutionId { get; init; }
}

public sealed record LanguageMinimum(string Language, CefrLevel Minimum);

/// <summary>A required skill and how the candidate covers it (the held skill may be a broader or narrower one).</summary>
public sealed record MatchedSkill(string RequiredUri, string HeldUri, SkillMatchKind Kind, SkillEvidence Evidence, bool Essential, float Credit);

/// <summary>One ranked candidate: the score, why (per component and per skill), and the essential skills missing.</summary>
public sealed record RankedCandidate(
    long CandidateId,
    Guid PersonId,
    float Score,
    ScoreBreakdown Breakdown,
    IReadOnlyList<MatchedSkill> MatchedSkills,
    IReadOnlyList<string> MissingEssentialSkillUris);

/// <summary>The answer of a ranking: candidates best first, out of how many rankable ones.</summary>
public sealed record CandidateRanking(IReadOnlyList<RankedCandidate> Candidates, int RankableCandidates);

/// <summary>Why one candidate is ranked as they are, or which filters leave them out (what a person may be shown).</summary>
public sealed record CandidateExplanation(RankedCandidate? Ranked, IReadOnlyList<Exclusion> Exclusions, bool InIndex);

/// <summary>
/// This node's in-memory matching index of candidates (a <see cref="MatchIndex"/>): only candidates whose consent to
/// share their profile with foreign employers is current are in it. Built once at start and kept current from the
/// change feed by <see cref="CandidateIndexFeed"/> (ADR 0035); queries never touch the database.
/// </summary>
public sealed class CandidateIndex : IDisposable
{
    public const int MaxK = 500;
    private const string InstitutionFact = "institution:";

    private readonly MatchIndex _index;
    private readonly ConcurrentDictionary<long, Guid> _personOf = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CandidateIndex(EscoTaxonomy taxonomy)
    {
        _index = new MatchIndex(PlacementVocabulary.For(taxonomy));
    }

    public MatchingVocabulary Vocabulary => _index.Vocabulary;

    /// <summary>True once the first build from the database is done.</summary>
    public bool IsReady => _ready.Task.IsCompleted;

    /// <summary>Candidates in the index (the rankable ones).</summary>
    public int Count => _index.Count;

    /// <summary>The highest change-feed id this node has applied (0 before the build).</summary>
    public long AppliedChangeId => Interlocked.Read(ref _appliedChangeId);

    private long _appliedChangeId;

    public Task WhenReadyAsync(CancellationToken ct) => _ready.Task.WaitAsync(ct);

    public bool Contains(long candidateId) => _index.Contains(candidateId);

    /// <summary>Field errors of a query (unknown URIs, bad codes, k out of 1–<see cref="MaxK"/>).</summary>
    public FieldErrors Validate(CandidateQuery query, int k)
    {
        var errors = new FieldErrors();
        var vocabulary = _index.Vocabulary;
        if (k is < 1 or > MaxK)
        {
            errors.Add("K", Candidates.CandidateErrors.K);
        }

        if (query.OccupationUri is { } occupation && !vocabulary.TryGetOccupation(occupation.Trim(), out _))
        {
            errors.Add("OccupationUri", Candidates.CandidateErrors.Occupation);
        }

        if (query.EssentialSkillUris.Count + query.OptionalSkillUris.Count > Candidates.CandidateService.MaxSkills)
        {
            errors.Add("Skills", Candidates.CandidateErrors.TooMany);
        }

        if (query.EssentialSkillUris.Any(u => !vocabulary.TryGetSkill(u?.Trim() ?? "", out _)))
        {
            errors.Add("EssentialSkillUris", Candidates.CandidateErrors.Skill);
        }

        if (query.OptionalSkillUris.Any(u => !vocabulary.TryGetSkill(u?.Trim() ?? "", out _)))
        {
            errors.Add("OptionalSkillUris", Candidates.CandidateErrors.Skill);
        }

        if (query.Languages.Any(l => !Candidates.CandidateService.IsLanguageCode(l.Language) || !Enum.IsDefined(l.Minimum)))
        {
            errors.Add("Languages", Candidates.CandidateErrors.Language);
        }

        if (query.MinimumEqfLevel is < 1 or > 8)
        {
            errors.Add("MinimumEqfLevel", Candidates.CandidateErrors.Eqf);
        }

        if (query.MinimumExperienceMonths is < 0 or > Candidates.CandidateService.MaxExperienceMonths)
        {
            errors.Add("MinimumExperienceMonths", Candidates.CandidateErrors.Experience);
        }

        if (query.Country is { } country && !Candidates.CandidateService.IsCountryCode(country))
        {
            errors.Add("Country", Candidates.CandidateErrors.Country);
        }

        if (query.StartDate is { } start && query.EndDate is { } end && end < start)
        {
            errors.Add("EndDate", Candidates.CandidateErrors.Availability);
        }

        return errors;
    }

    /// <summary>
    /// The <paramref name="k"/> best rankable candidates for <paramref name="query"/>, with explanations and skill gaps.
    /// Waits for the first build on a node that has just started. Matching proposes; people decide.
    /// </summary>
    public async Task<WriteResult<CandidateRanking>> RankAsync(CandidateQuery query, int k, CancellationToken ct)
    {
        var errors = Validate(query, k);
        if (!errors.IsEmpty)
        {
            return WriteResult<CandidateRanking>.Invalid(errors);
        }

        await WhenReadyAsync(ct);
        var results = _index.TopK(ToRequirements(query), k);
        return WriteResult<CandidateRanking>.Ok(new CandidateRanking([.. results.Select(ToRanked)], _index.Count));
    }

    /// <summary>One candidate against a query: the score and explanation, or the filters that exclude them.</summary>
    public async Task<WriteResult<CandidateExplanation>> ExplainAsync(CandidateQuery query, long candidateId, CancellationToken ct)
    {
        var errors = Validate(query, 1);
        if (!errors.IsEmpty)
        {
            return WriteResult<CandidateExplanation>.Invalid(errors);
        }

        await WhenReadyAsync(ct);
        var outcome = _index.Explain(ToRequirements(query), candidateId);
        return WriteResult<CandidateExplanation>.Ok(outcome is null
            ? new CandidateExplanation(null, [], InIndex: false)
            : new CandidateExplanation(outcome.Result is { } r ? ToRanked(r) : null, outcome.Exclusions, InIndex: true));
    }

    internal void Put(long candidateId, Guid personId, CandidateProfile profile)
    {
        _personOf[candidateId] = personId;
        _index.Update(profile);
    }

    internal void Load(IReadOnlyList<(Guid PersonId, CandidateProfile Profile)> batch)
    {
        foreach (var (personId, profile) in batch)
        {
            _personOf[profile.Id] = personId;
        }

        _index.AddRange(batch.Select(b => b.Profile));
    }

    internal void Drop(long candidateId)
    {
        _index.Remove(candidateId);
        _personOf.TryRemove(candidateId, out _);
    }

    private readonly Lock _seenGate = new();
    private readonly SortedSet<long> _seen = [];

    /// <summary>True when this node already applied change <paramref name="changeId"/>.</summary>
    internal bool HasSeen(long changeId)
    {
        lock (_seenGate)
        {
            return changeId <= AppliedChangeId - CandidateIndexFeed.LateCommitWindow || _seen.Contains(changeId);
        }
    }

    /// <summary>Notes applied changes, keeping only the window a poll looks at again.</summary>
    internal void Seen(IEnumerable<long> changeIds, int window)
    {
        lock (_seenGate)
        {
            foreach (var id in changeIds)
            {
                _seen.Add(id);
                MarkApplied(id);
            }

            var floor = AppliedChangeId - window;
            _seen.RemoveWhere(id => id <= floor);
        }
    }

    internal void MarkApplied(long changeId)
    {
        if (changeId > Interlocked.Read(ref _appliedChangeId))
        {
            Interlocked.Exchange(ref _appliedChangeId, changeId);
        }
    }

    internal void MarkReady() => _ready.TrySetResult();

    internal static string FactOf(Guid institutionId) => InstitutionFact + institutionId.ToString("N");

    private VacancyRequirements ToRequirements(CandidateQuery q)
    {
        var vocabulary = _index.Vocabulary;
        return new VacancyRequirements
        {
            Occupation = q.OccupationUri is { } o ? vocabulary.GetOccupation(o.Trim()) : null,
            EssentialSkills = [.. q.EssentialSkillUris.Select(u => vocabulary.GetSkill(u.Trim()))],
            OptionalSkills = [.. q.OptionalSkillUris.Select(u => vocabulary.GetSkill(u.Trim()))],
            Languages = [.. q.Languages.Select(l => new LanguageRequirement(l.Language.Trim().ToLowerInvariant(), l.Minimum))],
            MinimumEqfLevel = q.MinimumEqfLevel,
            MinimumExperienceMonths = q.MinimumExperienceMonths,
            Country = q.Country?.Trim().ToUpperInvariant(),
            StartDate = q.StartDate,
            EndDate = q.EndDate,
            RequiredEligibilityFacts = q.InstitutionId is { } i ? [FactOf(i)] : [],
        };
    }

    private RankedCandidate ToRanked(MatchResult r)
    {
        var vocabulary = _index.Vocabulary;
        return new RankedCandidate(
            r.ProfileId,
            _personOf.TryGetValue(r.ProfileId, out var person) ? person : Guid.Empty,
            r.Score,
            r.Breakdown,
            [.. r.MatchedSkills.Select(m => new MatchedSkill(vocabulary.SkillUri(m.Required), vocabulary.SkillUri(m.Held), m.Kind, m.Evidence, m.Essential, m.Credit))],
            [.. r.MissingEssentialSkills.Select(vocabulary.SkillUri)]);
    }

    public void Dispose() => _index.Dispose();
}
