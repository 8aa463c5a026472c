using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mismes.Core.Notifications;

/// <summary>
/// A message received by the development mail sink (Development and tests only, when no SMTP server is configured).
/// Kept in the database rather than in the sink's process so that every node's outbox page shows it.
/// </summary>
public sealed class CapturedMail
{
    public Guid Id { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The outbox message it was sent from (the X-Mismes-Outbox-Id header), when it came from the outbox.</summary>
    public Guid? OutboxMessageId { get; set; }

    public required string From { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    /// <summary>The Content-Language header: the language the message was written in.</summary>
    public string? Culture { get; set; }

    public string? HtmlBody { get; set; }

    public string? TextBody { get; set; }
}

internal sealed class CapturedMailConfiguration : IEntityTypeConfiguration<CapturedMail>
{
    public void Configure(EntityTypeBuilder<CapturedMail> builder)
    {
        builder.ToTable("NotificationCapturedMail");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.From).HasMaxLength(CapturedMailStore.MaxAddressLength);
        builder.Property(m => m.To).HasMaxLength(CapturedMailStore.MaxAddressLength);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessageConfiguration.MaxSubjectLength);
        builder.Property(m => m.Culture).HasMaxLength(35);
        builder.HasIndex(m => m.ReceivedAt);
        builder.HasIndex(m => m.OutboxMessageId);
    }
}
