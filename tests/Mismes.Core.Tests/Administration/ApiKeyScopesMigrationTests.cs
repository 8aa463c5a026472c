using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.TestCommon;
using Npgsql;

namespace Mismes.Core.Tests.Administration;

/// <summary>
/// Keys created before scopes existed keep exactly what their role allowed: a database with keys as the previous
/// schema stored them (a Roles column) is migrated, and each key's scopes are read back.
/// </summary>
public sealed class ApiKeyScopesMigrationTests : IAsyncLifetime
{
    private readonly string _name = "mismes_keys_" + Guid.NewGuid().ToString("N")[..12];
    private readonly DatabaseProvider _provider = TestDatabase.Provider == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    private string SqliteFile => Path.Combine(Path.GetTempPath(), _name + ".db");

    private AppDbContext NewContext()
    {
        var connection = _provider == DatabaseProvider.Postgres
            ? new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Database = _name }.ConnectionString
            : $"Data Source={SqliteFile}";
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, _provider, connection);
        return new AppDbContext(options.Options);
    }

    [Theory]
    [InlineData("PartnerService", "")]
    [InlineData("Advisor", "people:read people:write")]
    [InlineData("PartnerService,CaseWorker", "people:read people:write")]
    [InlineData("ProgrammeManager", "audit:read catalogue:write people:read people:write")]
    [InlineData("Administrator", "audit:read catalogue:write people:read people:write")]
    public async Task Migrate_KeyWithAnOldRole_GetsTheScopesThatRoleAllowed(string roles, string expected)
    {
        await using var db = NewContext();
        var migrator = db.GetService<IMigrator>();
        var all = db.Database.GetMigrations().ToList();
        var before = all[all.FindIndex(m => m.EndsWith("_Administration_ApiKeyScopes", StringComparison.Ordinal)) - 1];
        await migrator.MigrateAsync(before);
        var institutionId = Guid.NewGuid();
        var keyId = Guid.NewGuid();
        var notDemo = _provider == DatabaseProvider.Sqlite ? "0" : "false";
        var now = _provider == DatabaseProvider.Sqlite ? "0" : "'2026-11-01T00:00:00Z'";
        var institution = institutionId.ToString().ToUpperInvariant();
        var key = keyId.ToString().ToUpperInvariant();
#pragma warning disable EF1002 // Literal ids and a role from the test's own table, not user input.
        await db.Database.ExecuteSqlRawAsync(
            $"""INSERT INTO "Institution" ("Id", "Code", "Name", "Kind", "Country", "IsDemo") VALUES ('{institution}', 'TEST-OLD-KEYS', 'Old keys', 'Ngo', 'MA', {notDemo})""");
        await db.Database.ExecuteSqlRawAsync(
            $"""INSERT INTO "ApiKey" ("Id", "InstitutionId", "Name", "Prefix", "SecretHash", "Roles", "CreatedAt") VALUES ('{key}', '{institution}', 'old', 'msk_old', '{new string('a', 64)}', '{roles}', {now})""");
#pragma warning restore EF1002

        await migrator.MigrateAsync();

        var scopes = await db.Set<ApiKey>().AsNoTracking().Where(k => k.Id == keyId).Select(k => k.Scopes).SingleAsync();
        Assert.Equal(expected, scopes);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        if (_provider == DatabaseProvider.Postgres)
        {
            TestDatabase.DropPostgresDatabase(_name);
        }
        else
        {
            TestDatabase.DeleteSqliteFiles(SqliteFile);
        }

        return Task.CompletedTask;
    }
}
