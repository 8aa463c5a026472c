using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.Seeding;

namespace Mismes.Cli.Administration;

/// <summary>`mismes demo seed`: loads the deterministic demo data set (demo institutions, one account per role, ...). Never in Production.</summary>
internal static class DemoCommand
{
    public const int RefusedExitCode = 2;

    public static Command Create()
    {
        var demo = new Command("demo", "The demo data set");
        var options = new DatabaseOptions();
        var seed = new Command("seed", "Migrate, then load the demo data set (refused in Production)");
        options.AddTo(seed);
        seed.SetAction(async (parse, ct) =>
        {
            var environment = options.EnvironmentName(parse);
            if (string.Equals(environment, Environments.Production, StringComparison.OrdinalIgnoreCase))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("Refused: the demo data set is never loaded in Production.");
                return RefusedExitCode;
            }

            using var host = options.TryBuildHost(parse);
            if (host is null)
            {
                return 1;
            }

            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await DatabaseSetup.MigrateAsync(db, ct);
            var seeds = scope.ServiceProvider.GetRequiredService<SeedRunner>();
            await seeds.SeedReferenceDataAsync(ct);
            await seeds.SeedDemoDataAsync(ct);
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync($"{DatabaseOptions.Describe(db)} ({environment}): demo data set loaded.");
            var configuration = host.Services.GetRequiredService<IConfiguration>();
            await output.WriteLineAsync(DemoAccounts.Table(DemoAccounts.Password(configuration), DemoAccounts.AuthenticatorKey(configuration)));
            return 0;
        });
        demo.Add(seed);
        return demo;
    }
}
