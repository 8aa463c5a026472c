namespace Mismes.Taxonomy.Text;

/// <summary>One text to match against, belonging to a group (a concept, or any target the caller ranks).</summary>
internal readonly record struct LabelDoc(int Group, string Text, string Language, float Weight = 1f);

/// <summary>A group's score and the document (label) that gave it.</summary>
internal readonly record struct GroupHit(int Group, float Score, int Doc);

/// <summary>Tuning knobs for <see cref="LabelIndex"/>.</summary>
internal sealed record LabelIndexOptions
{
    /// <summary>Share of the word-level BM25 score in the fused score; the rest is character n-gram cosine.</summary>
    public float WordWeight { get; init; } = 0.5f;

    public float K1 { get; init; } = 1.2f;

    public float B { get; init; } = 0.75f;

    public int MinGram { get; init; } = 3;

    public int MaxGram { get; init; } = 5;

    /// <summary>
    /// Added to a document that already matches when its head word (the last word in English, the first in French,
    /// Spanish, Arabic: "manager" in "production manager", "agent" in "agent d'accueil") is the query's head word.
    /// </summary>
    public float HeadBonus { get; init; } = 0.08f;

    /// <summary>
    /// Weight of words learnt as interchangeable from the labels of one group (a concept's alternative labels):
    /// a query word absent from a label can be matched, at this discount, by a word that replaces it in other
    /// labels of the same concepts. 0 turns it off.
    /// </summary>
    public float SynonymWeight { get; init; } = 0.8f;

    public static LabelIndexOptions Default { get; } = new();
}

/// <summary>
/// In-memory hybrid index over short labels: BM25 on stemmed words (<see cref="TextAnalyzer.Words"/>) fused with
/// TF-IDF cosine on character n-grams of the surface words (<see cref="TextAnalyzer.Surface"/>), which forgives typos
/// and unseen inflections. Both parts are on an absolute 0..~1 scale: BM25 is divided by the query's summed IDF, so
/// scores mean the same from one query to the next. A group scores as its best document.
/// </summary>
internal sealed class LabelIndex
{
    private readonly LabelDoc[] docs;
    private readonly LabelIndexOptions options;
    private readonly Dictionary<string, int> wordIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> gramIds = new(StringComparer.Ordinal);
    private readonly int[][] wordDocs;
    private readonly float[][] wordTf;
    private readonly float[] wordIdf;
    private readonly int[][] gramDocs;
    private readonly float[][] gramWeight;
    private readonly float[] gramIdf;
    private readonly float[] docLength;
    private readonly float[] docIdfSum;
    private readonly string[][] docTerms;
    private readonly string?[] docHead;
    private readonly Dictionary<int, (int Term, float P)[]> synonyms = [];
    private readonly int[] docStamp;
    private int stamp;
    private readonly float averageLength;
    private readonly int groupCount;

