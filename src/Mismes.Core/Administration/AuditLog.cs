using Mismes.Core.Data;

namespace Mismes.Core.Administration;

/// <summary>
/// Adds audit entries to the current unit of work, so the entry is saved in the same transaction as the change
/// it describes (a failed write leaves no entry, and no change goes unaudited).
/// </summary>
public sealed class AuditLog(AppDbContext db, ICurrentUser currentUser, TimeProvider clock)
{
    public void Add(AuditAction action, string recordType, string recordId, string? details = null) =>
        AddFor(currentUser.UserId, currentUser.InstitutionId, action, recordType, recordId, details);

    /// <summary>
    /// For events where the actor is not yet the request's user, e.g. a sign-in (the cookie is issued after the page runs).
    /// </summary>
    public void AddFor(Guid? userId, Guid? institutionId, AuditAction action, string recordType, string recordId, string? details = null)
    {
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = userId,
            ApiKeyId = userId is null ? currentUser.ApiKeyId : null,
            InstitutionId = institutionId,
            Action = action,
            RecordType = recordType,
            RecordId = recordId,
            Details = details,
            ClientAddress = currentUser.ClientAddress,
            UserAgent = currentUser.UserAgent is { Length: > AuditEntry.UserAgentMaxLength } ua ? ua[..AuditEntry.UserAgentMaxLength] : currentUser.UserAgent,
        });
    }

    /// <summary>Records an event of a user who is not yet the request's user (a sign-in) and saves at once.</summary>
    public async Task RecordForAsync(Guid? userId, Guid? institutionId, AuditAction action, string recordType, string recordId, CancellationToken ct)
    {
        AddFor(userId, institutionId, action, recordType, recordId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records a read and saves at once: reads have no other change to ride along with.</summary>
    public async Task RecordReadAsync(string recordType, string recordId, CancellationToken ct)
    {
        Add(AuditAction.Read, recordType, recordId);
        await db.SaveChangesAsync(ct);
    }
}
