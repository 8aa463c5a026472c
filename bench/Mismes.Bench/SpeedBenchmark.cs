namespace Mismes.Bench;

// Placeholder: replaced by the real speed benchmark.
internal static class SpeedBenchmark
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(args.Length >= 0 ? 1 : 1);
}
