using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Mismes.Bench.Text;
using Mismes.Taxonomy.Esco;
using Mismes.Taxonomy.Text;

namespace Mismes.Bench;

/// <summary>
/// TECH skill extraction (Decorte et al.): each job-ad sentence ranks all ESCO skills with
/// <see cref="ConceptSearch.ExtractSkills"/>. Rows are grouped by sentence; a sentence's gold set is its distinct
/// labels other than "LABEL NOT PRESENT" and "UNDERSPECIFIED"; sentences left with no gold label are skipped.
/// RP@5 = |gold in top 5| / min(5, |gold|); MRR = 1 / rank of the first gold skill (a gold skill the extractor does
/// not score at all is ranked in the middle of the unscored tail).
/// </summary>
internal static class SkillsBenchmark
{
    private static readonly HashSet<string> NoSkill = new(StringComparer.Ordinal) { "LABEL NOT PRESENT", "UNDERSPECIFIED" };

    public static Task<int> RunAsync(string[] args)
    {
        var options = TextBenchArgs.Parse(args);
        if (options.Positional.Count != 1 || !File.Exists(options.Positional[0]))
        {
            Console.Error.WriteLine("usage: skills <annotations.csv> [--esco <esco-dir-or-data-file>] [--limit N]");
            return Task.FromResult(2);
        }

        var taxonomy = BenchEsco.Load(options.Esco);
        var byLabel = new Dictionary<string, EscoConcept>(StringComparer.OrdinalIgnoreCase);
        foreach (var skill in taxonomy.Skills)
        {
            byLabel.TryAdd(skill.PreferredLabel("en"), skill);
        }

        var sentences = new List<(string Sentence, HashSet<string> Gold)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var csv = CsvReader.FromFile(options.Positional[0], null))
        {
            while (csv.Read())
            {
                var sentence = csv.GetString("sentence");
                var label = csv.GetString("label").Trim();
                if (!index.TryGetValue(sentence, out var i))
                {
                    index[sentence] = i = sentences.Count;
                    sentences.Add((sentence, new HashSet<string>(StringComparer.OrdinalIgnoreCase)));
                }

                if (label.Length > 0 && !NoSkill.Contains(label))
                {
                    sentences[i].Gold.Add(label);
                }
            }
        }

        var evaluated = sentences.Where(s => s.Gold.Count > 0).Take(options.Limit).ToList();
        var unknownLabels = evaluated.SelectMany(s => s.Gold).Distinct(StringComparer.OrdinalIgnoreCase).Count(l => !byLabel.ContainsKey(l));
        var search = new ConceptSearch(taxonomy)
        {
            ExtractionSaturation = options.Float("saturation", 8f),
            ExtractionPhraseBonus = options.Float("phrase", 0.5f),
            ExtractionSynonyms = options.Float("syn", 0f),
        };

        var watch = Stopwatch.StartNew();
        search.ExtractSkills("warm up", "en", 1);
        var buildMs = watch.ElapsedMilliseconds;
        watch.Restart();
        var results = new List<(string Half, double Rp5, double Rr)>();
        var total = taxonomy.Skills.Count;
        var show = (int)options.Float("show", 0);
        foreach (var (sentence, gold) in evaluated)
        {
            var ranked = search.ExtractSkills(sentence, "en", total).ToList();
            var goldUris = gold.Where(byLabel.ContainsKey).Select(l => byLabel[l].Uri).ToHashSet(StringComparer.Ordinal);
            var hits5 = ranked.Take(5).Count(m => goldUris.Contains(m.Concept.Uri));
            var first = ranked.FindIndex(m => goldUris.Contains(m.Concept.Uri));
            var rank = first >= 0 ? first + 1 : goldUris.Count == 0 ? total : ranked.Count + ((total - ranked.Count + 1) / 2.0);
            var half = BenchSplit.HalfOf(sentence);
            results.Add((half, (double)hits5 / Math.Min(5, gold.Count), 1.0 / rank));
            if (half == BenchSplit.Tuning && show-- > 0)
            {
                // Examples from the tuning half only: reading the reporting half's errors is tuning on it.
                Console.WriteLine($"{sentence}\n  gold: {string.Join(" | ", gold)}\n  top:  {string.Join(" | ", ranked.Take(5).Select(m => m.Concept.PreferredLabel("en")))}");
            }
        }

        var all = SkillsScore.Of(results.Select(r => (r.Rp5, r.Rr)));
        var tuning = SkillsScore.Of(results.Where(r => r.Half == BenchSplit.Tuning).Select(r => (r.Rp5, r.Rr)));
        var reporting = SkillsScore.Of(results.Where(r => r.Half == BenchSplit.Reporting).Select(r => (r.Rp5, r.Rr)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            TECH skill extraction: {Path.GetFileName(options.Positional[0])} ({sentences.Count} sentences, {evaluated.Count} with at least one ESCO label; {unknownLabels} gold labels not found among ESCO v{taxonomy.Version} preferred labels; index {buildMs} ms, extraction {watch.ElapsedMilliseconds} ms)
            | model                                        | sentences | RP@5  | MRR    |
            |----------------------------------------------|-----------|-------|--------|
            | Mismes, whole set                            | {all.Sentences,9} | {all.Rp5,5:0.00} | {all.Mrr:0.0000} |
            | Mismes, tuning half                          | {tuning.Sentences,9} | {tuning.Rp5,5:0.00} | {tuning.Mrr:0.0000} |
            | Mismes, reporting half                       | {reporting.Sentences,9} | {reporting.Rp5,5:0.00} | {reporting.Mrr:0.0000} |
            | published (whole test set): all-mpnet-base-v2 |           | 39.60 |        |
            | published (whole test set): Decorte 2023 best |           | 54.60 |        |
            | published (whole test set): ConTeXT           |           | 63.98 | 0.6320 |
            """));
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            sentences = all.Sentences,
            rp5 = all.Rp5,
            mrr = all.Mrr,
            tuning = tuning.Json(),
            reporting = reporting.Json(),
        }));
        return Task.FromResult(0);
    }

    /// <summary>RP@5 (percent, 2 places) and MRR (4 places) averaged over sentences.</summary>
    private sealed record SkillsScore(int Sentences, double Rp5, double Mrr)
    {
        public static SkillsScore Of(IEnumerable<(double Rp5, double Rr)> results)
        {
            var list = results.ToList();
            return list.Count == 0
                ? new SkillsScore(0, 0, 0)
                : new SkillsScore(list.Count, Math.Round(100 * list.Average(r => r.Rp5), 2), Math.Round(list.Average(r => r.Rr), 4));
        }

        public object Json() => new { sentences = Sentences, rp5 = Rp5, mrr = Mrr };
    }
}
