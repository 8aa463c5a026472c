using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mismes.Core.Administration;

/// <summary>
/// A partner system's key, scoped to one institution. Only the SHA-256 hash of the secret is stored; the secret
/// itself is shown once, at creation.
/// </summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }

    public Guid InstitutionId { get; set; }

    /// <summary>What the key is for, e.g. "SEPE vacancy exchange".</summary>
    public required string Name { get; set; }

    /// <summary>The first characters of the key, shown in lists so a key can be recognised without revealing it.</summary>
    public required string Prefix { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public required string SecretHash { get; set; }

    /// <summary>Roles the key's principal gets, comma-separated (PartnerService by default).</summary>
    public string Roles { get; set; } = Administration.Roles.PartnerService;

    public DateTimeOffset CreatedAt { get; set; }

    public Guid? CreatedByUserId { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsRevoked => RevokedAt is not null;
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.Prefix).HasMaxLength(16);
        builder.Property(k => k.SecretHash).HasMaxLength(64);
        builder.Property(k => k.Roles).HasMaxLength(200);
        builder.HasIndex(k => k.SecretHash).IsUnique();
        builder.HasIndex(k => k.InstitutionId);
        builder.HasOne<Institution>().WithMany().HasForeignKey(k => k.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(k => k.IsRevoked);
    }
}