    public LabelIndex(IReadOnlyList<LabelDoc> documents, LabelIndexOptions? options = null)
    {
        this.options = options ?? LabelIndexOptions.Default;
        docs = documents.ToArray();
        groupCount = docs.Length == 0 ? 0 : docs.Max(d => d.Group) + 1;
        docLength = new float[docs.Length];
        docIdfSum = new float[docs.Length];
        docTerms = new string[docs.Length][];
        docHead = new string?[docs.Length];
        var wordPostings = new List<(int Doc, float Tf)>();
        var wordLists = new List<List<(int Doc, float Tf)>>();
        var gramLists = new List<List<(int Doc, float W)>>();
        var docGrams = new Dictionary<int, float>[docs.Length];
        for (var d = 0; d < docs.Length; d++)
        {
            var words = TextAnalyzer.Words(docs[d].Text, docs[d].Language);
            docLength[d] = words.Count;
            docTerms[d] = [.. words];
            docHead[d] = Head(docs[d].Text, docs[d].Language);
            foreach (var group in words.GroupBy(w => w, StringComparer.Ordinal))
            {
                if (!wordIds.TryGetValue(group.Key, out var id))
                {
                    wordIds[group.Key] = id = wordLists.Count;
                    wordLists.Add([]);
                }

                wordLists[id].Add((d, group.Count()));
            }

            var grams = new Dictionary<int, float>();
            foreach (var gram in Grams(TextAnalyzer.Surface(docs[d].Text, docs[d].Language)))
            {
                if (!gramIds.TryGetValue(gram, out var id))
                {
                    gramIds[gram] = id = gramLists.Count;
                    gramLists.Add([]);
                }

                grams[id] = grams.GetValueOrDefault(id) + 1;
            }

            docGrams[d] = grams;
            foreach (var id in grams.Keys)
            {
                gramLists[id].Add((d, 0));
            }
        }

        averageLength = docs.Length == 0 ? 1 : Math.Max(1, docLength.Average());
        var n = Math.Max(1, docs.Length);
        wordIdf = wordLists.Select(l => Idf(n, l.Count)).ToArray();
        wordDocs = wordLists.Select(l => l.Select(p => p.Doc).ToArray()).ToArray();
        wordTf = wordLists.Select(l => l.Select(p => p.Tf).ToArray()).ToArray();
        for (var t = 0; t < wordDocs.Length; t++)
        {
            foreach (var d in wordDocs[t])
            {
                docIdfSum[d] += wordIdf[t];
            }
        }

        docStamp = new int[docs.Length];
        if (this.options.SynonymWeight > 0)
        {
            LearnSynonyms();
        }

        gramIdf = gramLists.Select(l => (float)Math.Log((1.0 + n) / (1.0 + l.Count)) + 1f).ToArray();

        // Sublinear tf × idf, L2-normalised per document.
        var norms = new float[docs.Length];
        for (var d = 0; d < docs.Length; d++)
        {
            double sum = 0;
            foreach (var (id, tf) in docGrams[d])
            {
                var w = (1 + Math.Log(tf)) * gramIdf[id];
                sum += w * w;
            }

            norms[d] = sum > 0 ? (float)Math.Sqrt(sum) : 1f;
        }

        gramDocs = new int[gramLists.Count][];
        gramWeight = new float[gramLists.Count][];
        for (var g = 0; g < gramLists.Count; g++)
        {
            var list = gramLists[g];
            gramDocs[g] = new int[list.Count];
            gramWeight[g] = new float[list.Count];
            for (var i = 0; i < list.Count; i++)
            {
                var d = list[i].Doc;
                gramDocs[g][i] = d;
                gramWeight[g][i] = (float)((1 + Math.Log(docGrams[d][g])) * gramIdf[g] / norms[d]);
            }
        }
    }

    public int Count => docs.Length;

    public LabelDoc this[int doc] => docs[doc];

    /// <summary>Fused score of every document for <paramref name="query"/> (0 for documents with nothing in common).</summary>
    public float[] ScoreDocuments(string query, string language)
    {
        var scores = new float[docs.Length];
        var ww = options.WordWeight;
        if (ww > 0)
        {
            AddWordScores(query, language, scores, ww);
        }

        if (ww < 1)
        {
            AddGramScores(query, language, scores, 1 - ww);
        }

        var head = options.HeadBonus > 0 ? Head(query, language) : null;
        for (var d = 0; d < scores.Length; d++)
        {
            if (head is not null && scores[d] > 0 && string.Equals(head, docHead[d], StringComparison.Ordinal))
            {
                scores[d] += options.HeadBonus;
            }

            scores[d] *= docs[d].Weight;
        }

        return scores;
    }

    /// <summary>Groups ranked by their best document's score; only groups with a positive score.</summary>
    public List<GroupHit> SearchGroups(string query, string language, int k, Func<int, bool>? groupFilter = null)
    {
        var scores = ScoreDocuments(query, language);
        return RankGroups(scores, k, groupFilter);
    }

