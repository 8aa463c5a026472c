using Microsoft.EntityFrameworkCore;
using Mismes.Core.Data;

namespace Mismes.Core.Administration;

/// <summary>Accounts of the user's institution (administrators: all) that need someone who manages users.</summary>
public sealed record AdministrationWork(int LockedOut);

/// <summary>Counts for the Administration part of the work queue; counts only.</summary>
public sealed class AdministrationWorkCounts(AppDbContext db, ICurrentUser user, TimeProvider clock)
{
    public async Task<AdministrationWork> CountAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Lockout ends by itself; until then the colleague cannot work, unless someone who manages users helps.
        // A deactivated account waits for nobody.
        var lockedOut = await db.Set<AppUser>().VisibleTo(user, u => u.InstitutionId)
            .CountAsync(u => u.DeactivatedAt == null && u.LockoutEnabled && u.LockoutEnd != null && u.LockoutEnd > now, ct);
        return new AdministrationWork(lockedOut);
    }
}
