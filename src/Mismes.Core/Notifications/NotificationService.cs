using Microsoft.EntityFrameworkCore;
using MimeKit;
using Mismes.Core.Data;
using Mismes.Core.Jobs;

namespace Mismes.Core.Notifications;

/// <summary>
/// What other capabilities call to send e-mail:
/// <c>notifications.Enqueue(MessageKinds.PasswordReset, user.Email, user.PreferredCulture, new PasswordResetMail(...))</c>
/// followed by their own <c>SaveChangesAsync</c>.
/// </summary>
public sealed class NotificationService(AppDbContext db, MessageTemplates templates, JobQueue jobs, TimeProvider clock)
{
    /// <summary>
    /// Renders a message in the recipient's language and adds it to the caller's unit of work WITHOUT saving. Why:
    /// the message must be stored in the same transaction as the change that causes it. If the change rolls back, no
    /// mail announces something that never happened; if it commits, the mail cannot be lost, even when the SMTP server
    /// is down or the node stops right after, because it waits in the outbox until the sender job delivers it.
    /// </summary>
    /// <param name="kind">One of <see cref="MessageKinds"/>.</param>
    /// <param name="recipient">An e-mail address (see <see cref="IsValidAddress"/>).</param>
    /// <param name="culture">The recipient's preferred culture (fr, ar-MA, en, es); others and null fall back to French.</param>
    /// <param name="model">The kind's model record, e.g. <see cref="PasswordResetMail"/>.</param>
    /// <param name="institutionId">The institution on whose behalf it is sent: its staff see it in their outbox.</param>
    /// <exception cref="ArgumentException">An invalid address, an unknown kind, or a model that does not fit the templates.</exception>
    public OutboxMessage Enqueue(string kind, string recipient, string? culture, object model, Guid? institutionId = null)
    {
        if (!IsValidAddress(recipient))
        {
            throw new ArgumentException("The recipient is not a valid e-mail address.", nameof(recipient));
        }

        var rendered = templates.Render(kind, culture, model);
        var now = clock.GetUtcNow();
        var message = new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            Recipient = recipient.Trim(),
            Culture = rendered.Culture,
            Subject = rendered.Subject.Length <= OutboxMessageConfiguration.MaxSubjectLength
                ? rendered.Subject
                : rendered.Subject[..OutboxMessageConfiguration.MaxSubjectLength],
            HtmlBody = rendered.HtmlBody,
            TextBody = rendered.TextBody,
            Status = OutboxStatus.Queued,
            NextAttemptAt = now,
            InstitutionId = institutionId,
            CreatedAt = now,
        };
        db.Set<OutboxMessage>().Add(message);

        // One sender run per unit of work, committed with the messages, so they leave as soon as the job runner polls.
        var runPending = db.ChangeTracker.Entries<BackgroundJob>()
            .Any(e => e.State == EntityState.Added && e.Entity.Kind == SendQueuedMailHandler.JobKind);
        if (!runPending)
        {
            jobs.Add(SendQueuedMailHandler.JobKind, "{}");
        }

        return message;
    }

    /// <summary>Enqueues a <see cref="MessageKinds.Test"/> message and saves it (the outbox page's "send a test message").</summary>
    public async Task<OutboxMessage> SendTestAsync(string recipient, string? culture, string displayName, Guid? institutionId, CancellationToken ct)
    {
        var message = Enqueue(MessageKinds.Test, recipient, culture, new TestMail(displayName, clock.GetUtcNow()), institutionId);
        await db.SaveChangesAsync(ct);
        return message;
    }

    /// <summary>One mailbox, with an @ and a domain, short enough for the outbox: what <see cref="Enqueue"/> accepts.</summary>
    public static bool IsValidAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address) || address.Trim().Length > OutboxMessageConfiguration.MaxRecipientLength)
        {
            return false;
        }

        var trimmed = address.Trim();
        return MailboxAddress.TryParse(trimmed, out var mailbox)
            && string.Equals(mailbox.Address, trimmed, StringComparison.OrdinalIgnoreCase)
            && mailbox.Address.IndexOf('@', StringComparison.Ordinal) is > 0 and var at
            && at < mailbox.Address.Length - 1;
    }
}
