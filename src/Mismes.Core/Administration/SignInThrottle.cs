using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mismes.Core.Data;

namespace Mismes.Core.Administration;

/// <summary>
/// One failed sign-in, kept for <see cref="SignInThrottle.Window"/>: which account was tried from which client. Both
/// are stored as SHA-256 hashes (of the normalised e-mail and of the client's address), never in clear.
/// </summary>
public sealed class SignInFailure
{
    public long Id { get; set; }

    public required string AccountKey { get; set; }

    public required string ClientKey { get; set; }

    public DateTimeOffset At { get; set; }
}

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> builder)
    {
        builder.ToTable("SignInFailures");
        builder.Property(f => f.AccountKey).HasMaxLength(64);
        builder.Property(f => f.ClientKey).HasMaxLength(64);
        builder.HasIndex(f => new { f.AccountKey, f.At });
        builder.HasIndex(f => new { f.ClientKey, f.At });
        builder.HasIndex(f => f.At);
    }
}

/// <summary>What the throttle says about a sign-in attempt before the password is looked at.</summary>
public enum SignInGate
{
    /// <summary>Check the password.</summary>
    Open,

    /// <summary>This client has failed on this account too often: refused like a wrong password, whatever the password.</summary>
    ClosedForThisAccount,

    /// <summary>This client has failed too often on any accounts (password spraying): refused before anything else.</summary>
    ClosedForThisClient,
}

/// <summary>
/// Throttles sign-in by client before it locks an account (issue 6, 3.4; docs/adr/0020-sign-in-throttling.md). A
/// client (an IP address, an IPv6 /64) that fails <see cref="PerAccountAndClient"/> times on one account is refused
/// on that account, and after <see cref="PerClient"/> failures on any accounts is refused altogether, for
/// <see cref="Window"/>. Only <see cref="PerAccount"/> failures from all clients together lock the account itself,
/// so one client alone can never lock anybody out. Shared by every node: the failures live in the database.
/// </summary>
public sealed class SignInThrottle(AppDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public const int PerAccountAndClient = 5;

    public const int PerClient = 20;

    /// <summary>Needs at least ten clients failing at once (each stops at <see cref="PerAccountAndClient"/>).</summary>
    public const int PerAccount = 50;

    public async Task<SignInGate> CheckAsync(string email, string client, CancellationToken ct)
    {
        var since = clock.GetUtcNow() - Window;
        var clientKey = Hash(client);
        var accountKey = AccountKeyOf(email);
        var fromClient = await db.Set<SignInFailure>().Where(f => f.ClientKey == clientKey && f.At > since)
            .GroupBy(f => f.AccountKey == accountKey)
            .Select(g => new { ThisAccount = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        if (fromClient.Sum(g => g.Count) >= PerClient)
        {
            return SignInGate.ClosedForThisClient;
        }

        return fromClient.Where(g => g.ThisAccount).Sum(g => g.Count) >= PerAccountAndClient
            ? SignInGate.ClosedForThisAccount
            : SignInGate.Open;
    }

    /// <summary>Records a failure; true when the account has now failed <see cref="PerAccount"/> times from all clients.</summary>
    public async Task<bool> RecordFailureAsync(string email, string client, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var accountKey = AccountKeyOf(email);
        db.Set<SignInFailure>().Add(new SignInFailure { AccountKey = accountKey, ClientKey = Hash(client), At = now });
        await db.SaveChangesAsync(ct);
        var since = now - Window;
        return await db.Set<SignInFailure>().CountAsync(f => f.AccountKey == accountKey && f.At > since, ct) >= PerAccount;
    }

    /// <summary>After a successful sign-in: this client's failures on this account no longer count.</summary>
    public Task ClearAsync(string email, string client, CancellationToken ct)
    {
        var accountKey = AccountKeyOf(email);
        var clientKey = Hash(client);
        return db.Set<SignInFailure>().Where(f => f.AccountKey == accountKey && f.ClientKey == clientKey).ExecuteDeleteAsync(ct);
    }

    /// <summary>Deletes failures older than the window (the hourly purge job).</summary>
    public Task<int> DeleteExpiredAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow() - Window;
        return db.Set<SignInFailure>().Where(f => f.At <= before).ExecuteDeleteAsync(ct);
    }

    private static string AccountKeyOf(string email) => Hash(email.Trim().ToUpperInvariant());

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
