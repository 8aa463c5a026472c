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
        double rrSum = 0;
        int success1 = 0, success5 = 0, evaluated = 0;
        var failures = new List<string>();
        foreach (var (id, text) in queries)
        {
            if (!gold.TryGetValue(id, out var relevant))
            {
                continue;
            }

            evaluated++;
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

            rrSum += 1.0 / rank;
            success1 += rank == 1 ? 1 : 0;
            success5 += rank <= 5 ? 1 : 0;
            if (rank > 1 && failures.Count < 0 + options.Float("show-failures", 0))
            {
                var top = Array.IndexOf(scores, scores.Max());
                failures.Add($"{text}  => {corpus[top].Text}  (gold: {corpus[index[relevant.First()]].Text}, rank {rank})");
            }
        }

        var queryMs = watch.ElapsedMilliseconds;
        var mrr = evaluated == 0 ? 0 : rrSum / evaluated;
        var s1 = evaluated == 0 ? 0 : (double)success1 / evaluated;
        var s5 = evaluated == 0 ? 0 : (double)success5 / evaluated;

        foreach (var failure in failures)
        {
            Console.WriteLine(failure);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            MELO {name}  (queries {queryLanguage}, corpus {corpusLanguage}; {corpus.Count} corpus elements; index {buildMs} ms, queries {queryMs} ms)
            | metric    | Mismes  |
            |-----------|---------|
            | queries   | {evaluated,7} |
            | MRR       | {BenchEsco.F(mrr)}  |
            | success@1 | {BenchEsco.F(s1)}  |
            | success@5 | {BenchEsco.F(s5)}  |
            """));
        PrintPublished(dir, name, mrr);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            dataset = name,
            queries = evaluated,
            mrr = Math.Round(mrr, 4),
            success_1 = Math.Round(s1, 4),
            success_5 = Math.Round(s5, 4),
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

        Console.WriteLine("Published MRR on this dataset (MELO paper):");
        foreach (var (model, value) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {model,-20} {value:0.0000} {(mrr > value ? "(beaten)" : "")}"));
        }
    }

    private static IEnumerable<string[]> ReadTsv(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l => l.Split('\t'));

    [GeneratedRegex(@"_q_(?<q>[a-z]{2})_c_(?<c>[a-z]{2})$")]
    private static partial Regex DatasetLanguages();
}
