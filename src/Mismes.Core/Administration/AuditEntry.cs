using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mismes.Core.Administration;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<AuditAction>))]
public enum AuditAction
{
    Read,
    Create,
    Update,
    Delete,
    Export,
    Merge,
    ConsentGiven,
    ConsentWithdrawn,
    SignIn,

    /// <summary>An account was deactivated: it cannot sign in any more.</summary>
    Deactivate,

    /// <summary>A deactivated account was made active again.</summary>
    Reactivate,

    /// <summary>A link to choose a new password was e-mailed ("forgot password", or asked by an administrator).</summary>
    PasswordResetSent,

    /// <summary>A new password was chosen through a reset link.</summary>
    PasswordReset,

    /// <summary>Two-step verification was turned on (an authenticator app confirmed).</summary>
    TwoFactorEnabled,

    /// <summary>Two-step verification was turned off.</summary>
    TwoFactorDisabled,

    /// <summary>New recovery codes were drawn; the old ones stopped working.</summary>
    RecoveryCodesRegenerated,

    /// <summary>A merge of two people undone: both records as they were before (People, docs/adr/0023).</summary>
    MergeUndone,
}

/// <summary>
/// One line of the append-only audit trail: who read, created, changed or exported which personal record,
/// when, from which institution. Never updated or deleted by the application.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? UserId { get; set; }

    /// <summary>The partner system's API key that acted, when one did (<see cref="UserId"/> is then null).</summary>
    public Guid? ApiKeyId { get; set; }

    public Guid? InstitutionId { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>The kind of record, e.g. "Person".</summary>
    public required string RecordType { get; set; }

    public required string RecordId { get; set; }

    /// <summary>What changed, as field names only: the trail must not copy personal data.</summary>
    public string? Details { get; set; }

    /// <summary>The IP address the request came from (null for the CLI and jobs).</summary>
    public string? ClientAddress { get; set; }

    /// <summary>The client's User-Agent, shortened to <see cref="UserAgentMaxLength"/>.</summary>
    public string? UserAgent { get; set; }

    public const int UserAgentMaxLength = 300;
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.RecordType).HasMaxLength(60);
        builder.Property(a => a.RecordId).HasMaxLength(60);
        builder.Property(a => a.Details).HasMaxLength(1000);
        builder.Property(a => a.ClientAddress).HasMaxLength(45);
        builder.Property(a => a.UserAgent).HasMaxLength(AuditEntry.UserAgentMaxLength);
        builder.HasIndex(a => new { a.RecordType, a.RecordId });
        builder.HasIndex(a => a.At);
    }
}
