using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Mismes.Core.Common;
using Mismes.Core.Data;

namespace Mismes.Core.Administration;

public sealed record ApiKeyView(
    Guid Id, Guid InstitutionId, string InstitutionCode, string Name, string Prefix, IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A key to create: for which institution, under which name, with which scopes.</summary>
public sealed record CreateApiKey
{
    public required Guid InstitutionId { get; init; }

    public required string? Name { get; init; }

    /// <summary>Scope names asked for, e.g. "people:read".</summary>
    public required IReadOnlyCollection<string> Scopes { get; init; }

    /// <summary>
    /// The scopes the creator may grant: the known scopes whose rights they hold themselves. The web host decides this
    /// (it knows the scopes the modules declare and the policies behind them); Core refuses anything outside it.
    /// </summary>
    public required IReadOnlySet<string> GrantableScopes { get; init; }
}

/// <summary>The result of creating a key: the only moment the secret is known.</summary>
public sealed record CreatedApiKey(ApiKeyView Key, string Secret);

/// <summary>Creates, lists, revokes and checks partner systems' API keys (each scoped to one institution).</summary>
public sealed class ApiKeyService(AppDbContext db, ICurrentUser currentUser, AuditLog audit, TimeProvider clock)
{
    public const string KeyPrefix = "msk_";
    public const int MaxNameLength = 100;
    public const int MaxScopesLength = 500;
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
    /// Creates a key for the request's institution (the current user's own unless they see all) with the scopes asked
    /// for, which must all be grantable by the creator. Field errors (codes Required, TooLong, NotAllowed) instead of a
    /// key when the request is invalid. The audit entry names the scopes granted (scope names are not personal data).
    /// </summary>
    public async Task<WriteResult<CreatedApiKey>> CreateAsync(CreateApiKey request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(nameof(request.Name), "Required");
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add(nameof(request.Name), "TooLong");
        }

        var institution = await db.Set<Institution>().SingleOrDefaultAsync(i => i.Id == request.InstitutionId, ct);
        if (institution is null || !InstitutionScope.CanSee(currentUser, request.InstitutionId))
        {
            errors.Add(nameof(request.InstitutionId), "NotAllowed");
        }

        var scopes = request.Scopes.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (scopes.Count == 0)
        {
            errors.Add(nameof(request.Scopes), "Required");
        }
        else if (scopes.Any(s => !request.GrantableScopes.Contains(s)))
        {
            // A scope the creator does not hold, or one no module declares: least privilege, never more than one's own.
            errors.Add(nameof(request.Scopes), "NotAllowed");
        }

        if (!errors.IsEmpty)
        {
            return WriteResult<CreatedApiKey>.Invalid(errors);
        }

        var secret = NewSecret();
        var key = new ApiKey
        {
            Id = Guid.NewGuid(),
            InstitutionId = request.InstitutionId,
            Name = name!,
            Prefix = PrefixOf(secret),
            SecretHash = Hash(secret),
            Scopes = string.Join(' ', scopes),
            CreatedAt = clock.GetUtcNow(),
            CreatedByUserId = currentUser.UserId,
        };
        db.Set<ApiKey>().Add(key);
        audit.Add(AuditAction.Create, "ApiKey", key.Id.ToString(), "Name,InstitutionId,Scopes;scopes:" + key.Scopes);
        await db.SaveChangesAsync(ct);
        return WriteResult<CreatedApiKey>.Ok(new CreatedApiKey(ToView(key, institution!.Code), secret));
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

    /// <summary>"people:read  people:write" → ["people:read", "people:write"].</summary>
    public static IReadOnlyList<string> SplitScopes(string? scopes) =>
        (scopes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static ApiKeyView ToView(ApiKey key, string institutionCode) =>
        new(key.Id, key.InstitutionId, institutionCode, key.Name, key.Prefix, key.ScopeList, key.CreatedAt, key.RevokedAt);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
