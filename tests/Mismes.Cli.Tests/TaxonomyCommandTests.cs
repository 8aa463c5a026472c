using System.Globalization;
using Mismes.Taxonomy.Esco;

namespace Mismes.Cli.Tests;

/// <summary>`mismes taxonomy build|stats|search` on the tiny ESCO fixture and on the shipped data file.</summary>
public sealed class TaxonomyCommandTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "esco-mini");

    private static readonly Lazy<EscoTaxonomy> Shipped = new(EscoTaxonomy.LoadShipped);

    private readonly string _folder = Directory.CreateTempSubdirectory("mismes-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task BuildThenStats_Fixture_ReportsTheCountsOfTheCsvFiles()
    {
        var file = Path.Combine(_folder, "out", "esco.bin");
        var expected = EscoCsvReader.Read(Fixture, "9.9");

        var build = await CliRun.InvokeAsync("taxonomy", "build", Fixture, "-o", file, "--version", "9.9");

        Assert.Equal(0, build.ExitCode);
        Assert.True(File.Exists(file));
        Assert.False(File.Exists(file + ".tmp"));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"occupations   {expected.Occupations.Count,8:N0}"), build.Output, StringComparison.Ordinal);

        var stats = await CliRun.InvokeAsync("taxonomy", "stats", "-f", file);

        Assert.Equal(0, stats.ExitCode);
        var counts = string.Create(CultureInfo.InvariantCulture,
            $"ESCO v9.9, languages {string.Join(", ", expected.Languages)}: {expected.Occupations.Count:N0} occupations, {expected.Skills.Count:N0} skills, {expected.IscoGroups.Count:N0} ISCO groups, {expected.SkillGroups.Count:N0} skill groups");
        Assert.Contains(counts, stats.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchWithFile_BuiltFixture_FindsTheFixturePlumber()
    {
        var file = Path.Combine(_folder, "esco.bin");
        Assert.Equal(0, (await CliRun.InvokeAsync("taxonomy", "build", Fixture, "-o", file)).ExitCode);

        var result = await CliRun.InvokeAsync("taxonomy", "search", "plombier", "-l", "fr", "-f", file);

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("http://data.europa.eu/esco/occupation/p-plumber", result.OutputLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_MissingFolder_ExitsOneWithMessage()
    {
        var missing = Path.Combine(_folder, "no-such-esco");

        var result = await CliRun.InvokeAsync("taxonomy", "build", missing, "-o", Path.Combine(_folder, "esco.bin"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ESCO folder not found", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "esco.bin")));
    }

    [Fact]
    public async Task Stats_MissingFile_ExitsOneWithMessage()
    {
        var result = await CliRun.InvokeAsync("taxonomy", "stats", "-f", Path.Combine(_folder, "missing.bin"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Data file not found", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plombier", "fr")]
    [InlineData("plombière", "fr")]
    [InlineData("plumber", "en")]
    public async Task Search_ShippedData_FindsPlumberFirst(string text, string language)
    {
        var plumber = Shipped.Value.Occupations.Single(o => o.PreferredLabel("en") == "plumber");

        var result = await CliRun.InvokeAsync("taxonomy", "search", text, "-l", language);

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith(plumber.Uri, result.OutputLines[0], StringComparison.Ordinal);
        Assert.Contains($"[{plumber.Code}]", result.OutputLines[0], StringComparison.Ordinal);
        Assert.Equal(Shipped.Value.Attribution, result.OutputLines[^1]);
    }

    [Fact]
    public async Task Search_Skills_ReturnsSkillsOnly()
    {
        var result = await CliRun.InvokeAsync("taxonomy", "search", "soudure", "-l", "fr", "--skills", "-k", "5");

        Assert.Equal(0, result.ExitCode);
        var lines = result.OutputLines[..^1];
        Assert.InRange(lines.Length, 1, 5);
        Assert.All(lines, l => Assert.Contains("/esco/skill/", l, StringComparison.Ordinal));
    }
}
