using System.Collections.Concurrent;

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
/// <para>
/// One class in five files: this one (public API and locking), MatchIndex.Write.cs (add, remove, compact, reconstruct),
/// MatchIndex.Query.cs (accumulation and pruning), MatchIndex.Filters.cs (hard filters) and MatchIndex.Selection.cs
/// (gathering candidates and the top-k heap).
/// </para>
/// </summary>
public sealed partial class MatchIndex : IDisposable
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
}