    public List<GroupHit> RankGroups(float[] scores, int k, Func<int, bool>? groupFilter = null)
    {
        var best = new float[groupCount];
        var bestDoc = new int[groupCount];
        Array.Fill(bestDoc, -1);
        for (var d = 0; d < scores.Length; d++)
        {
            var g = docs[d].Group;
            if (scores[d] > best[g])
            {
                best[g] = scores[d];
                bestDoc[g] = d;
            }
        }

        var hits = new List<GroupHit>();
        for (var g = 0; g < groupCount; g++)
        {
            if (bestDoc[g] >= 0 && (groupFilter is null || groupFilter(g)))
            {
                hits.Add(new GroupHit(g, best[g], bestDoc[g]));
            }
        }

        hits.Sort((a, b) => b.Score.CompareTo(a.Score));
        return hits.Count > k ? hits.GetRange(0, k) : hits;
    }

    /// <summary>
    /// How much of each document a longer text contains (skill extraction): the IDF-weighted share of the
    /// document's terms found in the text, squared to prefer complete labels, times a saturating function of the
    /// matched IDF so that one rare word beats one common word; plus a bonus when the label's terms appear in the
    /// text in the same order, next to each other.
    /// </summary>
    public float[] ScoreContainment(string text, string language, float saturation = 8f, float phraseBonus = 0.5f, float synonymsInContainment = 0f)
    {
        var words = TextAnalyzer.Words(text, language).ToList();
        var matched = new float[docs.Length];
        var present = new HashSet<int>();
        foreach (var term in words.Distinct(StringComparer.Ordinal))
        {
            if (!wordIds.TryGetValue(term, out var id))
            {
                continue;
            }

            present.Add(id);
            var idf = wordIdf[id];
            foreach (var d in wordDocs[id])
            {
                matched[d] += idf;
            }
        }

        // A label word the text lacks is partly covered by a text word that replaces it in other labels.
        var replaced = new Dictionary<int, float>();
        if (synonymsInContainment > 0)
        {
            foreach (var id in present)
            {
                if (!synonyms.TryGetValue(id, out var replacements))
                {
                    continue;
                }

                foreach (var (other, p) in replacements)
                {
                    if (!present.Contains(other) && synonymsInContainment * p > replaced.GetValueOrDefault(other))
                    {
                        replaced[other] = synonymsInContainment * p;
                    }
                }
            }
        }

        foreach (var (other, share) in replaced)
        {
            var idf = wordIdf[other] * share;
            foreach (var d in wordDocs[other])
            {
                matched[d] += idf;
            }
        }

        var scores = new float[docs.Length];
        for (var d = 0; d < docs.Length; d++)
        {
            if (matched[d] <= 0)
            {
                continue;
            }

            var coverage = Math.Min(1f, matched[d] / docIdfSum[d]);
            var score = coverage * coverage * (1f - MathF.Exp(-matched[d] / saturation));
            if (phraseBonus > 0 && docTerms[d].Length > 1)
            {
                score *= 1f + (phraseBonus * LongestRun(docTerms[d], words) / docTerms[d].Length);
            }

            scores[d] = score * docs[d].Weight;
        }

        return scores;
    }

    /// <summary>Longest run of consecutive label terms that appear consecutively in the text.</summary>
    private static int LongestRun(string[] label, List<string> text)
    {
        var best = 0;
        for (var i = 0; i < text.Count; i++)
        {
            for (var j = 0; j < label.Length; j++)
            {
                var n = 0;
                while (i + n < text.Count && j + n < label.Length && string.Equals(text[i + n], label[j + n], StringComparison.Ordinal))
                {
                    n++;
                }

                best = Math.Max(best, n);
            }
        }

        return best > 1 ? best : 0;
    }

