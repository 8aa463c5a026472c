using System.Collections.Concurrent;
using Mismes.Taxonomy.Esco;

namespace Mismes.Taxonomy.Text;

/// <summary>A concept found for a text, with its score (0..~1, higher is better) and the label that matched.</summary>
/// <param name="Language">The language of <paramref name="MatchedLabel"/>.</param>
public sealed record ConceptMatch(EscoConcept Concept, double Score, string MatchedLabel, string Language)
{
    /// <summary>The language the text was searched in; differs from <see cref="Language"/> after a fallback.</summary>
    public string QueryLanguage { get; init; } = Language;

    /// <summary>
    /// True when the concept has no label in the text's language and was found through its English or French labels
    /// (Arabic skills, most German and Dutch skills).
    /// </summary>
    public bool CrossLanguage => !string.Equals(QueryLanguage, Language, StringComparison.Ordinal);

    /// <summary>Why this concept came up, for people who check the coding (English, for logs and tooltips' data).</summary>
    public string Explanation => CrossLanguage
        ? $"matched the {Language} label \"{MatchedLabel}\" (ESCO has no {QueryLanguage} label for this concept)"
        : $"matched the {Language} label \"{MatchedLabel}\"";
}

/// <summary>
/// Free text to ESCO concepts, in any language: French, Arabic, English, Spanish, German and Dutch have ESCO labels
/// in the data file; Italian and others are analysed but match only through the fallback. Job titles and skill
/// phrases are matched against every label of every concept (preferred, alternative, hidden; an occupation's
/// description and its ISCO group's label at a discount) with a hybrid of BM25 on stemmed words and character
/// n-grams (see <see cref="LabelIndex"/>). A concept with no label in the text's language (all skills in Arabic,
/// most in German and Dutch) is searched through its English and French labels, at a discount, and the match says
/// so (<see cref="ConceptMatch.CrossLanguage"/>). Indexes are built per kind and language on first use (a second or
/// two each) and then shared; the class is thread-safe. See docs/adr/0011 and 0030.
/// </summary>
public sealed class ConceptSearch
{
    private const float AlternativeWeight = 0.97f;
    private const float HiddenWeight = 0.95f;
    private const float FallbackWeight = 0.9f;
    private const float IscoWeight = 0.35f;

    /// <summary>An occupation's description, below every label: it decides only when no label matches (ADR 0030).</summary>
    private const float DescriptionWeight = 0.3f;

    /// <summary>Languages searched, in this order, for a concept that has no label in the text's language.</summary>
    private static readonly string[] FallbackLanguages = ["en", "fr"];

    private readonly EscoTaxonomy taxonomy;
    private readonly ConcurrentDictionary<(ConceptKind Kind, string Language), Lazy<Index>> indexes = new();

    public ConceptSearch(EscoTaxonomy taxonomy)
    {
        this.taxonomy = taxonomy;
    }

    public EscoTaxonomy Taxonomy => taxonomy;

    /// <summary>Matched IDF at which a label's evidence is about 63% saturated (extraction).</summary>
    internal float ExtractionSaturation { get; init; } = 8f;

    /// <summary>Extra weight for a label whose words appear in order in the sentence (extraction).</summary>
    internal float ExtractionPhraseBonus { get; init; } = 0.5f;

    /// <summary>Share of a label word's weight that a learnt replacement in the sentence covers (extraction).</summary>
    internal float ExtractionSynonyms { get; init; }

    /// <summary>Occupations for a job title, best first.</summary>
    public IReadOnlyList<ConceptMatch> FindOccupations(string text, string language, int k = 10) =>
        Find(ConceptKind.Occupation, text, language, k);

    /// <summary>Skills and knowledge for a skill phrase, best first.</summary>
    public IReadOnlyList<ConceptMatch> FindSkills(string text, string language, int k = 10) =>
        Find(ConceptKind.Skill, text, language, k);

    /// <summary>
    /// Skills mentioned in a sentence of a job advert or CV, best first: skills whose label (or most of it) the
    /// sentence contains. Very generic labels (transversal skills made of common words) need more evidence.
    /// </summary>
    public IReadOnlyList<ConceptMatch> ExtractSkills(string sentence, string language, int k = 10)
    {
        if (string.IsNullOrWhiteSpace(sentence) || k <= 0)
        {
            return [];
        }

        var index = IndexFor(ConceptKind.Skill, language);
        return Rank(index, part => part.Labels.ScoreContainment(sentence, part.Language, ExtractionSaturation, ExtractionPhraseBonus, ExtractionSynonyms), k);
    }

