using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Mismes.Matching;

/// <summary>
/// Exact top-k matching of vacancies against profiles, updated in place (add, update, remove without rebuilding).
/// Returns exactly what the brute-force <see cref="Scorer.TopK"/> returns over the same live profiles: same ids in the
/// same order (score descending, then profile id ascending) with the same scores.
/// <para>
/// Thread safety: any number of concurrent readers (<see cref="TopK"/>, <see cref="TopKBatch"/>, <see cref="Explain"/>,
/// <see cref="Rarity"/>) with one writer at a time (<see cref="Add"/>, <see cref="Update"/>, <see cref="Remove"/>,
/// <see cref="Compact"/>), through a reader-writer lock: a writer waits for running queries and blocks new ones.
/// </para>
/// </summary>
public sealed class MatchIndex : IDisposable
{
    private readonly MatchingVocabulary _vocabulary;
    private readonly Scorer _scorer;
    private readonly double[] _creditValue;
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly ConcurrentBag<QueryContext> _contexts = [];
    private readonly Dictionary<int, byte> _expandScratch = [];

    private Dictionary<long, int> _ordinalById = [];
    private Dictionary<string, int> _factIds = new(StringComparer.Ordinal);
    private List<string> _factNames = [];
    private int _count;
    private int _live;
    private long[] _ids = [];
    private FilterRow[] _filter = [];
    private Dictionary<ushort, int> _countrySlots = [];
    private Dictionary<ushort, int> _languageSlots = [];
    private RowPool<uint> _languages = new();
    private RowPool<ushort> _countries = new();
    private RowPool<int> _facts = new();
    private RowPool<byte> _skills = new();
    private RowPool<int> _occupations = new();
    private RowPool<ushort> _months = new();
    private SkillPosting[] _skillPostings = [];
    private OccupationPosting[] _occupationPostings = [];
    private int[] _df = [];

    public MatchIndex(MatchingVocabulary vocabulary, ScoringWeights? weights = null)
    {
        _vocabulary = vocabulary;
        _scorer = new Scorer(vocabulary, weights);
        _creditValue = ScoringQuery.CreditValues(_scorer.Weights);
        Reset();
    }

    public MatchingVocabulary Vocabulary => _vocabulary;

    /// <summary>
    /// A pruning checkpoint (finding the current k-th score) costs about one selection; it is only tried while the
    /// remaining lists hold more than half an accumulator's worth of postings plus this. Tests lower it to exercise pruning.
    /// </summary>
    internal int CheckpointMinimumPostings { get; set; } = 50_000;

    /// <summary>Queries that skipped at least one skill list (MaxScore pruning); for tests and the benchmark.</summary>
    internal long PrunedQueries => Interlocked.Read(ref _prunedQueries);

    private long _prunedQueries;

    public ScoringWeights Weights => _scorer.Weights;

    /// <summary>Live profiles.</summary>
    public int Count => _live;

    /// <summary>Bytes held by the index's arrays (capacity, not just length) plus an estimate for the id dictionary.</summary>
    public long MemoryBytes
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                long bytes = (_ids.Length * 8L) + (_filter.Length * 16L) + (_df.Length * 4L)
                    + _languages.Bytes + _countries.Bytes + _facts.Bytes + _skills.Bytes + _occupations.Bytes + _months.Bytes
                    + (_ordinalById.Count * 28L);
                foreach (var p in _skillPostings)
                {
                    bytes += p.Bytes;
                }

                foreach (var p in _occupationPostings)
                {
                    bytes += p.Bytes;
                }

