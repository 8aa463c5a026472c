using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Common;
using Mismes.Core.Data;

namespace Mismes.Core.Notifications;

public sealed record OutboxRow(
    Guid Id,
    string Kind,
    string Recipient,
    string Culture,
    string Subject,
    OutboxStatus Status,
    int Attempts,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? FailedAt);

public sealed record CapturedMailRow(Guid Id, DateTimeOffset ReceivedAt, string To, string Subject, string? Culture);

/// <summary>
/// The outbox as staff see it: their institution's messages (administrators: all, including those sent on behalf of
/// no institution, such as password resets), and the development sink's captured mail. Both lists are disclosures of
/// e-mail addresses, so each read is audited.
/// </summary>
public sealed class OutboxQueries(AppDbContext db, ICurrentUser user, AuditLog audit)
{
    public const string OutboxRecordType = "NotificationOutbox";

    public const string CapturedRecordType = "NotificationCapturedMail";

    public async Task<Paged<OutboxRow>> ListAsync(OutboxStatus? status, PageRequest paging, CancellationToken ct)
    {
        var query = db.Set<OutboxMessage>().AsNoTracking().VisibleTo(user, m => m.InstitutionId);
        if (status is { } wanted)
        {
            query = query.Where(m => m.Status == wanted);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(m => new OutboxRow(m.Id, m.Kind, m.Recipient, m.Culture, m.Subject, m.Status, m.Attempts, m.LastError, m.CreatedAt, m.NextAttemptAt, m.SentAt, m.FailedAt))
            .ToListAsync(ct);
        await audit.RecordReadAsync(OutboxRecordType, "list", ct);
        return new Paged<OutboxRow>(items, total, paging.Page, paging.PageSize);
    }

    public async Task<Paged<CapturedMailRow>> ListCapturedAsync(PageRequest paging, CancellationToken ct)
    {
        var query = VisibleCaptured();
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(m => m.ReceivedAt).ThenByDescending(m => m.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(m => new CapturedMailRow(m.Id, m.ReceivedAt, m.To, m.Subject, m.Culture))
            .ToListAsync(ct);
        await audit.RecordReadAsync(CapturedRecordType, "list", ct);
        return new Paged<CapturedMailRow>(items, total, paging.Page, paging.PageSize);
    }

    /// <summary>One captured message, or null when it does not exist or belongs to another institution.</summary>
    public async Task<CapturedMail?> FindCapturedAsync(Guid id, CancellationToken ct)
    {
        var mail = await VisibleCaptured().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (mail is not null)
        {
            await audit.RecordReadAsync(CapturedRecordType, id.ToString(), ct);
        }

        return mail;
    }

    /// <summary>Administrators see every captured message; other staff those sent from their institution's outbox messages.</summary>
    private IQueryable<CapturedMail> VisibleCaptured()
    {
        var captured = db.Set<CapturedMail>().AsNoTracking();
        if (InstitutionScope.SeesAllInstitutions(user))
        {
            return captured;
        }

        var visibleMessages = db.Set<OutboxMessage>().VisibleTo(user, m => m.InstitutionId).Select(m => m.Id);
        return captured.Where(c => c.OutboxMessageId != null && visibleMessages.Contains(c.OutboxMessageId.Value));
    }
}
