using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.IdentityModel.Tokens;
using Mismes.Core.Data;

namespace Mismes.Core.Recognition;

/// <summary>
/// One of the platform's credential signing keys (ECDSA P-256, ES256). The private half is stored protected by ASP.NET
/// Data Protection (whose key ring is itself in the database, so every node can sign); the public half is published
/// as a JWK for ever, so that a credential signed before a rotation still verifies after it.
/// </summary>
public sealed class CredentialSigningKey
{
    /// <summary>The RFC 7638 JWK thumbprint of the public key: stable, and derivable by anyone from the key itself.</summary>
    public string KeyId { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a newer key took over signing; the key still verifies what it signed.</summary>
    public DateTimeOffset? RetiredAt { get; set; }

    /// <summary>The public JWK as JSON.</summary>
    public string PublicJwk { get; set; } = "";

    /// <summary>The PKCS#8 private key, protected.</summary>
    public string ProtectedPrivateKey { get; set; } = "";
}

internal sealed class CredentialSigningKeyConfiguration : IEntityTypeConfiguration<CredentialSigningKey>
{
    public void Configure(EntityTypeBuilder<CredentialSigningKey> builder)
    {
        builder.ToTable("RecognitionSigningKeys");
        builder.HasKey(k => k.KeyId);
        builder.Property(k => k.KeyId).HasMaxLength(64);
        builder.Property(k => k.PublicJwk).HasMaxLength(1000);
        builder.Property(k => k.ProtectedPrivateKey).HasMaxLength(4000);
    }
}

/// <summary>
/// The signing keys: the active one (made on first use), rotation, and the published key set (JWKS) that verifies
/// every credential ever issued. See ADR 0039.
/// </summary>
public sealed class CredentialKeyRing(AppDbContext db, IDataProtectionProvider protection, TimeProvider clock)
{
    private IDataProtector Protector => protection.CreateProtector("Mismes.Validation.CredentialSigningKey.v1");

    /// <summary>The key that signs new credentials, made when there is none yet.</summary>
    public async Task<SigningCredentials> ActiveAsync(CancellationToken ct)
    {
        var active = await db.Set<CredentialSigningKey>().Where(k => k.RetiredAt == null)
            .OrderByDescending(k => k.CreatedAt).FirstOrDefaultAsync(ct)
            ?? await AddKeyAsync(ct);
        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(Convert.FromBase64String(Protector.Unprotect(active.ProtectedPrivateKey)), out _);
        return new SigningCredentials(new ECDsaSecurityKey(ecdsa) { KeyId = active.KeyId }, SecurityAlgorithms.EcdsaSha256);
    }

    /// <summary>Retires the active key (it keeps verifying) and makes a new one that signs from now on; its key id.</summary>
    public async Task<string> RotateAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var key in await db.Set<CredentialSigningKey>().Where(k => k.RetiredAt == null).ToListAsync(ct))
        {
            key.RetiredAt = now;
        }

        var added = await AddKeyAsync(ct);
        return added.KeyId;
    }

    /// <summary>Every key, active and retired, as a JSON Web Key Set: what anyone needs to verify a credential offline.</summary>
    public async Task<string> PublishedKeySetAsync(CancellationToken ct)
    {
        var keys = await db.Set<CredentialSigningKey>().OrderBy(k => k.CreatedAt).Select(k => k.PublicJwk).ToListAsync(ct);
        return "{\"keys\":[" + string.Join(",", keys) + "]}";
    }

    private async Task<CredentialSigningKey> AddKeyAsync(CancellationToken ct)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = ecdsa.ExportParameters(includePrivateParameters: false);
        var x = Base64UrlEncoder.Encode(p.Q.X!);
        var y = Base64UrlEncoder.Encode(p.Q.Y!);
        // RFC 7638: the thumbprint is the SHA-256 of the required members in lexicographic order, no spaces.
        var kid = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes($"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{x}\",\"y\":\"{y}\"}}")));
        var key = new CredentialSigningKey
        {
            KeyId = kid,
            CreatedAt = clock.GetUtcNow(),
            PublicJwk = JsonSerializer.Serialize(new { kty = "EC", crv = "P-256", x, y, kid, use = "sig", alg = "ES256" }),
            ProtectedPrivateKey = Protector.Protect(Convert.ToBase64String(ecdsa.ExportPkcs8PrivateKey())),
        };
        db.Set<CredentialSigningKey>().Add(key);
        await db.SaveChangesAsync(ct);
        return key;
    }
}