    private List<ConceptMatch> Find(ConceptKind kind, string text, string language, int k)
    {
        if (string.IsNullOrWhiteSpace(text) || k <= 0)
        {
            return [];
        }

        var index = IndexFor(kind, language);
        return Rank(index, part => part.Labels.ScoreDocuments(text, part.Language), k);
    }

    /// <summary>Each concept scores as its best label over every part (own language, then fallbacks at a discount).</summary>
    private static List<ConceptMatch> Rank(Index index, Func<Part, float[]> score, int k)
    {
        var count = index.Concepts.Count;
        var best = new float[count];
        var bestDoc = new int[count];
        var bestPart = new int[count];
        for (var p = 0; p < index.Parts.Count; p++)
        {
            var part = index.Parts[p];
            var scores = score(part);
            for (var d = 0; d < scores.Length; d++)
            {
                var s = scores[d] * part.Weight;
                if (s <= 0)
                {
                    continue;
                }

                var g = part.Labels[d].Group;
                if (s > best[g])
                {
                    best[g] = s;
                    bestDoc[g] = d;
                    bestPart[g] = p;
                }
            }
        }

        var hits = new List<int>();
        for (var g = 0; g < count; g++)
        {
            if (best[g] > 0)
            {
                hits.Add(g);
            }
        }

        // Best score first; equal scores in concept order, so results never depend on thread timing or hashing.
        hits.Sort((a, b) => best[b] != best[a] ? best[b].CompareTo(best[a]) : a.CompareTo(b));
        return hits.Take(k).Select(g =>
        {
            var doc = index.Parts[bestPart[g]].Labels[bestDoc[g]];
            return new ConceptMatch(index.Concepts[g], Math.Round(best[g], 4), doc.Text, doc.Language) { QueryLanguage = index.Language };
        }).ToList();
    }

    private Index IndexFor(ConceptKind kind, string language)
    {
        var lang = TextAnalyzer.BaseLanguage(language);
        return indexes.GetOrAdd((kind, lang), key => new Lazy<Index>(() => Build(key.Kind, key.Language))).Value;
    }

    private Index Build(ConceptKind kind, string language)
    {
        var concepts = kind == ConceptKind.Occupation ? taxonomy.Occupations : taxonomy.Skills;
        var own = new List<LabelDoc>();
        var fallback = FallbackLanguages.Where(l => l != language).ToDictionary(l => l, _ => new List<LabelDoc>(), StringComparer.Ordinal);
        for (var g = 0; g < concepts.Count; g++)
        {
            var concept = concepts[g];
            if (concept.Labels.TryGetValue(language, out var labels))
            {
                AddLabels(own, g, concept, labels, language);
                continue;
            }

            // No label in the text's language: the English and French labels, each analysed in its own language.
            foreach (var (other, docs) in fallback)
            {
                if (concept.Labels.TryGetValue(other, out var otherLabels))
                {
                    AddLabels(docs, g, concept, otherLabels, other);
                }
            }
        }

        var parts = new List<Part> { new(new LabelIndex(own), language, 1f) };
        parts.AddRange(fallback.Where(f => f.Value.Count > 0).Select(f => new Part(new LabelIndex(f.Value), f.Key, FallbackWeight)));
        return new Index(concepts, parts, language);
    }

    private void AddLabels(List<LabelDoc> docs, int g, EscoConcept concept, ConceptLabels labels, string language)
    {
        // The preferred label wins ties: when a title is another concept's alternative label too, the concept
        // that calls itself so comes first.
        docs.Add(new LabelDoc(g, labels.Preferred, language));
        foreach (var label in labels.Alternative)
        {
            docs.Add(new LabelDoc(g, label, language, AlternativeWeight));
        }

        foreach (var label in labels.Hidden)
        {
            docs.Add(new LabelDoc(g, label, language, HiddenWeight));
        }

        if (concept.Kind != ConceptKind.Occupation)
        {
            return;
        }

        if (labels.Description is { Length: > 0 } description)
        {
            docs.Add(new LabelDoc(g, description, language, DescriptionWeight));
        }

        // The ESCO hierarchy: an occupation is also found, weakly, through its ISCO unit group's label.
        if (taxonomy.FindIscoGroup(concept.IscoGroupCode) is { } group && group.Labels.TryGetValue(language, out var groupLabels))
        {
            docs.Add(new LabelDoc(g, groupLabels.Preferred, language, IscoWeight));
        }
    }

    /// <summary>One label index and the language its documents (and so the query) are analysed in.</summary>
    private sealed record Part(LabelIndex Labels, string Language, float Weight);

    private sealed record Index(IReadOnlyList<EscoConcept> Concepts, IReadOnlyList<Part> Parts, string Language);
}
