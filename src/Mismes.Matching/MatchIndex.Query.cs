namespace Mismes.Matching;

// The query: compiling a vacancy, accumulating occupation and skill points term by term, MaxScore pruning and
// completion of the skipped terms. Filters and selection are the other parts of QueryExecution.
public sealed partial class MatchIndex
{
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
    private sealed partial class QueryExecution(MatchIndex index, ScoringQuery q, int k, QueryContext context)
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
    }
}
