using Npgsql;

namespace Mismes.TestCommon;

/// <summary>Which real database the integration tests run on (set by scripts/test.sh).</summary>
public static class TestDatabase
{
    public static string Provider =>
        (Environment.GetEnvironmentVariable("MISMES_TEST_DB") ?? "sqlite").ToLowerInvariant() switch
        {
            "postgres" or "postgresql" => "postgres",
            _ => "sqlite",
        };

    /// <summary>Connection string of the PostgreSQL server (no database name), e.g. Host=127.0.0.1;Port=55432;Username=mismes.</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("MISMES_TEST_POSTGRES")
        ?? throw new InvalidOperationException("MISMES_TEST_DB=postgres needs MISMES_TEST_POSTGRES (scripts/test.sh sets both).");

    public static void DropPostgresDatabase(string name)
    {
        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false };
        using var connection = new NpgsqlConnection(admin.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }

    /// <summary>Deletes a SQLite database file with its WAL and shared-memory files (after closing pooled connections).</summary>
    public static void DeleteSqliteFiles(string file)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(file + suffix);
        }
    }
}
