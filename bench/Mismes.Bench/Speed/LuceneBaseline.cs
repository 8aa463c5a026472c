using System.Globalization;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Mismes.Matching;

namespace Mismes.Bench.Speed;

/// <summary>
/// The peer: the same profiles as Lucene.NET documents (skill, occupation and filter terms, numeric fields) in memory,
/// queried with a boosted disjunction of the vacancy's skills (plus their broader and narrower skills at half boost)
/// and close occupations, under the same hard filters as a Lucene filter.
/// </summary>
internal sealed class LuceneBaseline : IDisposable
{
    private readonly RAMDirectory _directory = new();
    private readonly MatchingVocabulary _vocabulary;
    private DirectoryReader? _reader;
    private IndexSearcher? _searcher;
    private NumericDocValues? _ids;

    public LuceneBaseline(MatchingVocabulary vocabulary)
    {
        _vocabulary = vocabulary;
        BooleanQuery.MaxClauseCount = 1 << 16;
    }

    public void Build(IEnumerable<CandidateProfile> profiles)
    {
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new KeywordAnalyzer())
        {
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 256,
        };
        using (var writer = new IndexWriter(_directory, config))
        {
            foreach (var p in profiles)
            {
                writer.AddDocument(ToDocument(p));
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader);
        _ids = MultiDocValues.GetNumericValues(_reader, "pid");
    }

    public long[] Search(VacancyRequirements vacancy, ScoringQueryView weights, int k)
    {
        var query = new BooleanQuery(disableCoord: true);
        for (int t = 0; t < weights.TermSkills.Length; t++)
        {
            int skill = weights.TermSkills[t];
            float boost = weights.TermPoints[t];
            query.Add(new TermQuery(new Term("skill", Key(skill))) { Boost = boost }, Occur.SHOULD);
            foreach (var broader in _vocabulary.BroaderSkillsOf(new SkillId(skill)))
            {
                query.Add(new TermQuery(new Term("skill", Key(broader.Value))) { Boost = boost / 2 }, Occur.SHOULD);
            }

            foreach (int narrower in weights.Narrower(skill))
            {
                query.Add(new TermQuery(new Term("skill", Key(narrower))) { Boost = boost / 2 }, Occur.SHOULD);
            }
        }

        foreach (var (occupation, points) in weights.Occupations)
        {
            query.Add(new TermQuery(new Term("occ", Key(occupation))) { Boost = points }, Occur.SHOULD);
        }

        var filter = new BooleanQuery { { new TermQuery(new Term("consent", "1")), Occur.MUST } };
        foreach (var l in vacancy.Languages)
        {
            filter.Add(new TermQuery(new Term("lang", LanguageKey(l.Language, l.Minimum))), Occur.MUST);
        }

        if (vacancy.MinimumEqfLevel is { } eqf)
        {
            filter.Add(NumericRangeQuery.NewInt32Range("eqf", eqf, null, true, true), Occur.MUST);
        }

        if (vacancy.StartDate is { } start)
        {
            int end = (vacancy.EndDate ?? start).DayNumber;
            filter.Add(NumericRangeQuery.NewInt32Range("from", null, start.DayNumber, true, true), Occur.MUST);
            filter.Add(NumericRangeQuery.NewInt32Range("to", end, null, true, true), Occur.MUST);
        }

        if (vacancy.Country is { } country)
        {
            filter.Add(
                new BooleanQuery
                {
                    { new TermQuery(new Term("country", country)), Occur.SHOULD },
                    { new TermQuery(new Term("country", "*")), Occur.SHOULD },
                },
                Occur.MUST);
        }

        foreach (string fact in vacancy.RequiredEligibilityFacts)
        {
            filter.Add(new TermQuery(new Term("fact", fact)), Occur.MUST);
        }

        var hits = _searcher!.Search(query, new QueryWrapperFilter(filter), k);
        return hits.ScoreDocs.Select(d => _ids!.Get(d.Doc)).ToArray();
    }

    public long SizeInBytes() => _directory.GetSizeInBytes();

    public void Dispose()
    {
        _reader?.Dispose();
        _directory.Dispose();
    }

    private static Document ToDocument(CandidateProfile p)
    {
        var doc = new Document { new NumericDocValuesField("pid", p.Id) };
        foreach (var s in p.Skills)
        {
            doc.Add(new StringField("skill", Key(s.Skill.Value), Field.Store.NO));
        }

        foreach (var o in p.Occupations)
        {
            doc.Add(new StringField("occ", Key(o.Occupation.Value), Field.Store.NO));
        }

        foreach (var l in p.Languages)
        {
            for (var level = CefrLevel.A1; level <= l.Level; level++)
            {
                doc.Add(new StringField("lang", LanguageKey(l.Language, level), Field.Store.NO));
            }
        }

        foreach (string c in p.CountriesWanted.DefaultIfEmpty("*"))
        {
            doc.Add(new StringField("country", c, Field.Store.NO));
        }

        foreach (string f in p.EligibilityFacts)
        {
            doc.Add(new StringField("fact", f, Field.Store.NO));
        }

        if (p.ConsentToMatching)
        {
            doc.Add(new StringField("consent", "1", Field.Store.NO));
        }

        doc.Add(new Int32Field("eqf", p.EqfLevel ?? 0, Field.Store.NO));
        doc.Add(new Int32Field("from", p.AvailableFrom?.DayNumber ?? int.MinValue, Field.Store.NO));
        doc.Add(new Int32Field("to", p.AvailableTo?.DayNumber ?? int.MaxValue, Field.Store.NO));
        return doc;
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string LanguageKey(string language, CefrLevel level) =>
        string.Create(CultureInfo.InvariantCulture, $"{language.ToLowerInvariant()}{(int)level}");
}

/// <summary>The weights our scorer gives a vacancy's terms, handed to Lucene as boosts so both rank by the same intent.</summary>
internal sealed class ScoringQueryView(int[] termSkills, float[] termPoints, (int Occupation, float Points)[] occupations, int[][] children)
{
    public int[] TermSkills { get; } = termSkills;

    public float[] TermPoints { get; } = termPoints;

    public (int Occupation, float Points)[] Occupations { get; } = occupations;

    public int[] Narrower(int skill) => children[skill];
}
