using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mismes.Bench.Text;
using Mismes.Taxonomy.Esco;
using Mismes.Taxonomy.Text;

namespace Mismes.Bench;

/// <summary>
/// MELO (Avature, 2024): for each query (a national job title), rank the dataset's own corpus elements (ESCO
/// labels). Only the corpus, its concept mapping and the ESCO taxonomy are used: each corpus element is matched
/// through its own text and the other ESCO labels of the concept it denotes (same concept's alternative and hidden
/// labels in the query and corpus languages). Gold annotations are read only to score.
/// </summary>
internal static partial class MeloBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        var options = TextBenchArgs.Parse(args);
        if (options.Positional.Count != 1 || !Directory.Exists(options.Positional[0]))
        {
            Console.Error.WriteLine("usage: melo <dataset-dir> [--esco <esco-dir-or-data-file>] [--limit N]");
            return Task.FromResult(2);
        }

        var dir = options.Positional[0];
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir)));
        var languages = DatasetLanguages().Match(name);
        var queryLanguage = languages.Success ? languages.Groups["q"].Value : "en";
        var corpusLanguage = languages.Success ? languages.Groups["c"].Value : queryLanguage;

        var taxonomy = BenchEsco.Load(options.Esco);
        var queries = ReadTsv(Path.Combine(dir, "queries.tsv")).Select(r => (Id: r[0], Text: r[1])).Take(options.Limit).ToList();
        var corpus = ReadTsv(Path.Combine(dir, "corpus_elements.tsv")).Select(r => (Id: r[0], Text: r[1])).ToList();
        var mapping = ReadTsv(Path.Combine(dir, "concept_mapping.tsv")).ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal);
        var gold = ReadTsv(Path.Combine(dir, "annotations.tsv"))
            .GroupBy(r => r[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r[2]).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

        var watch = Stopwatch.StartNew();
        var matcher = new MeloMatcher(taxonomy, corpus, mapping, queryLanguage, corpusLanguage, options);
        var buildMs = watch.ElapsedMilliseconds;
        watch.Restart();

        var index = corpus.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var ranks = new List<(string Half, int Rank)>();
        var failures = new List<string>();
        foreach (var (id, text) in queries)
        {
            if (!gold.TryGetValue(id, out var relevant))
            {
                continue;
            }

            var scores = matcher.Score(text);
            var bestRelevant = relevant.Where(index.ContainsKey).Select(r => scores[index[r]]).DefaultIfEmpty(float.NegativeInfinity).Max();
            var rank = 1;
            foreach (var s in scores)
            {
                if (s > bestRelevant)
                {
                    rank++;
                }
            }

            var half = BenchSplit.HalfOf(text);
            ranks.Add((half, rank));
            if (rank > 1 && half == BenchSplit.Tuning && failures.Count < options.Float("show-failures", 0))
            {
                // Failures are shown from the tuning half only: reading the reporting half's errors is tuning on it.
                var top = Array.IndexOf(scores, scores.Max());
                failures.Add($"{text}  => {corpus[top].Text}  (gold: {corpus[index[relevant.First()]].Text}, rank {rank})");
            }
        }

        var queryMs = watch.ElapsedMilliseconds;
        var all = MeloScore.Of(ranks.Select(r => r.Rank));
        var tuning = MeloScore.Of(ranks.Where(r => r.Half == BenchSplit.Tuning).Select(r => r.Rank));
        var reporting = MeloScore.Of(ranks.Where(r => r.Half == BenchSplit.Reporting).Select(r => r.Rank));

        foreach (var failure in failures)
        {
            Console.WriteLine(failure);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            MELO {name}  (queries {queryLanguage}, corpus {corpusLanguage}; {corpus.Count} corpus elements; index {buildMs} ms, queries {queryMs} ms)
            | metric    | whole set | tuning half | reporting half |
            |-----------|-----------|-------------|----------------|
            | queries   | {all.Queries,9} | {tuning.Queries,11} | {reporting.Queries,14} |
            | MRR       | {BenchEsco.F(all.Mrr),9} | {BenchEsco.F(tuning.Mrr),11} | {BenchEsco.F(reporting.Mrr),14} |
            | success@1 | {BenchEsco.F(all.Success1),9} | {BenchEsco.F(tuning.Success1),11} | {BenchEsco.F(reporting.Success1),14} |
            | success@5 | {BenchEsco.F(all.Success5),9} | {BenchEsco.F(tuning.Success5),11} | {BenchEsco.F(reporting.Success5),14} |
            """));
        PrintPublished(dir, name, reporting.Mrr);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            dataset = name,
            queries = all.Queries,
            mrr = all.Mrr,
            success_1 = all.Success1,
            success_5 = all.Success5,
            tuning = tuning.Json(),
            reporting = reporting.Json(),
        }));
        return Task.FromResult(0);
    }

    private static void PrintPublished(string dir, string name, double mrr)
    {
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dir).TrimEnd(Path.DirectorySeparatorChar))!, "published_results.csv");
        if (!File.Exists(path))
        {
            return;
        }

        var rows = File.ReadLines(path).Skip(1).Select(l => l.Split(','))
            .Where(r => r.Length > 4 && r[1] == name)
            .Select(r => (Model: r[0], Mrr: double.Parse(r[4], CultureInfo.InvariantCulture)))
            .OrderByDescending(r => r.Mrr)
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }

        Console.WriteLine("Published MRR on this dataset (MELO paper, whole set; \"beaten\" compares Mismes's reporting half):");
        foreach (var (model, value) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {model,-20} {value:0.0000} {(mrr > value ? "(beaten)" : "")}"));
        }
    }

    /// <summary>MRR, success@1 and success@5 of a list of ranks (1 = first), rounded to 4 places.</summary>
    private sealed record MeloScore(int Queries, double Mrr, double Success1, double Success5)
    {
        public static MeloScore Of(IEnumerable<int> ranks)
        {
            var list = ranks.ToList();
            if (list.Count == 0)
            {
                return new MeloScore(0, 0, 0, 0);
            }

            return new MeloScore(
                list.Count,
                Math.Round(list.Average(r => 1.0 / r), 4),
                Math.Round(list.Count(r => r == 1) / (double)list.Count, 4),
                Math.Round(list.Count(r => r <= 5) / (double)list.Count, 4));
        }

        public object Json() => new { queries = Queries, mrr = Mrr, success_1 = Success1, success_5 = Success5 };
    }

    private static IEnumerable<string[]> ReadTsv(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l => l.Split('\t'));

    [GeneratedRegex(@"_q_(?<q>[a-z]{2})_c_(?<c>[a-z]{2})$")]
    private static partial Regex DatasetLanguages();
}
