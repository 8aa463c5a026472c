using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.Seeding;

namespace Mismes.Core.People;

/// <summary>
/// Links the demo beneficiary account to a demo person (a seasonal worker registered by the account's institution,
/// with consents to withdraw), so "my record" shows a real record on a newcomer's first run.
/// </summary>
internal sealed class BeneficiaryDemoSeeder(AppDbContext db, TimeProvider clock) : IDemoDataSeeder
{
    /// <summary>After the demo accounts (1) and the demo people (20).</summary>
    public int Order => 21;

    public async Task SeedAsync(CancellationToken ct)
    {
        var account = DemoAccounts.All.Single(a => a.Role == Roles.Beneficiary);
        var user = await db.Set<AppUser>().Where(u => u.Email == account.Email).Select(u => new { u.Id, u.InstitutionId }).FirstOrDefaultAsync(ct);
        if (user is null || await db.Set<BeneficiaryAccount>().AnyAsync(a => a.UserId == user.Id, ct))
        {
            return;
        }

        var linked = db.Set<BeneficiaryAccount>().Select(a => a.PersonId);
        var candidates = await db.Set<Person>()
            .Where(p => p.IsDemo && p.MergedIntoId == null && p.CountryOfResidence == "ES" && !linked.Contains(p.Id))
            .Where(p => p.Consents.Count(c => c.Given) >= 2 && !p.Consents.Any(c => !c.Given))
            .Select(p => new { p.Id, p.InstitutionId, p.LastNameLatin, p.FirstNameLatin, p.BirthDate })
            .ToListAsync(ct);
        var person = candidates
            .OrderByDescending(p => p.InstitutionId == user.InstitutionId)
            .ThenBy(p => p.LastNameLatin, StringComparer.Ordinal).ThenBy(p => p.FirstNameLatin, StringComparer.Ordinal).ThenBy(p => p.BirthDate)
            .FirstOrDefault();
        if (person is null)
        {
            return;
        }

        db.Set<BeneficiaryAccount>().Add(new BeneficiaryAccount { UserId = user.Id, PersonId = person.Id, LinkedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
    }
}
