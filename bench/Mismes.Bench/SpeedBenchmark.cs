using System.Diagnostics;
using System.Globalization;
using Mismes.Bench.Speed;
using Mismes.Matching;

namespace Mismes.Bench;

/// <summary>
/// `speed --profiles N --vacancies M --k 50 [--esco dir] [--single S] [--exact-check E] [--lucene-queries L] [--seed X]
/// [--batch-size B]`: builds a <see cref="MatchIndex"/> over N synthetic profiles drawn from ESCO, times S single queries
/// on one thread and a batch of B vacancies (default M; the M repeated when B &gt; M) on all cores, times Lucene.NET on
/// the same queries, and checks the index's top-k against brute-force scoring. Prints a table and, last, one JSON line
/// (the issue's keys, then batch_size, batch_100k_s, batch_cpu_ms_per_vacancy, batch_100k_idle_s).
/// </summary>
internal static class SpeedBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("usage: speed --profiles N --vacancies M --k 50 [--esco <esco-dir>] [--single S] [--exact-check E] [--lucene-queries L] [--seed X] [--batch-size B]");
            return Task.FromResult(2);
        }

        return Task.FromResult(Run(options));
    }

    private static int Run(Options o)
    {
        var table = new List<(string Name, string Value)>();
        var clock = Stopwatch.StartNew();
        var esco = EscoRelations.Load(o.EscoDirectory);
        table.Add(("ESCO load (s)", Seconds(clock)));
        var vocabulary = esco.Vocabulary;
        var generator = new Generator(esco, o.Seed);
        clock.Restart();
        var profiles = generator.Profiles(o.Profiles, o.Seed + 1);
        var vacancies = generator.Vacancies(o.Vacancies, o.Seed + 2);
        table.Add(("generate (s)", Seconds(clock)));
        table.Add(("skills / occupations in vocabulary", $"{vocabulary.SkillCount} / {vocabulary.OccupationCount}"));
        table.Add(("mean skills per profile", F(profiles.Average(p => p.Skills.Count))));

        Describe(table, vocabulary, profiles, vacancies.Take(200).ToArray());

        // Build: add one by one (the same path as live updates), then trim the arrays.
        GC.Collect();
        clock.Restart();
        using var index = new MatchIndex(vocabulary);
        index.AddRange(profiles);
        table.Add(("  add (s)", Seconds(clock)));
        index.Compact();
        double buildSeconds = clock.Elapsed.TotalSeconds;
        double indexMb = index.MemoryBytes / (1024.0 * 1024.0);

        int single = Math.Min(o.Single, vacancies.Length);
        for (int i = 0; i < Math.Min(20, vacancies.Length); i++)
        {
            index.TopK(vacancies[i], o.K);
        }

        // The build leaves garbage behind: collect it now rather than inside a timed query.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        int gcBefore = GC.CollectionCount(0);
        var singleResults = new IReadOnlyList<MatchResult>[single];
        var latencies = new double[single];
        var cpu = new double[single];
        long prunedBefore = index.PrunedQueries;
        for (int i = 0; i < single; i++)
        {
            double cpuStart = ThreadCpu.Milliseconds();
            long start = Stopwatch.GetTimestamp();
            singleResults[i] = index.TopK(vacancies[i], o.K);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            cpu[i] = ThreadCpu.Milliseconds() - cpuStart;
        }

        long pruned = index.PrunedQueries - prunedBefore;
        int singleGcs = GC.CollectionCount(0) - gcBefore;

        // Batch: B vacancies (the M generated ones, repeated when B > M) on all cores, streamed so that a batch of
        // 100,000 shortlists need not sit in memory; the first S results are kept to compare with the single queries.
        int batchSize = o.BatchSize ?? vacancies.Length;
        var batchVacancies = Enumerable.Range(0, batchSize).Select(i => vacancies[i % vacancies.Length]).ToArray();
        var batch = new IReadOnlyList<MatchResult>[Math.Min(single, batchSize)];
        int produced = 0;
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        clock.Restart();
        index.TopKBatch(batchVacancies, o.K, (i, r) =>
        {
            if (i < batch.Length)
            {
                batch[i] = r;
            }

            Interlocked.Increment(ref produced);
        });
        double batchSeconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        double batchCpuMs = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / Math.Max(1, produced);
        string batchLoad = LoadAverage();

        // Exact: the first E single top-k lists against brute force; the batch against the single queries.
        clock.Restart();
        int checkedCount = Math.Min(o.ExactCheck, single);
        bool exact = BruteForceAgrees(vocabulary, profiles, vacancies, singleResults, checkedCount, o.K, out int mismatches);
        for (int i = 0; i < batch.Length; i++)
        {
            if (!Same(singleResults[i], batch[i]))
            {
                exact = false;
                mismatches++;
            }
        }

        double bruteSeconds = clock.Elapsed.TotalSeconds;

        // Lucene.NET on the same data and queries, in the same process.
        clock.Restart();
        using var lucene = new LuceneBaseline(vocabulary);
        int luceneQueries = Math.Min(o.LuceneQueries, single);
        if (luceneQueries > 0)
        {
            lucene.Build(profiles);
        }

        double luceneBuild = clock.Elapsed.TotalSeconds;
        var rarity = index.Rarity;
        var scorer = new Scorer(vocabulary);
        var views = vacancies.Take(luceneQueries).Select(v => View(scorer, vocabulary, v, rarity)).ToArray();
        for (int i = 0; i < Math.Min(10, luceneQueries); i++)
        {
            lucene.Search(vacancies[i], views[i], o.K);
        }

        var luceneLatencies = new double[luceneQueries];
        var luceneCpu = new double[luceneQueries];
        int overlap = 0;
        for (int i = 0; i < luceneQueries; i++)
        {
            double cpuStart = ThreadCpu.Milliseconds();
            long start = Stopwatch.GetTimestamp();
            var ids = lucene.Search(vacancies[i], views[i], o.K);
            luceneLatencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            luceneCpu[i] = ThreadCpu.Milliseconds() - cpuStart;
            overlap += ids.Intersect(singleResults[i].Select(r => r.ProfileId)).Count();
        }

        double p50 = Percentile(latencies, 0.50);
        double p99 = Percentile(latencies, 0.99);
        double luceneP50 = Percentile(luceneLatencies, 0.50);
        double luceneP99 = Percentile(luceneLatencies, 0.99);
        double batchRate = produced / batchSeconds;
        double batch100k = 100_000 / batchRate;
        double batch100kIdle = 100_000 * batchCpuMs / 1000 / Environment.ProcessorCount;

        table.Add(("profiles", o.Profiles.ToString(CultureInfo.InvariantCulture)));
        table.Add(("build (s)", F(buildSeconds)));
        table.Add(("index (MB, array capacity)", F(indexMb)));
        table.Add(("single queries timed (1 thread)", single.ToString(CultureInfo.InvariantCulture)));
        table.Add(("  p50 / p99 (ms)", $"{F(p50)} / {F(p99)}"));
        table.Add(("  CPU time p50 / p99 (ms, this thread)", $"{F(Percentile(cpu, 0.5))} / {F(Percentile(cpu, 0.99))}"));
        table.Add(("  queries pruned (MaxScore)", $"{pruned} of {single}"));
        table.Add(("  garbage collections during them", singleGcs.ToString(CultureInfo.InvariantCulture)));
        table.Add(("  mean results per query", F(singleResults.Average(r => r.Count))));
        table.Add(($"batch {batchSize} vacancies, {Environment.ProcessorCount} cores (s)", F(batchSeconds)));
        table.Add(("  vacancies / s", F(batchRate)));
        table.Add(("  CPU per vacancy (ms, all threads)", F(batchCpuMs)));
        table.Add(("  load average (1 min) after the batch", batchLoad));
        table.Add((batchSize >= 100_000 ? "batch_100k_s (measured)" : "batch_100k_s (projected from the rate)", F(batch100k)));
        table.Add(("  100k on idle cores (s, from CPU time)", F(batch100kIdle)));
        table.Add(("exact: brute-force checked / batch checked", $"{checkedCount} / {batch.Length}, mismatches {mismatches} ({F(bruteSeconds)} s)"));
        table.Add(("Lucene build (s) / size (MB)", $"{F(luceneBuild)} / {F(lucene.SizeInBytes() / (1024.0 * 1024.0))}"));
        table.Add(($"Lucene p50 / p99 (ms), {luceneQueries} queries", $"{F(luceneP50)} / {F(luceneP99)}"));
        table.Add(("Lucene CPU time p50 / p99 (ms)", $"{F(Percentile(luceneCpu, 0.5))} / {F(Percentile(luceneCpu, 0.99))}"));
        table.Add(("speedup vs Lucene (CPU p50)", F(Percentile(luceneCpu, 0.5) / Percentile(cpu, 0.5))));
        table.Add(("machine load average (1 min)", LoadAverage()));
        table.Add(("Lucene top-k overlap with ours", luceneQueries == 0 ? "-" : F(overlap / (double)Math.Max(1, singleResults.Take(luceneQueries).Sum(r => r.Count)))));
        table.Add(("speedup vs Lucene (p50)", F(luceneP50 / p50)));

        int width = table.Max(r => r.Name.Length);
        Console.WriteLine($"speed: {o.Profiles} profiles, {o.Vacancies} vacancies, k={o.K}");
        foreach (var (name, value) in table)
        {
            Console.WriteLine($"  {name.PadRight(width)}  {value}");
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"profiles\":{o.Profiles}, \"build_s\":{buildSeconds:F3}, \"index_mb\":{indexMb:F1}, \"p50_ms\":{p50:F3}, \"p99_ms\":{p99:F3}, \"batch_vacancies_per_s\":{batchRate:F1}, \"lucene_p50_ms\":{luceneP50:F3}, \"lucene_p99_ms\":{luceneP99:F3}, \"speedup_vs_lucene\":{luceneP50 / p50:F2}, \"exact\":{(exact ? "true" : "false")}, \"batch_size\":{batchSize}, \"batch_100k_s\":{batch100k:F1}, \"batch_cpu_ms_per_vacancy\":{batchCpuMs:F3}, \"batch_100k_idle_s\":{batch100kIdle:F1}}}"));
        return exact ? 0 : 1;
    }

    /// <summary>Workload shape: how far hierarchy credit expands postings and how many profiles a query's occupations reach.</summary>
    private static void Describe(List<(string Name, string Value)> table, MatchingVocabulary vocabulary, CandidateProfile[] profiles, VacancyRequirements[] sample)
    {
        long direct = 0;
        long expanded = 0;
        var seen = new HashSet<int>();
        var perOccupation = new int[vocabulary.OccupationCount];
        foreach (var p in profiles)
        {
            seen.Clear();
            foreach (var s in p.Skills)
            {
                direct++;
                seen.Add(s.Skill.Value);
                seen.UnionWith(vocabulary.Parents[s.Skill.Value]);
                seen.UnionWith(vocabulary.Children[s.Skill.Value]);
            }

            expanded += seen.Count;
            foreach (var o in p.Occupations)
            {
                perOccupation[o.Occupation.Value]++;
            }
        }

        var scorer = new Scorer(vocabulary);
        var rarity = new SkillRarity(new int[vocabulary.SkillCount], profiles.Length);
        double active = 0;
        double reached = 0;
        double terms = 0;
        foreach (var v in sample)
        {
            var q = scorer.Compile(v, rarity);
            active += q.ActiveOccupations.Length;
            reached += q.ActiveOccupations.Sum(o => (double)perOccupation[o]);
            terms += q.TermSkill.Length;
        }

        table.Add(("postings per direct skill (hierarchy)", F(expanded / (double)Math.Max(1, direct))));
        table.Add(("mean terms / close occupations per query", $"{F(terms / sample.Length)} / {F(active / sample.Length)}"));
        table.Add(("mean profiles reached by occupation", F(reached / sample.Length)));
    }

    private static bool BruteForceAgrees(
        MatchingVocabulary vocabulary,
        CandidateProfile[] profiles,
        VacancyRequirements[] vacancies,
        IReadOnlyList<MatchResult>[] results,
        int count,
        int k,
        out int mismatches)
    {
        var scorer = new Scorer(vocabulary);
        var rarity = SkillRarity.FromProfiles(vocabulary, profiles);
        int bad = 0;
        Parallel.For(0, count, i =>
        {
            var q = scorer.Compile(vacancies[i], rarity);
            var scored = new List<(int Score, long Id)>();
            foreach (var p in profiles)
            {
                int s = scorer.ScoreOrExclude(p, q);
                if (s >= 0)
                {
                    scored.Add((s, p.Id));
                }
            }

            var expected = scored.OrderByDescending(x => x.Score).ThenBy(x => x.Id).Take(k).ToArray();
            bool same = expected.Length == results[i].Count;
            for (int j = 0; same && j < expected.Length; j++)
            {
                same = expected[j].Id == results[i][j].ProfileId && Scorer.Points(expected[j].Score) == results[i][j].Score;
            }

            if (!same)
            {
                Interlocked.Increment(ref bad);
            }
        });
        mismatches = bad;
        return bad == 0;
    }

    private static bool Same(IReadOnlyList<MatchResult> a, IReadOnlyList<MatchResult> b) =>
        a.Select(r => (r.ProfileId, r.Score)).SequenceEqual(b.Select(r => (r.ProfileId, r.Score)));

    private static ScoringQueryView View(Scorer scorer, MatchingVocabulary vocabulary, VacancyRequirements vacancy, SkillRarity rarity)
    {
        var q = scorer.Compile(vacancy, rarity);
        return new ScoringQueryView(
            q.TermSkill,
            q.TermUpperBound.Select(Scorer.Points).ToArray(),
            q.ActiveOccupations.Select(o => (o, Scorer.Points(q.OccupationContribution[o]))).ToArray(),
            vocabulary.Children);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static double Percentile(double[] values, double p)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static string Seconds(Stopwatch clock) => F(clock.Elapsed.TotalSeconds);

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private sealed record Options(
        int Profiles, int Vacancies, int K, string EscoDirectory, int Single, int ExactCheck, int LuceneQueries, int Seed, int? BatchSize)
    {
        public static Options? Parse(string[] args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i + 1 < args.Length; i += 2)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal))
                {
                    return null;
                }

                values[args[i][2..]] = args[i + 1];
            }

            if (args.Length % 2 != 0)
            {
                return null;
            }

            int Int(string name, int fallback) =>
                values.TryGetValue(name, out string? v) ? int.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

            int profiles = Int("profiles", 10_000);
            int single = Int("single", 300);
            return new Options(
                profiles,
                Int("vacancies", 1_000),
                Int("k", 50),
                values.TryGetValue("esco", out string? esco) ? esco : DefaultEscoDirectory(),
                single,
                Int("exact-check", profiles <= 200_000 ? single : 30),
                Int("lucene-queries", profiles <= 200_000 ? single : 100),
                Int("seed", 42),
                values.ContainsKey("batch-size") ? Math.Max(1, Int("batch-size", 1)) : null);
        }

        private static string DefaultEscoDirectory()
        {
            string? shared = Environment.GetEnvironmentVariable("MISMES_SHARED");
            if (string.IsNullOrEmpty(shared))
            {
                var dir = new DirectoryInfo(AppContext.BaseDirectory);
                while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Mismes.slnx")))
                {
                    dir = dir.Parent;
                }

                shared = dir is null ? Path.Combine("..", "shared") : Path.Combine(dir.FullName, "..", "shared");
            }

            return Path.Combine(shared, "data", "esco-1.1.1");
        }
    }
}
