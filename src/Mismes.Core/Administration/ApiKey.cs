using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mismes.Core.Administration;

/// <summary>
/// A partner system's key, scoped to one institution and to the scopes its creator granted. Only the SHA-256 hash of
/// the secret is stored; the secret itself is shown once, at creation.
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

    /// <summary>
    /// What the key may do, space-separated scope names such as "people:read catalogue:write" (docs/adr/0019-api-key-scopes.md).
    /// Empty: only what every key may do (who am I, the institutions). The key always acts for its own institution.
    /// </summary>
    public string Scopes { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public Guid? CreatedByUserId { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>The scope names, as a list.</summary>
    public IReadOnlyList<string> ScopeList => ApiKeyService.SplitScopes(Scopes);
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.Prefix).HasMaxLength(16);
        builder.Property(k => k.SecretHash).HasMaxLength(64);
        builder.Property(k => k.Scopes).HasMaxLength(ApiKeyService.MaxScopesLength);
        builder.HasIndex(k => k.SecretHash).IsUnique();
        builder.HasIndex(k => k.InstitutionId);
        builder.HasOne<Institution>().WithMany().HasForeignKey(k => k.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(k => k.IsRevoked);
        builder.Ignore(k => k.ScopeList);
    }
}
