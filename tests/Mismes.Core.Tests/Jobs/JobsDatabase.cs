using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Mismes.Core.Data;
using Mismes.Core.Jobs;
using Mismes.TestCommon;
using Npgsql;

namespace Mismes.Core.Tests.Jobs;

/// <summary>
/// A migrated database of its own on the provider the suite runs on (MISMES_TEST_DB). Tests share it and keep apart
/// by giving their jobs kinds of their own (the claim filters by kind).
/// </summary>
public sealed class JobsDatabase : IAsyncLifetime
{
    private readonly string _name = "mismes_jobs_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _connectionString;

    public JobsDatabase()
    {
        Provider = TestDatabase.Provider == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        _connectionString = Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Database = _name }.ConnectionString
            : $"Data Source={Path.Combine(Path.GetTempPath(), _name + ".db")}";
    }

    public DatabaseProvider Provider { get; }

    public AppDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, Provider, _connectionString);
        return new AppDbContext(options.Options);
    }

    public static JobQueue Queue(AppDbContext db, TimeProvider clock, JobOptions? options = null) =>
        new(db, clock, Options.Create(options ?? new JobOptions()));

    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    /// <summary>A job kind no other test uses.</summary>
    public static string UniqueKind(string name) => $"test.{name}.{Guid.NewGuid():N}";

    public async Task InitializeAsync()
    {
        await using var db = CreateContext();
        await DatabaseSetup.MigrateAsync(db, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            TestDatabase.DropPostgresDatabase(_name);
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var file = Path.Combine(Path.GetTempPath(), _name + ".db");
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }

        return Task.CompletedTask;
    }
}
