using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Mismes.Matching;

// Selection inside a query: gathering high scorers (vectorised), ordering them by a counting sort, the k-sized heap.
public sealed partial class MatchIndex
{
    private sealed partial class QueryExecution
    {
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
