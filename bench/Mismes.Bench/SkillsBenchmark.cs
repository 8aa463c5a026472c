namespace Mismes.Bench;

// Placeholder: replaced by the real skills benchmark.
internal static class SkillsBenchmark
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(args.Length >= 0 ? 1 : 1);
}
