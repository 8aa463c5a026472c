using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Mismes.Core.Data;

namespace Mismes.Core.Administration;

/// <summary>
/// Server-side sessions: create, find, touch and end them. The web host's ticket store is built on this; Core
/// services call <see cref="RevokeAllAsync"/> whenever a user's access changes (password, role, deactivation,
/// lockout), so an old cookie stops working at once on every node.
/// </summary>
public sealed class UserSessions(AppDbContext db, TimeProvider clock)
{
    /// <summary>A session ends after this long without a request.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in, however active.</summary>
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(12);

    /// <summary>Last-seen is written at most this often, so a busy session does not cost a write per request.</summary>
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    /// <summary>Stores a new session and returns the key for the cookie (random, 256 bits).</summary>
    public async Task<string> CreateAsync(Guid userId, byte[] ticket, CancellationToken ct)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        db.Set<UserSession>().Add(new UserSession
        {
            Id = Hash(key),
            UserId = userId,
            Ticket = ticket,
            CreatedAt = now,
            ExpiresAt = now + AbsoluteTimeout,
            LastSeenAt = now,
        });
        await db.SaveChangesAsync(ct);
        return key;
    }

    /// <summary>The session's ticket, or null when it was ended, expired or idle too long (an expired one is deleted).</summary>
    /// <remarks>Set-based updates and deletes: another request or the purge job may end the same session meanwhile.</remarks>
    public async Task<byte[]?> FindAsync(string key, CancellationToken ct)
    {
        var id = Hash(key);
        var session = await db.Set<UserSession>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (now >= session.ExpiresAt || now - session.LastSeenAt >= IdleTimeout)
        {
            await db.Set<UserSession>().Where(s => s.Id == id).ExecuteDeleteAsync(ct);
            return null;
        }

        if (now - session.LastSeenAt >= TouchInterval)
        {
            await db.Set<UserSession>().Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), ct);
        }

        return session.Ticket;
    }

    /// <summary>Replaces the ticket of a live session (claims refreshed); never extends its absolute end.</summary>
    public async Task RenewAsync(string key, byte[] ticket, CancellationToken ct)
    {
        var id = Hash(key);
        await db.Set<UserSession>().Where(s => s.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Ticket, ticket).SetProperty(s => s.LastSeenAt, clock.GetUtcNow()), ct);
    }

    /// <summary>Ends one session (signing out).</summary>
    public async Task RemoveAsync(string key, CancellationToken ct)
    {
        var id = Hash(key);
        await db.Set<UserSession>().Where(s => s.Id == id).ExecuteDeleteAsync(ct);
    }

    /// <summary>Ends every session of the user, on every node: their cookies are refused from the next request.</summary>
    public Task<int> RevokeAllAsync(Guid userId, CancellationToken ct) =>
        db.Set<UserSession>().Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);

    /// <summary>Deletes the sessions that have ended by time (run by a periodic job; ended sessions are refused anyway).</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var idleSince = now - IdleTimeout;
        return await db.Set<UserSession>().Where(s => s.ExpiresAt <= now || s.LastSeenAt <= idleSince).ExecuteDeleteAsync(ct);
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
