using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Data;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.ScaleOut;

/// <summary>
/// One model, two providers: each provider's migrations are generated from the same model and are current with it,
/// and the host brings an empty database up to date at start (docs/adr/0002-two-providers-one-model.md).
/// </summary>
public sealed class MigrationsParityTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    [Fact]
    public async Task Start_EmptyDatabase_IsMigratedAndMatchesTheModel()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var pending = await db.Database.GetPendingMigrationsAsync();
        var applied = await db.Database.GetAppliedMigrationsAsync();

        // The host really runs on the provider and database this run is for, not on a default.
        Assert.Equal(factory.Provider == "postgres", db.Database.IsNpgsql());
        Assert.Equal(factory.ConnectionString, db.Database.GetConnectionString());
        Assert.Empty(pending);
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed after the last migration: run scripts/migrations.sh");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void Model_EachProvider_HasNoChangesMissingFromItsMigrations(DatabaseProvider provider)
    {
        using var db = OfflineContext(provider);

        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: the model changed after the last migration: run scripts/migrations.sh");
    }

    [Fact]
    public void Migrations_BothProviders_HaveTheSameMigrationsInTheSameOrder()
    {
        using var sqlite = OfflineContext(DatabaseProvider.Sqlite);
        using var postgres = OfflineContext(DatabaseProvider.Postgres);

        var sqliteNames = sqlite.Database.GetMigrations().Select(NameWithoutTimestamp).ToList();
        var postgresNames = postgres.Database.GetMigrations().Select(NameWithoutTimestamp).ToList();

        Assert.NotEmpty(sqliteNames);
        Assert.Equal(sqliteNames, postgresNames);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void Model_EachProvider_HasTheSameTablesAndColumns(DatabaseProvider provider)
    {
        using var db = OfflineContext(provider);
        using var reference = OfflineContext(DatabaseProvider.Sqlite);

        Assert.Equal(Columns(reference), Columns(db));
    }

    /// <summary>A context that builds the provider's model without any server (nothing here opens a connection).</summary>
    private static AppDbContext OfflineContext(DatabaseProvider provider)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, provider, provider == DatabaseProvider.Postgres ? "Host=localhost;Database=offline" : "Data Source=:memory:");
        return new AppDbContext(options.Options);
    }

    private static List<string> Columns(AppDbContext db) =>
        db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null)
            .SelectMany(e => e.GetProperties().Select(p => $"{e.GetTableName()}.{p.GetColumnName()}"))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string NameWithoutTimestamp(string migrationId) => migrationId[(migrationId.IndexOf('_', StringComparison.Ordinal) + 1)..];
}
