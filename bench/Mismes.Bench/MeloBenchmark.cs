namespace Mismes.Bench;

// Placeholder: replaced by the real melo benchmark.
internal static class MeloBenchmark
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(args.Length >= 0 ? 1 : 1);
}
