using Microsoft.EntityFrameworkCore;
using Mismes.Core.Data;
using Mismes.Core.Common;

namespace Mismes.Core.Administration;

/// <summary>Filters of the audit page and API; every one optional. <see cref="User"/> is a user id or an e-mail.</summary>
public sealed record AuditFilter
{
    public string? RecordType { get; init; }

    public string? RecordId { get; init; }

    public string? User { get; init; }

    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive upper bound.</summary>
    public DateTimeOffset? To { get; init; }

    public PageRequest Paging { get; init; } = new(1, AuditTrailService.DefaultPageSize);
}

public sealed record AuditRow(
    long Id, DateTimeOffset At, AuditAction Action, string RecordType, string RecordId, string? Details,
    Guid? UserId, string? UserEmail, Guid? InstitutionId, string? InstitutionCode, Guid? ApiKeyId = null);

/// <summary>
/// Reads the audit trail, newest first. Administrators see every institution's entries; a programme manager only
/// those made from their own institution (see <see cref="InstitutionScope"/>). There is deliberately no write
/// method here: entries are only ever added by <see cref="AuditLog"/>.
/// </summary>
public sealed class AuditTrailService(AppDbContext db, ICurrentUser currentUser)
{
    public const int DefaultPageSize = 50;

    public async Task<Paged<AuditRow>> SearchAsync(AuditFilter filter, CancellationToken ct)
    {
        var paging = filter.Paging;
        var query = db.Set<AuditEntry>().AsNoTracking().VisibleTo(currentUser, a => a.InstitutionId);

        if (!string.IsNullOrWhiteSpace(filter.RecordType))
        {
            var recordType = filter.RecordType.Trim();
            query = query.Where(a => a.RecordType == recordType);
        }

        if (!string.IsNullOrWhiteSpace(filter.RecordId))
        {
            var recordId = filter.RecordId.Trim();
            query = query.Where(a => a.RecordId == recordId);
        }

        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var userId = await ResolveUserAsync(filter.User.Trim(), ct);
            query = query.Where(a => a.UserId == userId);
        }

        if (filter.From is { } from)
        {
            query = query.Where(a => a.At >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(a => a.At < to);
        }

        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(a => new AuditRow(
                a.Id, a.At, a.Action, a.RecordType, a.RecordId, a.Details, a.UserId,
                db.Set<AppUser>().Where(u => u.Id == a.UserId).Select(u => u.Email).FirstOrDefault(),
                a.InstitutionId,
                db.Set<Institution>().Where(i => i.Id == a.InstitutionId).Select(i => i.Code).FirstOrDefault(),
                a.ApiKeyId))
            .ToListAsync(ct);
        return new Paged<AuditRow>(rows, total, paging.Page, paging.PageSize);
    }

    /// <summary>A user filter that matches nobody yields an empty page (Guid.Empty is never a user id).</summary>
    private async Task<Guid> ResolveUserAsync(string user, CancellationToken ct)
    {
        if (Guid.TryParse(user, out var id))
        {
            return id;
        }

        var normalized = user.ToUpperInvariant();
        var found = await db.Set<AppUser>().Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        return found ?? Guid.Empty;
    }
}
