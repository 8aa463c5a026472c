using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Catalogue;
using Mismes.Core.People;

namespace Mismes.Cli.Tests;

/// <summary>Row counts of what the seeders write, to tell that a second run added nothing.</summary>
internal sealed record DatabaseCounts(int Institutions, int Roles, int Measures, int Users, int People)
{
    public static async Task<DatabaseCounts> ReadAsync(CliDatabase database)
    {
        await using var db = database.NewContext();
        return new DatabaseCounts(
            await db.Set<Institution>().CountAsync(),
            await db.Set<IdentityRole<Guid>>().CountAsync(),
            await db.Set<SupportMeasure>().CountAsync(),
            await db.Set<AppUser>().CountAsync(),
            await db.Set<Person>().CountAsync());
    }
}
