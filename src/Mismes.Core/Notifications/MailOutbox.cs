using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mismes.Core.Data;

namespace Mismes.Core.Notifications;

/// <summary>
/// Claims and records the sending of outbox messages. A claim is atomic on both providers, the way the job queue's
/// is (docs/adr/0003-stateless-nodes-and-job-claiming.md): PostgreSQL locks the chosen row with
/// <c>FOR UPDATE SKIP LOCKED</c>, so another node claiming at the same moment skips it instead of waiting, and SQLite
/// chooses and claims in one <c>UPDATE ... RETURNING</c> under its single-writer lock. So on several nodes each
/// message is sent by one of them. A claim is a lease: if its node stops, the message is claimable again afterwards.
/// </summary>
public sealed class MailOutbox(AppDbContext db, TimeProvider clock, IOptions<SmtpOptions> options)
{
    private const string Table = OutboxMessageConfiguration.Table;

    // Due: Queued, its time has come, and nobody holds it (or the holder let the lease run out).
    private const string Claimable =
        """
        "Status" = 'Queued' AND "NextAttemptAt" <= {0} AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {0})
        """;

    /// <summary>Claims the oldest due message for <paramref name="claimant"/>, or null when none is due. Not tracked.</summary>
    public async Task<OutboxMessage?> ClaimNextAsync(string claimant, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claimant);
        var now = clock.GetUtcNow();
        var until = now + options.Value.Lease;
        var postgres = db.Database.IsNpgsql();
        // One statement on both providers; on PostgreSQL the row lock skips rows other nodes are claiming.
        var sql = $$"""
            UPDATE "{{Table}}"
            SET "ClaimedBy" = {1}, "ClaimedUntil" = {2}, "Attempts" = "Attempts" + 1
            WHERE "Id" = (
                SELECT "Id" FROM "{{Table}}"
                WHERE {{Claimable}}
                ORDER BY "NextAttemptAt", "CreatedAt"
                LIMIT 1{{(postgres ? " FOR UPDATE SKIP LOCKED" : "")}})
            RETURNING *
            """;
        object[] parameters = postgres
            ? [now, claimant, until]
            : [ToStored(nameof(OutboxMessage.NextAttemptAt), now), claimant, ToStored(nameof(OutboxMessage.ClaimedUntil), until)];
        var rows = await db.Set<OutboxMessage>().FromSqlRaw(sql, parameters).AsNoTracking().ToListAsync(ct);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Records delivery and erases the bodies; false when <paramref name="claimant"/> no longer held the message.</summary>
    public async Task<bool> MarkSentAsync(Guid id, string claimant, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await Held(id, claimant).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.HtmlBody, "")
                .SetProperty(m => m.TextBody, ""),
            ct);
        return rows == 1;
    }

    /// <summary>
    /// Records a failed attempt: the message waits <see cref="SmtpOptions.Backoff"/> and is tried again, or is Failed
    /// for good when the failure is <paramref name="permanent"/> or it has used its attempts (the bodies are then
    /// erased). Returns the new status, or null when <paramref name="claimant"/> no longer held the message.
    /// </summary>
    public async Task<OutboxStatus?> MarkFailedAsync(Guid id, string claimant, string error, bool permanent, CancellationToken ct)
    {
        var message = await Held(id, claimant).AsNoTracking().SingleOrDefaultAsync(ct);
        if (message is null)
        {
            return null;
        }

        var settings = options.Value;
        var now = clock.GetUtcNow();
        var reason = error.Length <= OutboxMessageConfiguration.MaxErrorLength ? error : error[..OutboxMessageConfiguration.MaxErrorLength];
        if (permanent || message.Attempts >= settings.MaxAttempts)
        {
            await Held(id, claimant).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, OutboxStatus.Failed)
                    .SetProperty(m => m.FailedAt, now)
                    .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)
                    .SetProperty(m => m.LastError, reason)
                    .SetProperty(m => m.HtmlBody, "")
                    .SetProperty(m => m.TextBody, ""),
                ct);
            return OutboxStatus.Failed;
        }

        var next = now + settings.Backoff(message.Attempts);
        await Held(id, claimant).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, reason),
            ct);
        return OutboxStatus.Queued;
    }

    /// <summary>Gives a message back without counting the attempt (the node is shutting down before sending it).</summary>
    public async Task<bool> ReleaseAsync(Guid id, string claimant, CancellationToken ct)
    {
        var rows = await Held(id, claimant).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Attempts, m => m.Attempts - 1)
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null),
            ct);
        return rows == 1;
    }

    /// <summary>When the next Queued message becomes claimable (its retry time, or when its holder's lease ends); null when none is queued.</summary>
    public async Task<DateTimeOffset?> NextDueAtAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var queued = db.Set<OutboxMessage>().Where(m => m.Status == OutboxStatus.Queued);
        var unclaimed = await queued.Where(m => m.ClaimedUntil == null || m.ClaimedUntil < now)
            .OrderBy(m => m.NextAttemptAt).Select(m => (DateTimeOffset?)m.NextAttemptAt).FirstOrDefaultAsync(ct);
        var claimed = await queued.Where(m => m.ClaimedUntil >= now)
            .OrderBy(m => m.ClaimedUntil).Select(m => m.ClaimedUntil).FirstOrDefaultAsync(ct);
        return (unclaimed, claimed) switch
        {
            (null, var c) => c,
            (var u, null) => u,
            var (u, c) => u < c ? u : c,
        };
    }

    private IQueryable<OutboxMessage> Held(Guid id, string claimant) =>
        db.Set<OutboxMessage>().Where(m => m.Id == id && m.ClaimedBy == claimant && m.Status == OutboxStatus.Queued);

    private object ToStored(string propertyName, DateTimeOffset value)
    {
        // The raw statement bypasses the model's value converters: pass dates as SQLite stores them.
        var property = db.Model.FindEntityType(typeof(OutboxMessage))!.FindProperty(propertyName)!;
        return property.GetTypeMapping().Converter?.ConvertToProvider(value) ?? value;
    }
}
