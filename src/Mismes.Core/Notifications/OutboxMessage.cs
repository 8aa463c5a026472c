using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mismes.Core.Notifications;

public enum OutboxStatus
{
    /// <summary>Waiting to be sent (or being sent by the node that holds its claim).</summary>
    Queued,
    Sent,

    /// <summary>Given up: the server refused the recipient, or every attempt failed. <see cref="OutboxMessage.LastError"/> says why.</summary>
    Failed,
}

/// <summary>
/// One e-mail in the outbox. It is added in the same transaction as the change that causes it and sent afterwards by
/// the <see cref="SendQueuedMailHandler"/> job (docs/adr/0014-notifications-outbox.md). It holds the rendered message
/// and the recipient's address only: the bodies are erased once the message is sent or has failed, because they can
/// carry secrets such as a password-reset link.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    /// <summary>The template it was rendered from, e.g. <see cref="MessageKinds.PasswordReset"/>.</summary>
    public required string Kind { get; set; }

    public required string Recipient { get; set; }

    /// <summary>The culture it was rendered in: fr, ar-MA, en or es.</summary>
    public required string Culture { get; set; }

    public required string Subject { get; set; }

    public required string HtmlBody { get; set; }

    public required string TextBody { get; set; }

    public OutboxStatus Status { get; set; }

    /// <summary>How many times a node has tried to send it (the current try included).</summary>
    public int Attempts { get; set; }

    /// <summary>Not sent before this time (UTC): now when queued, then the retry back-off.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The sender run that holds the message while it sends it.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>After this time a claim counts as abandoned (its node stopped) and another node may send the message.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>Why the last attempt failed: an SMTP status and the server's reply, or an error type.</summary>
    public string? LastError { get; set; }

    /// <summary>The institution on whose behalf it is sent; its staff see it on the outbox page. Null: administrators only.</summary>
    public Guid? InstitutionId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? FailedAt { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    // MailOutbox's claim statement is raw SQL and names this table and its columns; keep them in step.
    public const string Table = "NotificationOutbox";

    public const int MaxKindLength = 100;
    public const int MaxRecipientLength = 320;
    public const int MaxSubjectLength = 300;
    public const int MaxErrorLength = 500;
    public const int MaxClaimLength = 100;

    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable(Table);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Kind).HasMaxLength(MaxKindLength);
        builder.Property(m => m.Recipient).HasMaxLength(MaxRecipientLength);
        builder.Property(m => m.Culture).HasMaxLength(10);
        builder.Property(m => m.Subject).HasMaxLength(MaxSubjectLength);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.ClaimedBy).HasMaxLength(MaxClaimLength);
        builder.Property(m => m.LastError).HasMaxLength(MaxErrorLength);
        // The claim query: due Queued messages, oldest first.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        // The outbox page: an institution's messages, newest first.
        builder.HasIndex(m => new { m.InstitutionId, m.CreatedAt });
        builder.HasIndex(m => m.CreatedAt);
    }
}
