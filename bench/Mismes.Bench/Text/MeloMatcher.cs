using Mismes.Taxonomy.Esco;
using Mismes.Taxonomy.Text;

namespace Mismes.Bench.Text;

/// <summary>
/// Scores every corpus element of a MELO dataset for a query. Each element belongs to the ESCO concept it denotes
/// (concept_mapping.tsv); the concept is indexed with the element texts plus its ESCO labels (preferred, alternative,
/// hidden, description at a discount) in the query and corpus languages. Element score = concept score (best of
/// its texts; ISCO groups slightly below occupations) + the element's own text score, so the labels of the best
/// concepts come first and, among them, those that match the query themselves.
/// </summary>
internal sealed class MeloMatcher
{
    private readonly LabelIndex index;
    private readonly int[] elementDoc;
    private readonly int[] elementGroup;
    private readonly string queryLanguage;
    private readonly float ownShare;
    private readonly float[] groupPrior;
    private readonly float second;
    private readonly float evidenceShare;
    private readonly HashSet<int> evidenceDocs = [];

    public MeloMatcher(
        EscoTaxonomy taxonomy,
        IReadOnlyList<(string Id, string Text)> corpus,
        IReadOnlyDictionary<string, string> mapping,
        string queryLanguage,
        string corpusLanguage,
        TextBenchArgs args)
    {
        this.queryLanguage = queryLanguage;
        ownShare = args.Float("own", 1f);
        var extraWeight = args.Float("extra", 1f);
        var hiddenWeight = args.Float("hidden", 0.95f);
        var iscoDocWeight = args.Float("isco-doc", 0f);
        var descriptionWeight = args.Float("desc", 0.3f);
        var iscoDescriptionWeight = args.Float("isco-desc", 0f);
        var skillWeight = args.Float("skill", 0f);
        var skillsDocWeight = args.Float("skills-doc", 0f);
        second = args.Float("agg", 0f);
        evidenceShare = args.Float("evidence", 0f);
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var docs = new List<LabelDoc>();
        elementDoc = new int[corpus.Count];
        elementGroup = new int[corpus.Count];
        for (var i = 0; i < corpus.Count; i++)
        {
            var key = mapping.TryGetValue(corpus[i].Id, out var uri) ? uri : corpus[i].Id;
            if (!groups.TryGetValue(key, out var g))
            {
                groups[key] = g = groups.Count;
            }

            elementGroup[i] = g;
            elementDoc[i] = docs.Count;
            docs.Add(new LabelDoc(g, corpus[i].Text, corpusLanguage));
        }

        if (extraWeight > 0)
        {
            foreach (var (uri, g) in groups)
            {
                var concept = taxonomy.FindByUri(uri);
                if (concept is null)
                {
                    continue;
                }

                foreach (var language in new[] { queryLanguage, corpusLanguage }.Distinct(StringComparer.Ordinal))
                {
                    if (!concept.Labels.TryGetValue(language, out var labels))
                    {
                        continue;
                    }

                    foreach (var label in labels.Alternative.Prepend(labels.Preferred))
                    {
                        docs.Add(new LabelDoc(g, label, language, extraWeight));
                    }

                    foreach (var label in labels.Hidden)
                    {
                        docs.Add(new LabelDoc(g, label, language, extraWeight * hiddenWeight));
                    }

                    if (descriptionWeight > 0 && labels.Description is { } description)
                    {
                        evidenceDocs.Add(docs.Count);
                        docs.Add(new LabelDoc(g, description, language, descriptionWeight));
                    }

                    if (iscoDocWeight > 0 && concept.Kind == ConceptKind.Occupation && taxonomy.FindIscoGroup(concept.IscoGroupCode) is { } isco
                        && isco.Labels.TryGetValue(language, out var iscoLabels))
                    {
                        docs.Add(new LabelDoc(g, iscoLabels.Preferred, language, iscoDocWeight));
                    }

                    if (iscoDescriptionWeight > 0 && concept.Kind == ConceptKind.Occupation && taxonomy.FindIscoGroup(concept.IscoGroupCode) is { } iscoGroup
                        && iscoGroup.Labels.TryGetValue(language, out var iscoGroupLabels) && iscoGroupLabels.Description is { } iscoDescription)
                    {
                        evidenceDocs.Add(docs.Count);
                        docs.Add(new LabelDoc(g, iscoDescription, language, iscoDescriptionWeight));
                    }

                    if ((skillWeight > 0 || skillsDocWeight > 0) && concept.Kind == ConceptKind.Occupation)
                    {
                        var skillLabels = taxonomy.EssentialSkills(concept)
                            .Where(k => k.Labels.ContainsKey(language))
                            .Select(k => k.Labels[language].Preferred)
                            .ToList();
                        if (skillWeight > 0)
                        {
                            docs.AddRange(skillLabels.Select(l => new LabelDoc(g, l, language, skillWeight)));
                        }

                        if (skillsDocWeight > 0 && skillLabels.Count > 0)
                        {
                            evidenceDocs.Add(docs.Count);
                            docs.Add(new LabelDoc(g, string.Join(". ", skillLabels), language, skillsDocWeight));
                        }
                    }
                }
            }
        }

        // ESCO hierarchy: when an occupation and the ISCO group above it match equally, the specific occupation
        // comes first (a job title names an occupation, not a statistical group).
        var iscoPrior = args.Float("isco", 0.9f);
        groupPrior = new float[groups.Count];
        foreach (var (uri, g) in groups)
        {
            groupPrior[g] = taxonomy.FindByUri(uri)?.Kind == ConceptKind.IscoGroup ? iscoPrior : 1f;
        }

        index = new LabelIndex(docs, new LabelIndexOptions
        {
            WordWeight = args.Float("word", 0.5f),
            K1 = args.Float("k1", 1.2f),
            B = args.Float("b", 0.75f),
            HeadBonus = args.Float("head", 0.08f),
            SynonymWeight = args.Float("syn", 0.8f),
        });
    }

    public float[] Score(string query)
    {
        var docScores = index.ScoreDocuments(query, queryLanguage);
        var groupBest = new float[groupPrior.Length];
        var groupSecond = new float[groupPrior.Length];
        var groupEvidence = new float[groupPrior.Length];
        for (var d = 0; d < docScores.Length; d++)
        {
            var g = index[d].Group;
            var s = docScores[d];
            if (evidenceShare > 0 && evidenceDocs.Contains(d))
            {
                // Evidence beyond the labels adds to the best label instead of competing with it.
                groupEvidence[g] = Math.Max(groupEvidence[g], s);
                continue;
            }

            if (s > groupBest[g])
            {
                groupSecond[g] = groupBest[g];
                groupBest[g] = s;
            }
            else if (s > groupSecond[g] && s < groupBest[g])
            {
                groupSecond[g] = s;
            }
        }

        if (evidenceShare > 0)
        {
            for (var g = 0; g < groupBest.Length; g++)
            {
                groupBest[g] += evidenceShare * groupEvidence[g];
            }
        }

        if (second > 0)
        {
            for (var g = 0; g < groupBest.Length; g++)
            {
                groupBest[g] += second * groupSecond[g];
            }
        }

        var scores = new float[elementDoc.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            var g = elementGroup[i];
            scores[i] = (groupPrior[g] * groupBest[g]) + (ownShare * docScores[elementDoc[i]]);
        }

        return scores;
    }
}
