using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Data;
using Mismes.Core.Seeding;

namespace Mismes.Cli.Administration;

/// <summary>`mismes migrate`: applies the pending migrations of the configured provider, then the reference data.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var options = new DatabaseOptions();
        var command = new Command("migrate", "Apply database migrations and reference data (institutions, roles, catalogue)");
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var host = options.TryBuildHost(parse);
            if (host is null)
            {
                return 1;
            }

            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            await DatabaseSetup.MigrateAsync(db, ct);
            await scope.ServiceProvider.GetRequiredService<SeedRunner>().SeedReferenceDataAsync(ct);
            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"{DatabaseOptions.Describe(db)}: {pending.Count} migration(s) applied, reference data up to date.");
            return 0;
        });
        return command;
    }
}
