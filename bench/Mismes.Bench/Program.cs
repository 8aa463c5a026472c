using Mismes.Bench;

// Each command prints a human table and, as its last line, one JSON object (see README "Benchmarks").
// Speed is measured here, never in a timed test.
return args.FirstOrDefault() switch
{
    "melo" => await MeloBenchmark.RunAsync(args[1..]),
    "skills" => await SkillsBenchmark.RunAsync(args[1..]),
    "speed" => await SpeedBenchmark.RunAsync(args[1..]),
    "vacancies" => await VacanciesBenchmark.RunAsync(args[1..]),
    "duplicates" => await DuplicatesBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Mismes.Bench <command> ...
          melo <dataset-dir> [--esco <esco-dir-or-data-file>] [--limit N]
          skills <annotations.csv> [--esco <esco-dir-or-data-file>] [--limit N]
          speed --profiles N --vacancies M --k 50 [--esco <esco-dir>]
          vacancies [<eures-ads-dir>] [--esco <data-file>]
          duplicates [--pairs <file.tsv>]  |  duplicates generate [<file.tsv>]
        """);
    return 2;
}
