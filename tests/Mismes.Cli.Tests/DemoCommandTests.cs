using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.People;

namespace Mismes.Cli.Tests;

/// <summary>`mismes demo seed` on a database of its own, on the provider of MISMES_TEST_DB.</summary>
public sealed class DemoCommandTests : IDisposable
{
    /// <summary>The demo data set's size as the domain brief and the seeder's documentation state it.</summary>
    private const int DemoPeople = 300;

    private readonly CliDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Seed_EmptyDatabase_CreatesDemoAccountsInstitutionsAndPeople()
    {
        var result = await CliRun.InvokeAsync(["demo", "seed", .. _database.Args("--environment", "Development")]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"{_database.DisplayName} (Development): demo data set loaded.", result.Output, StringComparison.Ordinal);
        await using var db = _database.NewContext();
        var users = await db.Set<AppUser>().Select(u => u.Email!).ToListAsync();
        Assert.Equal(DemoAccounts.All.Select(a => a.Email).Order(StringComparer.Ordinal), users.Order(StringComparer.Ordinal));
        Assert.All(DemoAccounts.All, a => Assert.Contains(a.Email, result.Output, StringComparison.Ordinal));
        var demoInstitutions = await db.Set<Institution>().Where(i => i.IsDemo).Select(i => i.Code).ToListAsync();
        Assert.Equal(DemoInstitutions.All.Order(StringComparer.Ordinal), demoInstitutions.Order(StringComparer.Ordinal));
        Assert.Equal(DemoPeople, await db.Set<Person>().CountAsync(p => p.IsDemo));
    }

    [Fact]
    public async Task Seed_SecondRun_AddsNothing()
    {
        Assert.Equal(0, (await CliRun.InvokeAsync(["demo", "seed", .. _database.Args("--environment", "Development")])).ExitCode);
        var before = await DatabaseCounts.ReadAsync(_database);

        var second = await CliRun.InvokeAsync(["demo", "seed", .. _database.Args("--environment", "Staging")]);

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(before, await DatabaseCounts.ReadAsync(_database));
        Assert.Equal(DemoPeople, before.People);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("production")]
    [InlineData("PRODUCTION")]
    public async Task Seed_Production_ExitsTwoAndWritesNothing(string environment)
    {
        var result = await CliRun.InvokeAsync(["demo", "seed", .. _database.Args("--environment", environment)]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("never loaded in Production", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
        Assert.False(await _database.ExistsAsync());
    }

    [Fact]
    public async Task Seed_UnknownProvider_FailsWithClearError()
    {
        var result = await CliRun.InvokeAsync("demo", "seed", "--provider", "mysql", "--environment", "Development");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--provider must be Sqlite or Postgres, not 'mysql'", result.Error, StringComparison.Ordinal);
    }
}
