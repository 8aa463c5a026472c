using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mismes.Core;
using Mismes.Core.Administration;
using Mismes.Core.Catalogue;
using Mismes.Core.Placement;
using Mismes.Core.Diaspora;
using Mismes.Core.Training;
using Mismes.Core.Evaluation;
using Mismes.Core.People;
using Mismes.Core.Data;
using Mismes.Core.Notifications;

namespace Mismes.Cli.Administration;

/// <summary>
/// The database options every data command shares, and the services behind them: the same Core wiring as the web
/// host (AddMismesDatabase, AddCore, Add&lt;Capability&gt;Core) and the same configuration keys and environment
/// variables (Database__Provider, ConnectionStrings__Mismes, appsettings.json in the working directory).
/// </summary>
internal sealed class DatabaseOptions
{
    public DatabaseOptions()
    {
        // A typo in --provider is a usage error (message + help, exit 1), not a stack trace from deep in the host.
        Provider.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && !IsKnownProvider(value))
            {
                result.AddError($"--provider must be Sqlite or Postgres, not '{value}'.");
            }
        });
    }

    public Option<string?> Provider { get; } = new("--provider") { Description = "Sqlite or Postgres (default: Database:Provider, else Sqlite)" };

    public Option<string?> Connection { get; } = new("--connection") { Description = "Connection string (default: ConnectionStrings:Mismes)" };

    public Option<string?> Environment { get; } = new("--environment") { Description = "Environment name (default: DOTNET_ENVIRONMENT)" };

    public void AddTo(Command command)
    {
        command.Add(Provider);
        command.Add(Connection);
        command.Add(Environment);
    }

    public string EnvironmentName(ParseResult parse) =>
        parse.GetValue(Environment)
        ?? System.Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
        ?? System.Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
        ?? Environments.Development;

    /// <summary>
    /// The host, or null after writing the configuration error (unknown provider in appsettings, PostgreSQL without
    /// a connection string) to the invocation's error writer.
    /// </summary>
    public IHost? TryBuildHost(ParseResult parse)
    {
        try
        {
            return BuildHost(parse);
        }
        catch (InvalidOperationException e)
        {
            parse.InvocationConfiguration.Error.WriteLine(e.Message);
            return null;
        }
    }

    private static bool IsKnownProvider(string value) =>
        value.Equals("Sqlite", StringComparison.OrdinalIgnoreCase)
        || value.Equals("Postgres", StringComparison.OrdinalIgnoreCase)
        || value.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase);

    public IHost BuildHost(ParseResult parse)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = EnvironmentName(parse),
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (parse.GetValue(Provider) is { } provider)
        {
            overrides["Database:Provider"] = provider;
        }

        if (parse.GetValue(Connection) is { } connection)
        {
            overrides["ConnectionStrings:Mismes"] = connection;
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // EF Core probes __EFMigrationsHistory before it exists and logs that as a failed command; failures that
        // matter surface as exceptions anyway.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);

        var services = builder.Services;
        services.AddMismesDatabase(builder.Configuration);
        services.AddCore();
        services.AddAdministrationCore();
        // Administration sends reset and welcome messages through the outbox (the web host delivers them).
        services.AddNotificationsCore();
        services.AddPeopleCore();
        // Each capability's Core services and seeders, as the web host's modules register them (one line per capability).
        services.AddCatalogueCore();
        services.AddPlacementCore();
        services.AddDiasporaCore();
        services.AddEvaluationCore();
        services.AddTrainingCore();
        services.AddIdentityCore<AppUser>(o => o.User.RequireUniqueEmail = true)
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AppDbContext>();
        return builder.Build();
    }

    public static string Describe(AppDbContext db) =>
        db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true ? "PostgreSQL" : "SQLite";
}