    private void AddWordScores(string query, string language, float[] scores, float weight)
    {
        var terms = QueryTerms(query, language);
        if (terms.Count == 0)
        {
            return;
        }

        var unknownIdf = Idf(Math.Max(1, docs.Length), 0);
        var total = 0f;
        foreach (var term in terms)
        {
            total += wordIds.TryGetValue(term, out var id) ? wordIdf[id] : unknownIdf;
        }

        var k1 = options.K1;
        var b = options.B;
        foreach (var term in terms)
        {
            if (!wordIds.TryGetValue(term, out var id))
            {
                continue;
            }

            var idf = wordIdf[id] * weight / total;
            var postings = wordDocs[id];
            var tfs = wordTf[id];
            stamp++;
            for (var i = 0; i < postings.Length; i++)
            {
                var d = postings[i];
                var tf = tfs[i];
                scores[d] += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * docLength[d] / averageLength));
                docStamp[d] = stamp;
            }

            if (options.SynonymWeight > 0 && synonyms.TryGetValue(id, out var replacements))
            {
                // Documents without the word itself get the best replacement, at a discount.
                var best = new Dictionary<int, float>();
                foreach (var (other, p) in replacements)
                {
                    var otherPostings = wordDocs[other];
                    var otherTfs = wordTf[other];
                    for (var i = 0; i < otherPostings.Length; i++)
                    {
                        var d = otherPostings[i];
                        if (docStamp[d] == stamp)
                        {
                            continue;
                        }

                        var tf = otherTfs[i];
                        var value = options.SynonymWeight * p * idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * docLength[d] / averageLength));
                        if (value > best.GetValueOrDefault(d))
                        {
                            best[d] = value;
                        }
                    }
                }

                foreach (var (d, value) in best)
                {
                    scores[d] += value;
                }
            }
        }
    }

    /// <summary>
    /// The query's stemmed terms. In German and Dutch, which write compounds as one word, an unknown term made of two
    /// known ones ("softwareontwikkelaar" where the labels say "software ontwikkelaar", "Arbeitsvermittler" with a
    /// linking s) also stands for its parts (an unknown one only for them), and two consecutive terms whose joined
    /// form is known add that form.
    /// </summary>
    internal List<string> QueryTerms(string query, string language)
    {
        var words = TextAnalyzer.Words(query, language);
        if (TextAnalyzer.BaseLanguage(language) is not ("de" or "nl"))
        {
            return words.Distinct(StringComparer.Ordinal).ToList();
        }

        var terms = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            terms.Add(word);
            if (SplitCompound(word) is var (head, tail))
            {
                // Both: labels that write the compound as one word match it, those that write two words match them.
                if (!wordIds.ContainsKey(word))
                {
                    terms.RemoveAt(terms.Count - 1);
                }

                terms.Add(head);
                terms.Add(tail);
            }

            if (i + 1 < words.Count && wordIds.ContainsKey(word + words[i + 1]))
            {
                terms.Add(word + words[i + 1]);
            }
        }

        return terms.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The longest known first part and a known last part (each at least 3 and 4 letters), or null.</summary>
    private (string Head, string Tail)? SplitCompound(string word)
    {
        for (var k = word.Length - 4; k >= 3; k--)
        {
            var tail = word[k..];
            if (!wordIds.ContainsKey(tail))
            {
                continue;
            }

            var head = word[..k];
            foreach (var candidate in new[] { head, head.TrimEnd('e'), head.EndsWith('s') ? head[..^1] : head, head.EndsWith("en", StringComparison.Ordinal) ? head[..^2] : head })
            {
                if (candidate.Length >= 3 && wordIds.ContainsKey(candidate))
                {
                    return (candidate, tail);
                }
            }
        }

        return null;
    }

    private void AddGramScores(string query, string language, float[] scores, float weight)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var gram in Grams(TextAnalyzer.Surface(query, language)))
        {
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }

        if (counts.Count == 0)
        {
            return;
        }

        var unknownIdf = (float)Math.Log(1.0 + docs.Length) + 1f;
        double norm = 0;
        var known = new List<(int Id, float W)>();
        foreach (var (gram, tf) in counts)
        {
            var has = gramIds.TryGetValue(gram, out var id);
            var w = (float)(1 + Math.Log(tf)) * (has ? gramIdf[id] : unknownIdf);
            norm += w * w;
            if (has)
            {
                known.Add((id, w));
            }
        }

        var scale = weight / (float)Math.Sqrt(norm);
        foreach (var (id, w) in known)
        {
            var qw = w * scale;
            var postings = gramDocs[id];
            var ws = gramWeight[id];
            for (var i = 0; i < postings.Length; i++)
            {
                scores[postings[i]] += qw * ws[i];
            }
        }
    }

    private IEnumerable<string> Grams(IReadOnlyList<string> words)
    {
        foreach (var word in words)
        {
            var padded = string.Concat(" ", word, " ");
            for (var n = options.MinGram; n <= options.MaxGram; n++)
            {
                for (var i = 0; i + n <= padded.Length; i++)
                {
                    yield return padded.Substring(i, n);
                }
            }
        }
    }

    /// <summary>
    /// Word associations from label variation: for two labels of the same group that differ by a few words, each
    /// word only in one is associated with each word only in the other. Kept when seen in at least two pairs.
    /// </summary>
    private void LearnSynonyms()
    {
        var counts = new Dictionary<(int A, int B), float>();
        var totals = new Dictionary<int, float>();
        foreach (var group in Enumerable.Range(0, docs.Length).Where(d => docs[d].Weight >= 0.5f).GroupBy(d => docs[d].Group))
        {
            var sets = group.Select(d => docTerms[d].Select(t => wordIds[t]).ToHashSet())
                .DistinctBy(set => string.Join(' ', set.Order()))
                .Take(40)
                .ToList();
            for (var i = 0; i < sets.Count; i++)
            {
                for (var j = 0; j < sets.Count; j++)
                {
                    if (i == j)
                    {
                        continue;
                    }

                    var onlyI = sets[i].Except(sets[j]).ToList();
                    var onlyJ = sets[j].Except(sets[i]).ToList();
                    if (onlyI.Count is 0 or > 3 || onlyJ.Count is 0 or > 3)
                    {
                        continue;
                    }

                    var share = 1f / (onlyI.Count * onlyJ.Count);
                    foreach (var a in onlyI)
                    {
                        totals[a] = totals.GetValueOrDefault(a) + (1f / onlyI.Count);
                        foreach (var b in onlyJ)
                        {
                            counts[(a, b)] = counts.GetValueOrDefault((a, b)) + share;
                        }
                    }
                }
            }
        }

        foreach (var byWord in counts.Where(c => c.Value >= 1f).GroupBy(c => c.Key.A))
        {
            var total = totals[byWord.Key];
            synonyms[byWord.Key] = byWord
                .Select(c => (c.Key.B, P: c.Value / total))
                .Where(c => c.P >= 0.05f)
                .OrderByDescending(c => c.P)
                .Take(5)
                .ToArray();
        }
    }

    /// <summary>Learnt replacements of a word (for tests and diagnostics).</summary>
    internal IEnumerable<(string Term, float P)> SynonymsOf(string term)
    {
        if (!wordIds.TryGetValue(term, out var id) || !synonyms.TryGetValue(id, out var list))
        {
            return [];
        }

        var names = wordIds.ToDictionary(p => p.Value, p => p.Key);
        return list.Select(s => (names[s.Term], s.P));
    }

    /// <summary>The head word of a title: last word of the first comma-separated part in English, else the first word.</summary>
    internal static string? Head(string text, string language)
    {
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        var words = TextAnalyzer.Words(comma > 0 ? text[..comma] : text, language);
        if (words.Count == 0)
        {
            return null;
        }

        return TextAnalyzer.BaseLanguage(language) == "en" ? words[^1] : words[0];
    }

    private static float Idf(int n, int df) => (float)Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
}
