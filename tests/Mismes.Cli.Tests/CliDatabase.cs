using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Mismes.Core.Data;
using Mismes.TestCommon;
using Npgsql;

namespace Mismes.Cli.Tests;

/// <summary>
/// A database name of its own for one test, not created yet: the command under test creates it. On the provider
/// chosen by MISMES_TEST_DB (SQLite file by default; a database on the MISMES_TEST_POSTGRES server with postgres).
/// Dropped or deleted on dispose.
/// </summary>
internal sealed class CliDatabase : IDisposable
{
    private readonly string _name = "mismes_cli_" + Guid.NewGuid().ToString("N")[..12];

    public CliDatabase()
    {
        Provider = TestDatabase.Provider == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        ConnectionString = Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Database = _name }.ConnectionString
            : $"Data Source={SqliteFile}";
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>What the commands print as the provider's name.</summary>
    public string DisplayName => Provider == DatabaseProvider.Postgres ? "PostgreSQL" : "SQLite";

    private string SqliteFile => Path.Combine(Path.GetTempPath(), _name + ".db");

    /// <summary>The `--provider ... --connection ...` options for this database, followed by <paramref name="more"/>.</summary>
    public string[] Args(params string[] more) =>
        ["--provider", Provider.ToString(), "--connection", ConnectionString, .. more];

    public AppDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, Provider, ConnectionString);
        return new AppDbContext(options.Options);
    }

    /// <summary>Whether the database exists at all (checked without creating the SQLite file).</summary>
    public async Task<bool> ExistsAsync()
    {
        await using var db = NewContext();
        return await db.GetService<IRelationalDatabaseCreator>().ExistsAsync();
    }

    public void Dispose()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            TestDatabase.DropPostgresDatabase(_name);
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(SqliteFile + suffix);
        }
    }
}
