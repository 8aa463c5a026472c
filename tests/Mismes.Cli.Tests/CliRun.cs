using System.CommandLine;

namespace Mismes.Cli.Tests;

/// <summary>What one in-process run of `mismes` returned and printed.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Runs the real `mismes` command tree in-process with captured output (no console, so tests run in parallel).</summary>
internal static class CliRun
{
    public static Task<CliResult> InvokeAsync(params string[] args) => InvokeWithInputAsync("", args);

    /// <summary>Runs `mismes` with <paramref name="stdin"/> as its standard input (e.g. for --password-stdin).</summary>
    public static async Task<CliResult> InvokeWithInputAsync(string stdin, string[] args)
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // An exception fails the test with its own stack trace instead of becoming exit code 1.
            EnableDefaultExceptionHandler = false,
        };
        var exitCode = await MismesCli.BuildRootCommand(input).Parse(args).InvokeAsync(configuration);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
