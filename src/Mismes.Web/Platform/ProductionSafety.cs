using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.People;

namespace Mismes.Web.Platform;

/// <summary>
/// Production never runs with the demo data set: its accounts share a published password (it once worked on a
/// production database that had been seeded for a trial). A Production node refuses to start while demo accounts,
/// demo institutions or demo people exist, unless <c>Demo:AllowInProduction=true</c> says this is on purpose (a
/// public demonstration server).
/// </summary>
internal static class ProductionSafety
{
    public const string AllowDemoSetting = "Demo:AllowInProduction";

    public static async Task RefuseDemoDataAsync(WebApplication app)
    {
        if (!app.Environment.IsProduction() || app.Configuration.GetValue<bool>(AllowDemoSetting))
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = app.Lifetime.ApplicationStopping;
        if (!(await db.Database.GetAppliedMigrationsAsync(ct)).Any())
        {
            return; // an empty database holds no demo data (`mismes migrate` has not run yet)
        }

        var demoDomain = "@" + DemoAccounts.EmailDomain.ToUpperInvariant();
        var found = new List<string>();
        if (await db.Set<AppUser>().AnyAsync(u => u.NormalizedEmail != null && u.NormalizedEmail.EndsWith(demoDomain), ct))
        {
            found.Add("demo accounts (@" + DemoAccounts.EmailDomain + ")");
        }

        if (await db.Set<Institution>().AnyAsync(i => i.IsDemo, ct))
        {
            found.Add("demo institutions");
        }

        if (await db.Set<Person>().AnyAsync(p => p.IsDemo, ct))
        {
            found.Add("demo people");
        }

        if (found.Count > 0)
        {
            throw new InvalidOperationException(
                $"Refusing to start in Production: the database holds {string.Join(", ", found)}, whose password is public. "
                + $"Remove the demo data set, or set {AllowDemoSetting}=true if this server is a public demonstration on purpose.");
        }
    }
}
