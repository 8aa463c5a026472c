using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Catalogue;

namespace Mismes.Cli.Tests;

/// <summary>`mismes migrate` on a database of its own, on the provider of MISMES_TEST_DB.</summary>
public sealed class MigrateCommandTests : IDisposable
{
    private readonly CliDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigrationAndReferenceData()
    {
        var result = await CliRun.InvokeAsync(["migrate", .. _database.Args("--environment", "Development")]);

        Assert.Equal(0, result.ExitCode);
        await using var db = _database.NewContext();
        var all = db.Database.GetMigrations().Count();
        Assert.True(all > 0);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{_database.DisplayName}: {all} migration(s) applied"), result.Output, StringComparison.Ordinal);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());

        var institutions = await db.Set<Institution>().Select(i => i.Code).ToListAsync();
        Assert.All(
            new[] { InstitutionCodes.Anapec, InstitutionCodes.Mcmream, InstitutionCodes.Ofppt, InstitutionCodes.Cnrst, InstitutionCodes.IomMorocco },
            code => Assert.Contains(code, institutions));
        Assert.DoesNotContain(institutions, c => DemoInstitutions.All.Contains(c, StringComparer.Ordinal));
        var roles = await db.Set<IdentityRole<Guid>>().Select(r => r.Name!).ToListAsync();
        Assert.Equal(Roles.All.Order(StringComparer.Ordinal), roles.Order(StringComparer.Ordinal));
        Assert.True(await db.Set<SupportMeasure>().AnyAsync(), "the catalogue of support measures is reference data");
        Assert.Equal(0, await db.Set<AppUser>().CountAsync());
    }

    [Fact]
    public async Task Migrate_SecondRun_AppliesNothingAndAddsNothing()
    {
        Assert.Equal(0, (await CliRun.InvokeAsync(["migrate", .. _database.Args()])).ExitCode);
        var before = await DatabaseCounts.ReadAsync(_database);

        var second = await CliRun.InvokeAsync(["migrate", .. _database.Args()]);

        Assert.Equal(0, second.ExitCode);
        Assert.Contains($"{_database.DisplayName}: 0 migration(s) applied", second.Output, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseCounts.ReadAsync(_database));
    }

    [Theory]
    [InlineData("Oracle")]
    [InlineData("SqlServer")]
    [InlineData("")]
    public async Task Migrate_UnknownProvider_FailsWithClearErrorAndCreatesNothing(string provider)
    {
        var result = await CliRun.InvokeAsync("migrate", "--provider", provider, "--connection", _database.ConnectionString);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"--provider must be Sqlite or Postgres, not '{provider}'", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.False(await _database.ExistsAsync());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("POSTGRES")]
    [InlineData("PostgreSQL")]
    public void Parse_KnownProviderInAnyCase_HasNoErrors(string provider)
    {
        var parse = MismesCli.BuildRootCommand().Parse(["migrate", "--provider", provider]);

        Assert.Empty(parse.Errors);
    }
}
