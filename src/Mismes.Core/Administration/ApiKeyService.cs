using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Mismes.Core.Data;

namespace Mismes.Core.Administration;

public sealed record ApiKeyView(Guid Id, Guid InstitutionId, string InstitutionCode, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>The result of creating a key: the only moment the secret is known.</summary>
public sealed record CreatedApiKey(ApiKeyView Key, string Secret);

/// <summary>Creates, lists, revokes and checks partner systems' API keys (each scoped to one institution).</summary>
public sealed class ApiKeyService(AppDbContext db, ICurrentUser currentUser, AuditLog audit, TimeProvider clock)
{
    public const string KeyPrefix = "msk_";
    private const int PrefixLength = 12;

    /// <summary>A new key: the prefix and 32 random bytes, base64url (the prefix lets secret scanners spot leaked keys).</summary>
    public static string NewSecret() => KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string PrefixOf(string secret) => secret[..PrefixLength];

    public static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Keys the current user may manage: their institution's, or all for an administrator.</summary>
    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(CancellationToken ct)
    {
        var keys = await db.Set<ApiKey>().VisibleTo(currentUser, k => k.InstitutionId)
            .Join(db.Set<Institution>(), k => k.InstitutionId, i => i.Id, (k, i) => new { Key = k, i.Code })
            .ToListAsync(ct);
        return keys
            .OrderByDescending(k => k.Key.CreatedAt)
            .Select(k => ToView(k.Key, k.Code))
            .ToList();
    }

    /// <summary>
    /// Creates a key for <paramref name="institutionId"/> (the current user's own institution unless they see all).
    /// Returns field errors (codes: Required, TooLong, NotAllowed) instead of a key when the request is invalid.
    /// </summary>
    public async Task<(CreatedApiKey? Created, Dictionary<string, string[]> Errors)> CreateAsync(
        Guid institutionId, string? name, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        name = name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors["Name"] = ["Required"];
        }
        else if (name.Length > 100)
        {
            errors["Name"] = ["TooLong"];
        }

        var institution = await db.Set<Institution>().SingleOrDefaultAsync(i => i.Id == institutionId, ct);
        if (institution is null || !InstitutionScope.CanSee(currentUser, institutionId))
        {
            errors["InstitutionId"] = ["NotAllowed"];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var secret = NewSecret();
        var key = new ApiKey
        {
            Id = Guid.NewGuid(),
            InstitutionId = institutionId,
            Name = name!,
            Prefix = PrefixOf(secret),
            SecretHash = Hash(secret),
            CreatedAt = clock.GetUtcNow(),
            CreatedByUserId = currentUser.UserId,
        };
        db.Set<ApiKey>().Add(key);
        audit.Add(AuditAction.Create, "ApiKey", key.Id.ToString(), "Name,InstitutionId");
        await db.SaveChangesAsync(ct);
        return (new CreatedApiKey(ToView(key, institution!.Code), secret), errors);
    }

    /// <summary>Revokes a key the current user may manage; false when there is no such key for them.</summary>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken ct)
    {
        var key = await db.Set<ApiKey>().VisibleTo(currentUser, k => k.InstitutionId).SingleOrDefaultAsync(k => k.Id == id, ct);
        if (key is null)
        {
            return false;
        }

        if (key.RevokedAt is null)
        {
            key.RevokedAt = clock.GetUtcNow();
            audit.Add(AuditAction.Update, "ApiKey", key.Id.ToString(), "RevokedAt");
            await db.SaveChangesAsync(ct);
        }

        return true;
    }

    /// <summary>The active key matching a presented secret, or null. Compares hashes, never secrets.</summary>
    public async Task<ApiKey?> FindActiveAsync(string presented, CancellationToken ct)
    {
        if (!presented.StartsWith(KeyPrefix, StringComparison.Ordinal) || presented.Length > 200)
        {
            return null;
        }

        var hash = Hash(presented);
        return await db.Set<ApiKey>().AsNoTracking()
            .SingleOrDefaultAsync(k => k.SecretHash == hash && k.RevokedAt == null, ct);
    }

    private static ApiKeyView ToView(ApiKey key, string institutionCode) =>
        new(key.Id, key.InstitutionId, institutionCode, key.Name, key.Prefix, key.CreatedAt, key.RevokedAt);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
