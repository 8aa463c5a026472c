using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Mismes.Core.Data;
using Npgsql;
using Xunit;

namespace Mismes.TestCommon;

/// <summary>
/// A migrated database of its own for Core service tests, on the provider chosen by MISMES_TEST_DB (a SQLite file in
/// the temp folder by default, or a fresh database on the PostgreSQL server of MISMES_TEST_POSTGRES), dropped at the
/// end. Derive to seed (<see cref="SeedAsync"/>) or add helpers for a capability.
/// </summary>
public abstract class MigratedTestDatabase : IAsyncLifetime
{
    private readonly string _name;
    private readonly string _connectionString;

    protected MigratedTestDatabase(string namePrefix)
    {
        _name = namePrefix + Guid.NewGuid().ToString("N")[..12];
        Provider = TestDatabase.Provider == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        _connectionString = Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Database = _name }.ConnectionString
            : $"Data Source={SqliteFile}";
    }

    public DatabaseProvider Provider { get; }

    private string SqliteFile => Path.Combine(Path.GetTempPath(), _name + ".db");

    public AppDbContext NewContext(params IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, Provider, _connectionString);
        options.AddInterceptors(interceptors);
        return new AppDbContext(options.Options);
    }

    public async Task InitializeAsync()
    {
        await using var db = NewContext();
        await DatabaseSetup.MigrateAsync(db, CancellationToken.None);
        await SeedAsync(db);
    }

    /// <summary>Runs once after the migrations; nothing by default.</summary>
    protected virtual Task SeedAsync(AppDbContext db) => Task.CompletedTask;

    public Task DisposeAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
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
