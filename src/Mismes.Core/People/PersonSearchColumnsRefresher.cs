using Microsoft.EntityFrameworkCore;
using Mismes.Core.Data;
using Mismes.Core.Seeding;

namespace Mismes.Core.People;

/// <summary>
/// Recomputes the stored search columns of people saved with older folding rules (<see cref="Person.SearchVersion"/>
/// below <see cref="Person.CurrentSearchVersion"/>), e.g. before the Arabic normalisation of issue 6. Runs after every
/// migration with the reference data: the rules are C# (the same code the queries fold with), so the back-fill cannot
/// be plain SQL in the migration. Batches keep memory flat on a large registry; a second run finds nothing to do.
/// </summary>
internal sealed class PersonSearchColumnsRefresher(AppDbContext db) : IReferenceDataSeeder
{
    private const int BatchSize = 500;

    public int Order => 900;

    public async Task SeedAsync(CancellationToken ct)
    {
        while (true)
        {
            var stale = await db.Set<Person>()
                .Where(p => p.SearchVersion < Person.CurrentSearchVersion)
                .OrderBy(p => p.Id)
                .Take(BatchSize)
                .ToListAsync(ct);
            if (stale.Count == 0)
            {
                return;
            }

            foreach (var person in stale)
            {
                person.RefreshSearchColumns();
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
