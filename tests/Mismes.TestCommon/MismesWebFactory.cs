using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Mismes.TestCommon;

/// <summary>
/// The real web host on a real database of its own. The provider comes from MISMES_TEST_DB (sqlite, the default,
/// or postgres with MISMES_TEST_POSTGRES as the server's connection string), so scripts/test.sh runs the same
/// integration suite once per provider.
/// </summary>
public class MismesWebFactory : WebApplicationFactory<Program>
{
    private readonly string _databaseName = "mismes_test_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _sqliteFile;
    private readonly bool _ownsDatabase = true;

    public MismesWebFactory()
    {
        _sqliteFile = Path.Combine(Path.GetTempPath(), _databaseName + ".db");
        Provider = TestDatabase.Provider;
        ConnectionString = Provider == "postgres"
            ? new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Database = _databaseName }.ConnectionString
            : $"Data Source={_sqliteFile}";
    }

    /// <summary>
    /// A second host (web node) on the database of <paramref name="sharesDatabaseWith"/>, which owns and drops it.
    /// Protected: xunit wants a single public constructor on class fixtures.
    /// </summary>
    protected MismesWebFactory(MismesWebFactory sharesDatabaseWith)
    {
        _sqliteFile = sharesDatabaseWith._sqliteFile;
        Provider = sharesDatabaseWith.Provider;
        ConnectionString = sharesDatabaseWith.ConnectionString;
        _ownsDatabase = false;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Time as the host sees it; tests move it forward.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Extra configuration for one test class, e.g. ["Demo:Seed"] = "true".</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>The host's password hasher (Identity's, counting its verifications).</summary>
    public CountingPasswordHasher PasswordHasher { get; } = new();

    /// <summary>What the application logged (security events are asserted on).</summary>
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Database:Provider"] = Provider == "postgres" ? "Postgres" : "Sqlite",
            ["ConnectionStrings:Mismes"] = ConnectionString,
            ["Database:MigrateAtStart"] = "true",
        };

        // Tests sign in and search far faster than people do: limits high enough never to trip, unless a test sets its own.
        foreach (var rule in new[] { "SignInPerClient", "Search", "DuplicateCheck", "PublicForm", "ApiKey" })
        {
            settings[$"RateLimits:{rule}:PermitLimit"] = "100000";
        }

        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        // UseSetting, not only ConfigureAppConfiguration: Program reads the database settings while registering
        // services, before a minimal-hosting app applies ConfigureAppConfiguration (which alone left every test on
        // the default Data Source=mismes.db).
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestClientAddress>();
            services.Replace(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Identity.IPasswordHasher<Mismes.Core.Administration.AppUser>>(PasswordHasher));
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing || !_ownsDatabase)
        {
            return;
        }

        if (Provider == "postgres")
        {
            TestDatabase.DropPostgresDatabase(_databaseName);
        }
        else
        {
            TestDatabase.DeleteSqliteFiles(_sqliteFile);
        }
    }
}
