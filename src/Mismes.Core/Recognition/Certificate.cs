using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mismes.Core.Recognition;

/// <summary>
/// A certificate of validated skills. What it states is fixed at issue and signed (<see cref="Credential"/>, a
/// VC-JOSE compact JWS); the only later change is a revocation, which the public verification page shows.
/// </summary>
public sealed class Certificate
{
    public Guid Id { get; set; }

    /// <summary>The short code printed on the certificate and in its QR code, e.g. "7KQ2M-X9RTA".</summary>
    public string Code { get; set; } = "";

    public Guid ApplicationId { get; set; }
    public Guid PersonId { get; set; }
    public Guid InstitutionId { get; set; }

    /// <summary>The holder's name as printed (Latin script), fixed at issue.</summary>
    public string HolderName { get; set; } = "";

    public string IssuerName { get; set; } = "";
    public string Trade { get; set; } = "";
    public int EqfLevel { get; set; }

    /// <summary>The ESCO skill URIs validated, one per line.</summary>
    public string SkillUris { get; set; } = "";

    public DateTimeOffset IssuedAt { get; set; }

    /// <summary>The key that signed <see cref="Credential"/>.</summary>
    public string KeyId { get; set; } = "";

    /// <summary>The signed credential: a compact JWS (typ vc+jwt) whose payload is a W3C VC 2.0 document.</summary>
    public string Credential { get; set; } = "";

    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevocationReason { get; set; }

    public IReadOnlyList<string> Skills => SkillUris.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// Certificate codes: ten symbols of Crockford's base 32 (no I, L, O or U, so nothing reads as another), grouped
/// five and five. 50 random bits: guessing one among a million certificates takes about 10^9 tries, and the
/// verification page is rate-limited.
/// </summary>
public static class CertificateCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<char> code = stackalloc char[11];
        for (var i = 0; i < 10; i++)
        {
            code[i < 5 ? i : i + 1] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        code[5] = '-';
        return new string(code);
    }

    /// <summary>A code as a person types it (lower case, spaces, no dash, O for 0, I or L for 1) in its printed form; null when it cannot be one.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 40)
        {
            return null;
        }

        var symbols = new List<char>(10);
        foreach (var c in typed.ToUpperInvariant())
        {
            var s = c switch { 'O' => '0', 'I' or 'L' => '1', _ => c };
            if (s is '-' or ' ')
            {
                continue;
            }

            if (!Alphabet.Contains(s, StringComparison.Ordinal))
            {
                return null;
            }

            symbols.Add(s);
        }

        return symbols.Count == 10 ? new string([.. symbols[..5], '-', .. symbols[5..]]) : null;
    }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> builder)
    {
        builder.ToTable("RecognitionCertificates");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.HasIndex(c => c.ApplicationId);
        builder.HasOne<ValidationApplication>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Code).HasMaxLength(11);
        builder.Property(c => c.HolderName).HasMaxLength(300);
        builder.Property(c => c.IssuerName).HasMaxLength(300);
        builder.Property(c => c.Trade).HasMaxLength(ValidationLimits.Trade);
        builder.Property(c => c.SkillUris).HasMaxLength(8000);
        builder.Property(c => c.KeyId).HasMaxLength(64);
        builder.Property(c => c.Credential).HasMaxLength(32000);
        builder.Property(c => c.RevocationReason).HasMaxLength(ValidationLimits.Reason);
        builder.Ignore(c => c.Skills);
    }
}
