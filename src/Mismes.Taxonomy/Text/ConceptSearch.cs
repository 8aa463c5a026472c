using System.Collections.Concurrent;
using Mismes.Taxonomy.Esco;

namespace Mismes.Taxonomy.Text;

/// <summary>A concept found for a text, with its score (0..~1, higher is better) and the label that matched.</summary>
public sealed record ConceptMatch(EscoConcept Concept, double Score, string MatchedLabel, string Language);

/// <summary>
/// Free text to ESCO concepts, in any language the taxonomy has labels for (French, Arabic, English, Spanish here).
/// Job titles and skill phrases are matched against every label of every concept (preferred, alternative, hidden)
/// with a hybrid of BM25 on stemmed words and character n-grams (see <see cref="LabelIndex"/>); an occupation also
/// inherits, at a discount, what its ISCO group's label matches. Indexes are built per kind and language on first
/// use (about a second each) and then shared; the class is thread-safe.
/// </summary>
public sealed class ConceptSearch
{
    private const float AlternativeWeight = 0.97f;
    private const float HiddenWeight = 0.95f;
    private const float FallbackWeight = 0.9f;
    private const float IscoWeight = 0.35f;

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
        var scores = index.Labels.ScoreContainment(sentence, index.Language, ExtractionSaturation, ExtractionPhraseBonus, ExtractionSynonyms);
        return ToMatches(index, index.Labels.RankGroups(scores, k));
    }

    private List<ConceptMatch> Find(ConceptKind kind, string text, string language, int k)
    {
        if (string.IsNullOrWhiteSpace(text) || k <= 0)
        {
            return [];
        }

        var index = IndexFor(kind, language);
        return ToMatches(index, index.Labels.SearchGroups(text, index.Language, k));
    }

    private List<ConceptMatch> ToMatches(Index index, List<GroupHit> hits) =>
        hits.Select(h =>
        {
            var doc = index.Labels[h.Doc];
            return new ConceptMatch(index.Concepts[h.Group], Math.Round(h.Score, 4), doc.Text, doc.Language);
        }).ToList();

    private Index IndexFor(ConceptKind kind, string language)
    {
        var lang = TextAnalyzer.BaseLanguage(language);
        return indexes.GetOrAdd((kind, lang), key => new Lazy<Index>(() => Build(key.Kind, key.Language))).Value;
    }

    private Index Build(ConceptKind kind, string language)
    {
        var concepts = kind == ConceptKind.Occupation ? taxonomy.Occupations : taxonomy.Skills;
        var docs = new List<LabelDoc>();
        for (var g = 0; g < concepts.Count; g++)
        {
            var concept = concepts[g];
            var (labels, labelLanguage, weight) = concept.Labels.TryGetValue(language, out var own)
                ? (own, language, 1f)
                : (concept.LabelsIn(language), concept.Labels.ContainsKey("en") ? "en" : concept.Labels.Keys.First(), FallbackWeight);
            // The preferred label wins ties: when a title is another concept's alternative label too, the concept
            // that calls itself so comes first.
            docs.Add(new LabelDoc(g, labels.Preferred, labelLanguage, weight));
            foreach (var label in labels.Alternative)
            {
                docs.Add(new LabelDoc(g, label, labelLanguage, weight * AlternativeWeight));
            }

            foreach (var label in labels.Hidden)
            {
                docs.Add(new LabelDoc(g, label, labelLanguage, weight * HiddenWeight));
            }

            // The ESCO hierarchy: an occupation is also found, weakly, through its ISCO unit group's label.
            if (kind == ConceptKind.Occupation && taxonomy.FindIscoGroup(concept.IscoGroupCode) is { } group)
            {
                docs.Add(new LabelDoc(g, group.PreferredLabel(language), group.Labels.ContainsKey(language) ? language : "en", IscoWeight));
            }
        }

        return new Index(concepts, new LabelIndex(docs), language);
    }

    private sealed record Index(IReadOnlyList<EscoConcept> Concepts, LabelIndex Labels, string Language);
}