                return bytes;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>A snapshot of the current rarity counts, for scoring with <see cref="Scorer"/> exactly as the index does.</summary>
    public SkillRarity Rarity
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return new SkillRarity((int[])_df.Clone(), _live);
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    public bool Contains(long profileId)
    {
        _lock.EnterReadLock();
        try
        {
            return _ordinalById.ContainsKey(profileId);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Adds a profile; throws when the id is already indexed (use <see cref="Update"/>).</summary>
    public void Add(CandidateProfile profile)
    {
        _lock.EnterWriteLock();
        try
        {
            if (_ordinalById.ContainsKey(profile.Id))
            {
                throw new ArgumentException($"Profile {profile.Id} is already indexed", nameof(profile));
            }

            AddCore(profile);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void AddRange(IEnumerable<CandidateProfile> profiles)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var profile in profiles)
            {
                if (_ordinalById.ContainsKey(profile.Id))
                {
                    throw new ArgumentException($"Profile {profile.Id} is already indexed", nameof(profiles));
                }

                AddCore(profile);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Replaces a profile (remove + add), or adds it when absent.</summary>
    public void Update(CandidateProfile profile)
    {
        _lock.EnterWriteLock();
        try
        {
            Validate(profile);
            RemoveCore(profile.Id);
            AddCore(profile);
            CompactIfSparse();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Removes a profile (a tombstone, compacted away once a quarter of the ordinals are dead).</summary>
    public bool Remove(long profileId)
    {
        _lock.EnterWriteLock();
        try
        {
            bool removed = RemoveCore(profileId);
            CompactIfSparse();
            return removed;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Drops tombstones and trims every array to its length.</summary>
    public void Compact()
    {
        _lock.EnterWriteLock();
        try
        {
            CompactCore();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>The best k eligible profiles for a vacancy, explained; exactly the brute-force ranking.</summary>
    public IReadOnlyList<MatchResult> TopK(VacancyRequirements vacancy, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        _lock.EnterReadLock();
        try
        {
            return TopKCore(vacancy, k);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// Many vacancies at once, spread over the cores; result i belongs to vacancy i, identical to <see cref="TopK"/>.
    /// Exactly min(cores, vacancies) workers (or <paramref name="maxDegreeOfParallelism"/> when positive) each keep one
    /// query context (accumulator, candidate and heap buffers) for the whole batch and pull small chunks of vacancies
    /// from a shared cursor, taking the read lock once per chunk so a writer waits at most one chunk.
    /// </summary>
    public IReadOnlyList<MatchResult>[] TopKBatch(IReadOnlyList<VacancyRequirements> vacancies, int k, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(vacancies);
        var results = new IReadOnlyList<MatchResult>[vacancies.Count];
        TopKBatch(vacancies, k, (i, result) => results[i] = result, maxDegreeOfParallelism);
        return results;
    }

    /// <summary>
    /// Like <see cref="TopKBatch(IReadOnlyList{VacancyRequirements}, int, int)"/>, but hands each result to
    /// <paramref name="onResult"/> (called concurrently from the workers, in no particular order) instead of keeping them
    /// all: a batch of 100,000 shortlists need not sit in memory at once.
    /// </summary>
    public void TopKBatch(
        IReadOnlyList<VacancyRequirements> vacancies, int k, Action<int, IReadOnlyList<MatchResult>> onResult, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(vacancies);
        ArgumentNullException.ThrowIfNull(onResult);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        int workers = Math.Min(maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount, vacancies.Count);
        if (workers == 0)
        {
            return;
        }

        // Small chunks balance the tail (query cost varies tenfold); up to 16 queries of a few ms each make the lock
        // and cursor traffic negligible.
        int chunk = Math.Clamp(vacancies.Count / (workers * 8), 1, BatchChunk);
        int cursor = 0;
        Parallel.For(
            0,
            workers,
            new ParallelOptions { MaxDegreeOfParallelism = workers },
            _ => RunBatchWorker(vacancies, k, onResult, chunk, ref cursor));
    }

    /// <summary>Why a profile ranks where it does for a vacancy, or which filters exclude it; null when not indexed.</summary>
    public MatchOutcome? Explain(VacancyRequirements vacancy, long profileId)
    {
        _lock.EnterReadLock();
        try
        {
            if (!_ordinalById.TryGetValue(profileId, out int ordinal))
            {
                return null;
            }

            var q = _scorer.Compile(vacancy, new SkillRarity(_df, _live));
            return _scorer.Evaluate(Reconstruct(ordinal), q);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The profile as stored (skills sorted by id, duplicates merged).</summary>
    public CandidateProfile? Get(long profileId)
    {
        _lock.EnterReadLock();
        try
        {
            return _ordinalById.TryGetValue(profileId, out int ordinal) ? Reconstruct(ordinal) : null;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public void Dispose() => _lock.Dispose();

    /// <summary>Most vacancies a batch worker runs under one read lock.</summary>
    private const int BatchChunk = 16;

    private void RunBatchWorker(
        IReadOnlyList<VacancyRequirements> vacancies, int k, Action<int, IReadOnlyList<MatchResult>> onResult, int chunk, ref int cursor)
    {
        var context = RentContext();
        var done = new MatchResult[chunk][];
        try
        {
            while (true)
            {
                int start = Interlocked.Add(ref cursor, chunk) - chunk;
                if (start >= vacancies.Count)
                {
                    return;
                }

                int end = Math.Min(start + chunk, vacancies.Count);
                _lock.EnterReadLock();
                try
                {
                    for (int i = start; i < end; i++)
                    {
                        done[i - start] = TopKCore(vacancies[i], k, context);
                    }
                }
                finally
                {
                    _lock.ExitReadLock();
                }

                // Outside the lock: a slow consumer must not hold writers back.
                for (int i = start; i < end; i++)
                {
                    onResult(i, done[i - start]);
                    done[i - start] = [];
                }
            }
        }
        catch
        {
            // Stop the other workers at their next chunk; Parallel.For rethrows this as an AggregateException.
            Volatile.Write(ref cursor, vacancies.Count);
            throw;
        }
        finally
        {
            _contexts.Add(context);
        }
    }

    private QueryContext RentContext() => _contexts.TryTake(out var context) ? context : new QueryContext();

    private MatchResult[] TopKCore(VacancyRequirements vacancy, int k)
    {
        var context = RentContext();
        try
        {
            return TopKCore(vacancy, k, context);
        }
        finally
        {
            _contexts.Add(context);
        }
    }

    private MatchResult[] TopKCore(VacancyRequirements vacancy, int k, QueryContext context)
    {
        var q = _scorer.Compile(vacancy, new SkillRarity(_df, _live));
        if (k == 0 || _live == 0)
        {
            return [];
        }

        int found = new QueryExecution(this, q, k, context).Run();
        var results = new MatchResult[found];
        for (int i = 0; i < found; i++)
        {
            int ordinal = context.ResultOrdinals[i];
            var outcome = _scorer.Evaluate(Reconstruct(ordinal), q);
            if (outcome.Result is null || outcome.Result.Score != Scorer.Points(context.ResultScores[i]))
            {
                // Never expected: the index and the reference scorer share one definition of every contribution.
                throw new InvalidOperationException($"Index and scorer disagree on profile {_ids[ordinal]}");
            }

            results[i] = outcome.Result;
        }

        return results;
    }

    private void Reset()
    {
        _ordinalById = [];
        _factIds = new Dictionary<string, int>(StringComparer.Ordinal);
        _factNames = [];
        _count = 0;
        _live = 0;
        _ids = [];
        _filter = [];
        _countrySlots = [];
        _languageSlots = [];
        _languages = new();
        _countries = new();
        _facts = new();
        _skills = new();
        _occupations = new();
        _months = new();
        _skillPostings = new SkillPosting[_vocabulary.SkillCount];
        for (int i = 0; i < _skillPostings.Length; i++)
        {
            _skillPostings[i] = new SkillPosting();
        }

        _occupationPostings = new OccupationPosting[_vocabulary.OccupationCount];
        for (int i = 0; i < _occupationPostings.Length; i++)
        {
            _occupationPostings[i] = new OccupationPosting();
        }

        _df = new int[_vocabulary.SkillCount];
    }

    private void Validate(CandidateProfile profile)
    {
        foreach (var s in profile.Skills)
        {
            _vocabulary.CheckSkill(s.Skill);
        }

        foreach (var o in profile.Occupations)
        {
            _vocabulary.CheckOccupation(o.Occupation);
        }

        if (profile.EqfLevel is < 1 or > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(profile), profile.EqfLevel, "EQF level must be 1 to 8");
        }

        foreach (var l in profile.Languages)
        {
            IsoCode.Encode(l.Language);
        }

        foreach (string c in profile.CountriesWanted)
        {
            IsoCode.Encode(c);
        }
    }

    private void AddCore(CandidateProfile profile)
    {
        Validate(profile);
        int ordinal = _count;
        if (ordinal == _ids.Length)
        {
            int size = RowPool<int>.Grow(_ids.Length, ordinal + 1);
            Array.Resize(ref _ids, size);
            Array.Resize(ref _filter, size);
        }

        _ids[ordinal] = profile.Id;
        ulong bits = FilterRow.Live | (profile.ConsentToMatching ? FilterRow.Consent : 0) | ((ulong)(profile.EqfLevel ?? 0) << FilterRow.EqfShift);

        // Languages: one entry per language with the highest level, packed as code << 8 | level.
        var languages = profile.Languages
            .GroupBy(l => IsoCode.Encode(l.Language))
            .Select(g => ((uint)g.Key << 8) | (uint)g.Max(l => l.Level))
            .Order()
            .ToArray();
        _languages.Append(languages);
        _countries.Append(profile.CountriesWanted.Select(IsoCode.Encode).Distinct().Order().ToArray());
        var facts = new List<int>();
        foreach (string fact in profile.EligibilityFacts.Distinct(StringComparer.Ordinal))
        {
            if (!_factIds.TryGetValue(fact, out int id))
            {
                id = _factNames.Count;
                _factIds.Add(fact, id);
                _factNames.Add(fact);
            }

            facts.Add(id);
        }

        facts.Sort();
        _facts.Append(facts.ToArray());

        foreach (uint packed in languages)
        {
            int slot = Slot(_languageSlots, (ushort)(packed >> 8), FilterRow.LanguageSlots);
            bits |= slot < 0 ? FilterRow.LanguageOverflow : (ulong)(packed & 7) << (FilterRow.LanguageShift + (3 * slot));
        }

        var countries = _countries.Row(ordinal);
        bits |= countries.IsEmpty ? FilterRow.AnyCountry : 0;
        foreach (ushort country in countries)
        {
            int slot = Slot(_countrySlots, country, FilterRow.CountrySlots);
            bits |= slot < 0 ? FilterRow.CountryOverflow : 1UL << (FilterRow.CountryShift + slot);
        }

        foreach (int fact in facts)
        {
            bits |= fact < FilterRow.FactSlots ? 1UL << (FilterRow.FactShift + fact) : FilterRow.FactOverflow;
        }

        _filter[ordinal] = new FilterRow
        {
            Bits = bits,
            From = ScoringQuery.DayOf(profile.AvailableFrom, int.MinValue),
            To = ScoringQuery.DayOf(profile.AvailableTo, int.MaxValue),
        };

        // Skills: one entry per skill with its strongest evidence, sorted, packed as skill << 2 | evidence.
        var skills = profile.Skills
            .GroupBy(s => s.Skill.Value)
            .Select(g => (g.Key << 2) | Math.Clamp((int)g.Max(s => s.Evidence), 0, 3))
            .Order()
            .ToArray();
        _skills.Append(Varint.EncodeSkills(skills));

        var occupations = profile.Occupations
            .GroupBy(o => o.Occupation.Value)
            .Select(g => (Occupation: g.Key, Months: (ushort)g.Max(o => ScoringQuery.ClampMonths(o.Months))))
            .OrderBy(o => o.Occupation)
            .ToArray();
        _occupations.Append(occupations.Select(o => o.Occupation).ToArray());
        _months.Append(occupations.Select(o => o.Months).ToArray());
        foreach (var (occupation, months) in occupations)
        {
            _occupationPostings[occupation].Add(ordinal, months);
        }

        foreach (var (skill, code) in Expand(skills))
        {
            _skillPostings[skill].Add(ordinal, code);
            _df[skill]++;
        }

        _ordinalById.Add(profile.Id, ordinal);
        _count++;
        _live++;
    }

    private static int Slot(Dictionary<ushort, int> slots, ushort code, int capacity)
    {
        if (!slots.TryGetValue(code, out int slot))
        {
            slot = slots.Count < capacity ? slots.Count : -1;
            slots[code] = slot;
        }

        return slot;
    }

    /// <summary>Every skill a profile gets credit for (itself, its broader and narrower skills) with the best credit code.</summary>
    private (int Skill, byte Code)[] Expand(ReadOnlySpan<int> packedSkills)
    {
        var best = _expandScratch;
        best.Clear();
        foreach (int packed in packedSkills)
        {
            int d = packed >> 2;
            var evidence = (SkillEvidence)(packed & 3);
            Offer(d, ScoringQuery.Code(evidence, viaHierarchy: false));
            byte viaHierarchy = ScoringQuery.Code(evidence, viaHierarchy: true);
            foreach (int p in _vocabulary.Parents[d])
            {
                Offer(p, viaHierarchy);
            }

            foreach (int c in _vocabulary.Children[d])
            {
                Offer(c, viaHierarchy);
            }
        }

        return best.Select(kv => (kv.Key, kv.Value)).ToArray();

        void Offer(int skill, byte code)
        {
            if (!best.TryGetValue(skill, out byte current) || ScoringQuery.Better(_creditValue, code, current))
            {
                best[skill] = code;
            }
        }
    }

    private bool RemoveCore(long profileId)
    {
        if (!_ordinalById.Remove(profileId, out int ordinal))
        {
            return false;
        }

        _filter[ordinal].Bits &= ~FilterRow.Live;
        _live--;
        var row = _skills.Row(ordinal);
        Span<int> packed = stackalloc int[row.Length];
        int count = Varint.DecodeSkills(row, packed);
        foreach (var (skill, _) in Expand(packed[..count]))
        {
            _df[skill]--;
        }

        return true;
    }

    private void CompactIfSparse()
    {
        int dead = _count - _live;
        if (dead > 1024 && dead * 4 > _count)
        {
            CompactCore();
        }
    }

    private void CompactCore()
    {
        var profiles = new List<CandidateProfile>(_live);
        for (int ordinal = 0; ordinal < _count && _live < _count; ordinal++)
        {
            if ((_filter[ordinal].Bits & FilterRow.Live) != 0)
            {
                profiles.Add(Reconstruct(ordinal));
            }
        }

        if (_live < _count)
        {
            Reset();
            foreach (var p in profiles)
            {
                AddCore(p);
            }
        }

        Array.Resize(ref _ids, _count);
        Array.Resize(ref _filter, _count);
        _languages.TrimExcess();
        _countries.TrimExcess();
        _facts.TrimExcess();
        _skills.TrimExcess();
        _occupations.TrimExcess();
        _months.TrimExcess();
        foreach (var p in _skillPostings)
        {
            p.TrimExcess();
        }

        foreach (var p in _occupationPostings)
        {
            p.TrimExcess();
        }

        _contexts.Clear();
    }

    private CandidateProfile Reconstruct(int ordinal)
    {
        var occupations = _occupations.Row(ordinal);
        var months = _months.Row(ordinal);
        var occupationList = new OccupationExperience[occupations.Length];
        for (int i = 0; i < occupations.Length; i++)
        {
            occupationList[i] = new OccupationExperience(new OccupationId(occupations[i]), months[i]);
        }

        var row = _skills.Row(ordinal);
        Span<int> skills = stackalloc int[row.Length];
        skills = skills[..Varint.DecodeSkills(row, skills)];
        var skillList = new ProfileSkill[skills.Length];
        for (int i = 0; i < skills.Length; i++)
        {
            skillList[i] = new ProfileSkill(new SkillId(skills[i] >> 2), (SkillEvidence)(skills[i] & 3));
        }

        var languages = _languages.Row(ordinal);
        var languageList = new LanguageSkill[languages.Length];
        for (int i = 0; i < languages.Length; i++)
        {
            languageList[i] = new LanguageSkill(IsoCode.Decode((ushort)(languages[i] >> 8), upper: false), (CefrLevel)(languages[i] & 0xFF));
        }

        var countries = _countries.Row(ordinal);
        var countryList = new string[countries.Length];
        for (int i = 0; i < countries.Length; i++)
        {
            countryList[i] = IsoCode.Decode(countries[i], upper: true);
        }

        var facts = _facts.Row(ordinal);
        var factList = new string[facts.Length];
        for (int i = 0; i < facts.Length; i++)
        {
            factList[i] = _factNames[facts[i]];
        }

        return new CandidateProfile
        {
            Id = _ids[ordinal],
            Occupations = occupationList,
            Skills = skillList,
            Languages = languageList,
            EqfLevel = _filter[ordinal].Eqf == 0 ? null : _filter[ordinal].Eqf,
            AvailableFrom = _filter[ordinal].From == int.MinValue ? null : DateOnly.FromDayNumber(_filter[ordinal].From),
            AvailableTo = _filter[ordinal].To == int.MaxValue ? null : DateOnly.FromDayNumber(_filter[ordinal].To),
            CountriesWanted = countryList,
            ConsentToMatching = (_filter[ordinal].Bits & FilterRow.Consent) != 0,
            EligibilityFacts = factList,
        };
    }

    /// <summary>Per-thread buffers, pooled: the dense score accumulator is the big one (2 bytes per ordinal).</summary>
    private sealed class QueryContext
    {
        public ushort[] Accumulator = [];
        public int[] Candidates = [];
        public List<int> Memoised = [];
        public int[] HeapScore = [];
        public long[] HeapId = [];
        public int[] HeapOrdinal = [];
        public int[] ResultOrdinals = [];
        public int[] ResultScores = [];
        public int[] SkillHead = [];
        public List<(int Next, int Term, bool ViaHierarchy)> SkillEntries = [];
        public byte[] BestCode = [];
        public byte[] Eligibility = [];
        public int[] Buckets = [];
        public int[] Sorted = [];
    }

    /// <summary>
    /// One query. Term-at-a-time accumulation into a dense 16-bit array: the occupation pass first (best occupation per
    /// profile), then skill terms by decreasing upper bound. While long lists remain, up to two checkpoints compute the
    /// current k-th best eligible score θ; once the remaining terms' upper bounds plus the best language points fall
    /// below θ, nobody not yet seen can enter the top k, so the remaining (long, common-skill) lists are skipped and the
    /// candidates that could still reach the top k are completed from their own skill rows during selection (MaxScore).
    /// Selection gathers high scorers with a vectorised pass and feeds them, best bands first, to a k-sized heap; hard
    /// filters are checked (and memoised) only for candidates that could enter it.
    /// </summary>
    private sealed class QueryExecution(MatchIndex index, ScoringQuery q, int k, QueryContext context)
    {
        private readonly int _n = index._count;
        private readonly ushort[] _acc = EnsureAccumulator(context, index._count);
        private readonly byte[] _eligibility = EnsureEligibility(context, index._count);
        private ulong _mustHave;
        private ulong _countryBit;
        private int[] _rowFacts = [];
        private int[] _languageSlot = [];
        private int[] _skippedOrder = [];
        private int _firstSkipped;
        private long _remainingBound;
        private bool _completing;
        private int _max;
        private int _heapCount;

        public int Run()
        {
            try
            {
                if (!ResolveFilters())
                {
                    return 0;
                }

                if (context.HeapScore.Length < k)
                {
                    context.HeapScore = new int[k];
                    context.HeapId = new long[k];
                    context.HeapOrdinal = new int[k];
                    context.ResultOrdinals = new int[k];
                    context.ResultScores = new int[k];
                }

                OccupationPass();
                int terms = q.TermSkill.Length;
                var order = new int[terms];
                for (int t = 0; t < terms; t++)
                {
                    order[t] = t;
                }

                Array.Sort(order, (a, b) =>
                {
                    int c = q.TermUpperBound[b].CompareTo(q.TermUpperBound[a]);
                    return c != 0 ? c : index._skillPostings[q.TermSkill[a]].Count.CompareTo(index._skillPostings[q.TermSkill[b]].Count) is int d && d != 0 ? d : a.CompareTo(b);
                });

                long remainingBound = 0;
                long remainingPostings = 0;
                foreach (int t in order)
                {
                    remainingBound += q.TermUpperBound[t];
                    remainingPostings += index._skillPostings[q.TermSkill[t]].Count;
                }

                int languageMax = q.LanguageMax;
                int checkpoints = 0;
                long lastCheckpointBound = long.MaxValue;
                int firstSkipped = -1;
                for (int i = 0; i < terms; i++)
                {
                    int t = order[i];
                    bool worthPruning = i > 0 && checkpoints < 2 && remainingPostings > (_n / 2) + index.CheckpointMinimumPostings
                        && (lastCheckpointBound == long.MaxValue || remainingBound * 2 <= lastCheckpointBound);
                    if (worthPruning)
                    {
                        checkpoints++;
                        lastCheckpointBound = remainingBound;
                        if (Select() == k && remainingBound + languageMax < context.HeapScore[0])
                        {
                            firstSkipped = i;
                            break;
                        }
                    }

                    Accumulate(t);
                    remainingBound -= q.TermUpperBound[t];
                    remainingPostings -= index._skillPostings[q.TermSkill[t]].Count;
                }

                if (firstSkipped >= 0)
                {
                    Interlocked.Increment(ref index._prunedQueries);
                    LinkSkippedTerms(order, firstSkipped);
                    _remainingBound = remainingBound;
                    _completing = true;
                }

                int found = Select();
                Sort(found);
                return found;
            }
            finally
            {
                Array.Clear(_acc, 0, _n);
                foreach (int ordinal in context.Memoised)
                {
                    _eligibility[ordinal] = 0;
                }

                context.Memoised.Clear();
                if (_completing)
                {
                    UnlinkSkippedTerms();
                }
            }
        }

        private static byte[] EnsureEligibility(QueryContext context, int n)
        {
            if (context.Eligibility.Length < n)
            {
                context.Eligibility = new byte[n + (n / 8)];
            }

            return context.Eligibility;
        }

        /// <summary>Eligibility memoised per query (0 unknown, 1 excluded, 2 + language quarters): checkpoints revisit candidates.</summary>
        private bool Eligible(int ordinal, out int languageQuarters)
        {
            int memo = _eligibility[ordinal];
            if (memo == 0)
            {
                memo = CheckFilters(ordinal, out int quarters) ? 2 + Math.Min(quarters, 250) : 1;
                _eligibility[ordinal] = (byte)memo;
                context.Memoised.Add(ordinal);
            }

            languageQuarters = memo - 2;
            return memo >= 2;
        }

        private static ushort[] EnsureAccumulator(QueryContext context, int n)
        {
            if (context.Accumulator.Length < n)
            {
                context.Accumulator = new ushort[n + (n / 8)];
            }

            return context.Accumulator;
        }

        private void OccupationPass()
        {
            var acc = _acc;
            int max = _max;
            double target = q.ExperienceTarget;
            foreach (int o in q.ActiveOccupations)
            {
                var posting = index._occupationPostings[o];
                var ordinals = posting.Ordinals;
                var months = posting.Months;
                double scale = q.ExperienceScale(o);
                int occupation = q.OccupationContribution[o];
                int full = occupation + (int)Math.Round(scale * 1.0);
                for (int i = 0; i < posting.Count; i++)
                {
                    // Same arithmetic as ScoringQuery.OccupationValue, with the constant parts hoisted.
                    int m = months[i];
                    int v = m >= target ? full : occupation + (int)Math.Round(scale * (m / target));
                    int ordinal = ordinals[i];
                    if (v > acc[ordinal])
                    {
                        acc[ordinal] = (ushort)v;
                        max = Math.Max(max, v);
                    }
                }
            }

            _max = max;
        }

        private void Accumulate(int term)
        {
            var posting = index._skillPostings[q.TermSkill[term]];
            ReadOnlySpan<int> contribution = q.Contribution.AsSpan(term * ScoringQuery.CodeCount, ScoringQuery.CodeCount);
            var acc = _acc;
            ReadOnlySpan<byte> data = posting.Data.AsSpan(0, posting.Length);
            int max = _max;
            int ordinal = -1;
            int position = 0;
            while (position < data.Length)
            {
                uint v = data[position++];
                if (v >= 0x80)
                {
                    v &= 0x7F;
                    int shift = 7;
                    uint b;
                    do
                    {
                        b = data[position++];
                        v |= (b & 0x7F) << shift;
                        shift += 7;
                    }
                    while (b >= 0x80);
                }

                ordinal += (int)(v >> 4);
                int sum = acc[ordinal] + contribution[(int)(v & 15)];
                acc[ordinal] = (ushort)sum;
                max = Math.Max(max, sum);
            }

            _max = max;
        }

        /// <summary>Maps each skill a person may hold to the skipped terms it gives credit to, for <see cref="Remainder"/>.</summary>
        private void LinkSkippedTerms(int[] order, int firstSkipped)
        {
            var vocabulary = index._vocabulary;
            if (context.SkillHead.Length < vocabulary.SkillCount)
            {
                context.SkillHead = new int[vocabulary.SkillCount];
                Array.Fill(context.SkillHead, -1);
            }

            if (context.BestCode.Length < q.TermSkill.Length)
            {
                context.BestCode = new byte[q.TermSkill.Length];
            }

            _skippedOrder = order;
            _firstSkipped = firstSkipped;
            var head = context.SkillHead;
            var entries = context.SkillEntries;
            entries.Clear();
            for (int i = firstSkipped; i < order.Length; i++)
            {
                int t = order[i];
                int s = q.TermSkill[t];
                Link(s, t, viaHierarchy: false);
                foreach (int p in vocabulary.Parents[s])
                {
                    Link(p, t, viaHierarchy: true);
                }

                foreach (int c in vocabulary.Children[s])
                {
                    Link(c, t, viaHierarchy: true);
                }
            }

            void Link(int skill, int term, bool viaHierarchy)
            {
                entries.Add((head[skill], term, viaHierarchy));
                head[skill] = entries.Count - 1;
            }
        }

        private void UnlinkSkippedTerms()
        {
            var vocabulary = index._vocabulary;
            var head = context.SkillHead;
            for (int i = _firstSkipped; i < _skippedOrder.Length; i++)
            {
                int s = q.TermSkill[_skippedOrder[i]];
                head[s] = -1;
                foreach (int p in vocabulary.Parents[s])
                {
                    head[p] = -1;
                }

                foreach (int c in vocabulary.Children[s])
                {
                    head[c] = -1;
                }
            }
        }

        /// <summary>Points a profile gets from the skipped terms, from its own skill row (the same credit rule as the postings).</summary>
        private int Remainder(int ordinal)
        {
            var head = context.SkillHead;
            var entries = context.SkillEntries;
            var best = context.BestCode;
            var credit = index._creditValue;
            var row = index._skills.Row(ordinal);
            Span<int> skills = row.Length <= 256 ? stackalloc int[row.Length] : new int[row.Length];
            int skillCount = Varint.DecodeSkills(row, skills);
            Span<int> touched = stackalloc int[q.TermSkill.Length];
            int touchedCount = 0;
            foreach (int packed in skills[..skillCount])
            {
                var evidence = (SkillEvidence)(packed & 3);
                for (int e = head[packed >> 2]; e >= 0; e = entries[e].Next)
                {
                    var (_, term, viaHierarchy) = entries[e];
                    byte code = ScoringQuery.Code(evidence, viaHierarchy);
                    if (best[term] == 0)
                    {
                        touched[touchedCount++] = term;
                        best[term] = code;
                    }
                    else if (ScoringQuery.Better(credit, code, best[term]))
                    {
                        best[term] = code;
                    }
                }
            }

            int points = 0;
            for (int i = 0; i < touchedCount; i++)
            {
                int term = touched[i];
                points += q.Contribution[(term * ScoringQuery.CodeCount) + best[term]];
                best[term] = 0;
            }

            return points;
        }

        /// <summary>Resolves the vacancy's filters to bit tests on <see cref="FilterRow"/>; false when nobody can pass.</summary>
        private bool ResolveFilters()
        {
            _mustHave = FilterRow.Live | FilterRow.Consent;
            var facts = new List<int>();
            foreach (string fact in q.Facts)
            {
                if (!index._factIds.TryGetValue(fact, out int id))
                {
                    return false; // nobody holds this fact
                }

                if (id < FilterRow.FactSlots)
                {
                    _mustHave |= 1UL << (FilterRow.FactShift + id);
                }
                else
                {
                    facts.Add(id);
                }
            }

            facts.Sort();
            _rowFacts = [.. facts];
            _countryBit = 0;
            if (q.Country != 0 && index._countrySlots.TryGetValue(q.Country, out int countrySlot) && countrySlot >= 0)
            {
                _countryBit = 1UL << (FilterRow.CountryShift + countrySlot);
            }

            _languageSlot = new int[q.LanguageCodes.Length];
            for (int i = 0; i < _languageSlot.Length; i++)
            {
                _languageSlot[i] = index._languageSlots.TryGetValue(q.LanguageCodes[i], out int slot) ? slot : -2;
                if (_languageSlot[i] == -2)
                {
                    return false; // nobody speaks this language
                }
            }

            return true;
        }

        private bool CheckFilters(int ordinal, out int languageQuarters)
        {
            languageQuarters = 0;
            ref readonly var row = ref index._filter[ordinal];
            ulong bits = row.Bits;
            if ((bits & _mustHave) != _mustHave || row.Eqf < q.MinimumEqf)
            {
                return false;
            }

            if (q.HasDates && (row.From > q.StartDay || row.To < q.EndDay))
            {
                return false;
            }

            if (q.Country != 0 && (bits & FilterRow.AnyCountry) == 0 && (bits & _countryBit) == 0
                && (_countryBit != 0 || (bits & FilterRow.CountryOverflow) == 0 || !index._countries.Row(ordinal).Contains(q.Country)))
            {
                return false;
            }

            for (int i = 0; i < _languageSlot.Length; i++)
            {
                int level = _languageSlot[i] >= 0 ? row.LanguageLevel(_languageSlot[i]) : RowLanguageLevel(ordinal, bits, q.LanguageCodes[i]);
                if (level < (int)q.LanguageMinimum[i])
                {
                    return false;
                }

                languageQuarters += ScoringQuery.LanguageQuarters((CefrLevel)level, q.LanguageMinimum[i]);
            }

            if (_rowFacts.Length > 0)
            {
                if ((bits & FilterRow.FactOverflow) == 0)
                {
                    return false;
                }

                var facts = index._facts.Row(ordinal);
                foreach (int f in _rowFacts)
                {
                    if (facts.BinarySearch(f) < 0)
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private int RowLanguageLevel(int ordinal, ulong bits, ushort code)
        {
            if ((bits & FilterRow.LanguageOverflow) == 0)
            {
                return 0;
            }

            foreach (uint packed in index._languages.Row(ordinal))
            {
                if ((packed >> 8) == code)
                {
                    return (int)(packed & 0xFF);
                }
            }

            return 0;
        }

        /// <summary>
        /// Fills the heap with the best k eligible profiles by accumulated score plus language points (and, after
        /// pruning, the skipped terms' points). One vectorised pass gathers the candidates of a high score range into a
        /// small buffer, which a counting sort orders by decreasing accumulated score, so the heap fills with the best
        /// candidates first and the visit stops at the first one that can no longer beat the k-th; lower ranges are
        /// gathered only while someone in them could still beat it. The visiting order does not change the result: the
        /// heap keeps the best k under a total order (score, then id) of everyone who could enter it.
        /// </summary>
        private int Select()
        {
            _heapCount = 0;
            long slack = Slack;
            int upper = _max + 1;
            int lower = Math.Max(1, _max / 2);
            while (upper > 1)
            {
                int count = Gather(lower, upper);
                if (count > 0)
                {
                    var sorted = SortDescending(count, lower, upper);
                    var acc = _acc;
                    for (int i = 0; i < count; i++)
                    {
                        int ordinal = sorted[i];
                        int a = acc[ordinal];
                        if (_heapCount == k && a + slack < context.HeapScore[0])
                        {
                            return _heapCount; // everyone after this one, in this range and below, scores no more
                        }

                        if (Eligible(ordinal, out int quarters))
                        {
                            Offer(a + (_completing ? Remainder(ordinal) : 0) + q.LanguageContribution(quarters), index._ids[ordinal], ordinal);
                        }
                    }
                }

                if (_heapCount == k && lower - 1 + slack < context.HeapScore[0])
                {
                    return _heapCount;
                }

                upper = lower;
                lower = Math.Max(1, lower / 4);
            }

            return _heapCount;
        }

        /// <summary>The gathered candidates (accumulated scores in [lower, upper)) by decreasing score, ordinal ascending within a score.</summary>
        private int[] SortDescending(int count, int lower, int upper)
        {
            int range = upper - lower;
            if (context.Buckets.Length < range + 1)
            {
                context.Buckets = new int[range + 1];
            }

            if (context.Sorted.Length < count)
            {
                context.Sorted = new int[context.Candidates.Length];
            }

            var buckets = context.Buckets;
            var candidates = context.Candidates;
            var sorted = context.Sorted;
            var acc = _acc;
            Array.Clear(buckets, 0, range + 1);
            for (int i = 0; i < count; i++)
            {
                buckets[upper - acc[candidates[i]]]++;
            }

            for (int b = 1; b <= range; b++)
            {
                buckets[b] += buckets[b - 1];
            }

            for (int i = 0; i < count; i++)
            {
                int ordinal = candidates[i];
                sorted[buckets[upper - 1 - acc[ordinal]]++] = ordinal;
            }

            return sorted;
        }

        /// <summary>The most a candidate can still gain over its accumulated score: language points, plus skipped terms.</summary>
        private long Slack => q.LanguageMax + (_completing ? _remainingBound : 0);

        /// <summary>Collects the ordinals whose accumulated score is in [lower, upper) and could still beat the heap.</summary>
        private int Gather(int lower, int upper)
        {
            var acc = _acc;
            int count = 0;
            int floor = _heapCount == k ? (int)Math.Clamp(context.HeapScore[0] - Slack, lower, upper) : lower;
            if (floor >= upper)
            {
                return 0;
            }

            // One compare per 16 (or 8) accumulators gives a bit mask of those in [floor, upper); only set bits are
            // visited, so a block holding one candidate costs one append instead of a scalar pass over the block.
            bool capped = upper <= ushort.MaxValue;
            ushort cap = (ushort)Math.Min(upper, ushort.MaxValue);
            ref ushort origin = ref MemoryMarshal.GetArrayDataReference(acc);
            int ordinal = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                var floorVector = Vector256.Create((ushort)floor);
                var upperVector = Vector256.Create(cap);
                for (; ordinal + Vector256<ushort>.Count <= _n; ordinal += Vector256<ushort>.Count)
                {
                    var block = Vector256.LoadUnsafe(ref origin, (nuint)ordinal);
                    var inRange = Vector256.GreaterThanOrEqual(block, floorVector);
                    if (capped)
                    {
                        inRange &= Vector256.LessThan(block, upperVector);
                    }

                    AppendMask(inRange.ExtractMostSignificantBits(), ordinal, ref count);
                }
            }
            else if (Vector128.IsHardwareAccelerated)
            {
                var floorVector = Vector128.Create((ushort)floor);
                var upperVector = Vector128.Create(cap);
                for (; ordinal + Vector128<ushort>.Count <= _n; ordinal += Vector128<ushort>.Count)
                {
                    var block = Vector128.LoadUnsafe(ref origin, (nuint)ordinal);
                    var inRange = Vector128.GreaterThanOrEqual(block, floorVector);
                    if (capped)
                    {
                        inRange &= Vector128.LessThan(block, upperVector);
                    }

                    AppendMask(inRange.ExtractMostSignificantBits(), ordinal, ref count);
                }
            }

            for (; ordinal < _n; ordinal++)
            {
                int a = acc[ordinal];
                if (a >= floor && a < upper)
                {
                    AppendMask(1, ordinal, ref count);
                }
            }

            return count;
        }

        /// <summary>Appends base + i for every set bit i of the mask, ascending.</summary>
        private void AppendMask(uint mask, int baseOrdinal, ref int count)
        {
            if (mask == 0)
            {
                return;
            }

            if (count + 32 > context.Candidates.Length)
            {
                Array.Resize(ref context.Candidates, Math.Max(1024, count * 2));
            }

            var candidates = context.Candidates;
            do
            {
                candidates[count++] = baseOrdinal + BitOperations.TrailingZeroCount(mask);
                mask &= mask - 1;
            }
            while (mask != 0);
        }

        // Min-heap whose root is the worst kept entry: lower score, or equal score and larger id.
        private void Offer(int score, long id, int ordinal)
        {
            var hs = context.HeapScore;
            var hi = context.HeapId;
            var ho = context.HeapOrdinal;
            int i;
            if (_heapCount < k)
            {
                i = _heapCount++;
                while (i > 0)
                {
                    int parent = (i - 1) >> 1;
                    if (!Worse(score, id, hs[parent], hi[parent]))
                    {
                        break;
                    }

                    hs[i] = hs[parent];
                    hi[i] = hi[parent];
                    ho[i] = ho[parent];
                    i = parent;
                }
            }
            else
            {
                if (!Worse(hs[0], hi[0], score, id))
                {
                    return;
                }

                i = 0;
                while (true)
                {
                    int child = (2 * i) + 1;
                    if (child >= k)
                    {
                        break;
                    }

                    if (child + 1 < k && Worse(hs[child + 1], hi[child + 1], hs[child], hi[child]))
                    {
                        child++;
                    }

                    if (!Worse(hs[child], hi[child], score, id))
                    {
                        break;
                    }

                    hs[i] = hs[child];
                    hi[i] = hi[child];
                    ho[i] = ho[child];
                    i = child;
                }
            }

            hs[i] = score;
            hi[i] = id;
            ho[i] = ordinal;
        }

        private static bool Worse(int scoreA, long idA, int scoreB, long idB) =>
            scoreA < scoreB || (scoreA == scoreB && idA > idB);

        private void Sort(int found)
        {
            var keys = new int[found];
            for (int i = 0; i < found; i++)
            {
                keys[i] = i;
            }

            var hs = context.HeapScore;
            var hi = context.HeapId;
            Array.Sort(keys, (a, b) => hs[a] != hs[b] ? hs[b].CompareTo(hs[a]) : hi[a].CompareTo(hi[b]));
            for (int i = 0; i < found; i++)
            {
                context.ResultOrdinals[i] = context.HeapOrdinal[keys[i]];
                context.ResultScores[i] = hs[keys[i]];
            }
        }
    }
}
