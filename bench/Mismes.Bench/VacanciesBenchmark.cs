using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Mismes.Bench.Text;
using Mismes.Taxonomy.Esco;
using Mismes.Taxonomy.Text;

namespace Mismes.Bench;

/// <summary>
/// Whole vacancies (<see cref="VacancyCoder"/>) and the coding speed targets of issue 11. Quality: the EURES sample
/// ads of Norway's employment service (Norwegian; title, HTML text and a STYRK-08 code, Norway's ISCO-08 with a
/// local suffix): share of ads whose first occupation is in the ad's ISCO-08 unit group (4 digits) and major group
/// (1 digit), title only and title + description. Norwegian has no ESCO labels, so every match goes through the
/// English and French fallback: a hard, honest case. Speed: data-file load, one title (MELO French queries) and
/// one whole vacancy, single thread, p50 and p99 after a warm-up.
/// </summary>
internal static class VacanciesBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        var options = TextBenchArgs.Parse(args);
        var shared = Environment.GetEnvironmentVariable("MISMES_SHARED") ?? Path.Combine("..", "shared");
        var adsDir = options.Positional.FirstOrDefault()
            ?? Path.Combine(shared, "data", "interop", "eures-hrxml-3.2-nav", "vacancies", "src", "test", "resources");
        var titlesFile = Path.Combine(shared, "data", "benchmarks", "melo", "fra_q_fr_c_fr", "queries.tsv");
        if (!Directory.Exists(adsDir) || !File.Exists(titlesFile))
        {
            Console.Error.WriteLine("usage: vacancies [<eures-ads-dir>] [--esco <data-file>] [--evidence 0.1] [--min-skill 0.25]   (needs ../shared/data or MISMES_SHARED)");
            return Task.FromResult(2);
        }

        // Load time: the data file read cold, as an application does once at start.
        var watch = Stopwatch.StartNew();
        var taxonomy = options.Esco is null ? EscoTaxonomy.LoadShipped() : BenchEsco.Load(options.Esco);
        var loadMs = watch.Elapsed.TotalMilliseconds;

        var search = new ConceptSearch(taxonomy);
        var coder = new VacancyCoder(search)
        {
            SkillEvidence = options.Float("evidence", 0.1f),
            MinSkillScore = options.Float("min-skill", 0.25f),
        };
        var titleOnly = new VacancyCoder(search) { SkillEvidence = 0 };
        var ads = ReadAds(adsDir);
        const string language = "nb";

        watch.Restart();
        coder.Code("warm up", "warm up.", language);
        search.FindOccupations("warm up", "fr", 1);
        var indexMs = watch.ElapsedMilliseconds;

        int unit1 = 0, major1 = 0, unitTitle = 0, majorTitle = 0, skillCount = 0;
        foreach (var ad in ads)
        {
            var full = coder.Code(ad.Title, ad.Text, language);
            var bare = titleOnly.Code(ad.Title, null, language);
            skillCount += full.Skills.Count;
            unit1 += Unit(full) == ad.Isco4 ? 1 : 0;
            major1 += Unit(full).Length > 0 && Unit(full)[0] == ad.Isco4[0] ? 1 : 0;
            unitTitle += Unit(bare) == ad.Isco4 ? 1 : 0;
            majorTitle += Unit(bare).Length > 0 && Unit(bare)[0] == ad.Isco4[0] ? 1 : 0;
            if (options.Float("show", 0) > 0)
            {
                var top = full.Occupations.Count > 0 ? full.Occupations[0] : null;
                Console.WriteLine($"{ad.Title} [{ad.Isco4}] => {top?.Concept} ({top?.Explanation}); skills: {string.Join(" | ", full.Skills.Take(5).Select(s => s.Concept.PreferredLabel("en")))}");
            }
        }

        // Skills of whole texts: TECH test sentences, in file order, ten at a time, as one description each; gold =
        // the union of their ESCO labels. Recall and precision of the coder's skills (at most 20 per text).
        var techFile = Path.Combine(shared, "data", "benchmarks", "skills-tech", "tech_test_annotations.csv");
        var techTexts = TechTexts(techFile, taxonomy);
        var techResults = new List<(string Half, double Recall, double Precision)>();
        foreach (var (text, gold) in techTexts)
        {
            var found = coder.Code(null, text, "en").Skills.Select(m => m.Concept.Uri).ToList();
            var hits = found.Count(gold.Contains);
            techResults.Add((BenchSplit.HalfOf(text), (double)hits / gold.Count, found.Count == 0 ? 0 : (double)hits / found.Count));
        }

        object TechScore(string? half)
        {
            var list = techResults.Where(r => half is null || r.Half == half).ToList();
            return new
            {
                texts = list.Count,
                recall = list.Count == 0 ? 0 : Math.Round(list.Average(r => r.Recall), 4),
                precision = list.Count == 0 ? 0 : Math.Round(list.Average(r => r.Precision), 4),
            };
        }

        var titles = File.ReadLines(titlesFile).Select(l => l.Split('\t')).Where(r => r.Length > 1).Select(r => r[1]).Take(1000).ToList();
        var titleTimes = Time(titles, t => search.FindOccupations(t, "fr", 10));
        var vacancyTimes = Time(Enumerable.Repeat(ads, Math.Max(1, 200 / Math.Max(1, ads.Count))).SelectMany(a => a).ToList(), ad => coder.Code(ad.Title, ad.Text, language));
        var englishTimes = Time(techTexts.Select(t => t.Text).ToList(), text => coder.Code("software developer", text, "en"));

        var n = Math.Max(1, ads.Count);
        var result = new
        {
            ads = ads.Count,
            isco4_at1 = Math.Round((double)unit1 / n, 4),
            isco1_at1 = Math.Round((double)major1 / n, 4),
            title_only_isco4_at1 = Math.Round((double)unitTitle / n, 4),
            title_only_isco1_at1 = Math.Round((double)majorTitle / n, 4),
            skills_per_ad = Math.Round((double)skillCount / n, 1),
            load_ms = Math.Round(loadMs, 0),
            title_p50_ms = Percentile(titleTimes, 50),
            title_p99_ms = Percentile(titleTimes, 99),
            vacancy_p50_ms = Percentile(vacancyTimes, 50),
            vacancy_p99_ms = Percentile(vacancyTimes, 99),
            english_vacancy_p50_ms = Percentile(englishTimes, 50),
            english_vacancy_p99_ms = Percentile(englishTimes, 99),
            tech_texts = TechScore(null),
            tech_texts_tuning = TechScore(BenchSplit.Tuning),
            tech_texts_reporting = TechScore(BenchSplit.Reporting),
        };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            Whole vacancies: {ads.Count} EURES ads (Norwegian, STYRK-08 → ISCO-08; no Norwegian ESCO labels: English/French fallback); indexes built in {indexMs} ms
            | measure                                  | value  | target  |
            |------------------------------------------|--------|---------|
            | first occupation in the ad's ISCO unit   | {result.isco4_at1,6:0.00} |         |
            |   title only                             | {result.title_only_isco4_at1,6:0.00} |         |
            | first occupation in the ISCO major group | {result.isco1_at1,6:0.00} |         |
            |   title only                             | {result.title_only_isco1_at1,6:0.00} |         |
            | skills found per ad                      | {result.skills_per_ad,6:0.0} |         |
            | data file load, ms                       | {result.load_ms,6:0} | ≤ 1000  |
            | one title, p50 / p99 ms ({titles.Count} MELO fr)  | {result.title_p50_ms,6:0.00} / {result.title_p99_ms:0.00} | p50 ≤ 1 |
            | one vacancy (Norwegian), p50 / p99 ms    | {result.vacancy_p50_ms,6:0.00} / {result.vacancy_p99_ms:0.00} | ≤ 20    |
            | one vacancy (English, TECH), p50 / p99 ms | {result.english_vacancy_p50_ms,6:0.00} / {result.english_vacancy_p99_ms:0.00} | ≤ 20    |
            | TECH texts of 10 sentences: skills recall / precision, whole {JsonSerializer.Serialize(result.tech_texts)}, tuning {JsonSerializer.Serialize(result.tech_texts_tuning)}, reporting {JsonSerializer.Serialize(result.tech_texts_reporting)} |
            load average {string.Join(' ', File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ').Take(3) : [])}
            """));
        Console.WriteLine(JsonSerializer.Serialize(result));
        return Task.FromResult(0);

        static string Unit(VacancyCoding coding) => coding.Occupations.Count > 0 ? coding.Occupations[0].Concept.IscoGroupCode : "";
    }

    private static List<(string Text, HashSet<string> Gold)> TechTexts(string path, EscoTaxonomy taxonomy)
    {
        var byLabel = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var skill in taxonomy.Skills)
        {
            byLabel.TryAdd(skill.PreferredLabel("en"), skill.Uri);
        }

        var sentences = new List<(string Sentence, HashSet<string> Gold)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var csv = CsvHelper.CsvReader.FromFile(path, null))
        {
            while (csv.Read())
            {
                var sentence = csv.GetString("sentence");
                if (!index.TryGetValue(sentence, out var i))
                {
                    index[sentence] = i = sentences.Count;
                    sentences.Add((sentence, new HashSet<string>(StringComparer.Ordinal)));
                }

                if (byLabel.TryGetValue(csv.GetString("label").Trim(), out var uri))
                {
                    sentences[i].Gold.Add(uri);
                }
            }
        }

        return sentences.Chunk(10)
            .Select(chunk => (Text: string.Join(" ", chunk.Select(c => c.Sentence.Trim().TrimEnd('.') + ".")), Gold: chunk.SelectMany(c => c.Gold).ToHashSet(StringComparer.Ordinal)))
            .Where(t => t.Gold.Count > 0)
            .ToList();
    }

    private static List<double> Time<T>(IReadOnlyList<T> items, Action<T> action)
    {
        foreach (var item in items.Take(20))
        {
            action(item);
        }

        var times = new List<double>(items.Count);
        foreach (var item in items)
        {
            var start = Stopwatch.GetTimestamp();
            action(item);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return times;
    }

    private static double Percentile(List<double> values, int p)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        return Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)], 3);
    }

    private sealed record Ad(string Title, string Text, string Isco4);

    /// <summary>Every ad in the folder's JSON files (single ads, and pages with a "content" list), deduplicated by text.</summary>
    private static List<Ad> ReadAds(string dir)
    {
        var ads = new List<Ad>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(dir, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(File.ReadAllText(path));
            }
            catch (JsonException)
            {
                continue; // the samples include a deliberately invalid file
            }

            using (document)
            {
                var root = document.RootElement;
                var items = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array
                    ? content.EnumerateArray().ToList()
                    : [root];
                foreach (var item in items)
                {
                    if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("title", out var title) || title.ValueKind != JsonValueKind.String)
                    {
                        continue;
                    }

                    var code = item.TryGetProperty("categoryList", out var categories) && categories.ValueKind == JsonValueKind.Array
                        ? categories.EnumerateArray()
                            .Where(c => c.TryGetProperty("categoryType", out var t) && t.GetString() == "STYRK08NAV")
                            .Select(c => c.GetProperty("code").GetString() ?? "")
                            .FirstOrDefault() ?? ""
                        : "";
                    var text = item.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
                        && properties.TryGetProperty("adtext", out var adtext) && adtext.ValueKind == JsonValueKind.String
                        ? adtext.GetString() ?? ""
                        : "";
                    if (code.Length >= 4 && seen.Add(title.GetString() + "\n" + text))
                    {
                        ads.Add(new Ad(title.GetString()!, text, code[..4]));
                    }
                }
            }
        }

        return ads;
    }
}
