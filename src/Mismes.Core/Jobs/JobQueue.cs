using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Mismes.Core.Data;

namespace Mismes.Core.Jobs;

/// <summary>
/// The database-backed job queue shared by every web node. Claiming is atomic on both providers, so two nodes never
/// run the same job at once: PostgreSQL locks the chosen row with <c>FOR UPDATE SKIP LOCKED</c> (other nodes skip it
/// instead of waiting), SQLite claims in one <c>UPDATE ... RETURNING</c> statement under its single-writer lock.
/// A claim is a lease: a job whose node stopped renewing it becomes claimable again (docs/adr/0003-stateless-nodes-and-job-claiming.md).
/// </summary>
public sealed class JobQueue(AppDbContext db, TimeProvider clock, IOptions<JobOptions> options)
{
    public const int MaxKindLength = 100;
    public const int MaxNodeIdLength = 100;
    public const int MaxErrorLength = 500;

    private const string Table = BackgroundJobConfiguration.Table;

    // Due work: Pending jobs whose time has come, and Running jobs whose node let the lease expire (crashed or cut
    // off). An abandoned job that has used all its attempts is not claimed; FailAbandonedAsync closes it.
    private const string Claimable =
        """
        (("Status" = 'Pending' AND "RunAfter" <= {0})
           OR ("Status" = 'Running' AND "ClaimedUntil" < {0} AND "Attempts" < "MaxAttempts"))
        """;

    /// <summary>
    /// Adds a job to the current unit of work without saving: it commits together with the business change that
    /// asked for it (or not at all).
    /// </summary>
    public BackgroundJob Add(string kind, string payload, DateTimeOffset? runAfter = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        if (kind.Length > MaxKindLength)
        {
            throw new ArgumentException($"A job kind has at most {MaxKindLength} characters.", nameof(kind));
        }

        EnsureJson(payload);
        var now = clock.GetUtcNow();
        var job = new BackgroundJob
        {
            Kind = kind,
            Payload = payload,
            Status = JobStatus.Pending,
            MaxAttempts = options.Value.MaxAttempts,
            RunAfter = (runAfter ?? now).ToUniversalTime(),
            CreatedAt = now,
        };
        db.Set<BackgroundJob>().Add(job);
        return job;
    }

    /// <summary>Adds a job and saves at once; returns its id.</summary>
    public async Task<long> EnqueueAsync(string kind, string payload, DateTimeOffset? runAfter = null, CancellationToken ct = default)
    {
        var job = Add(kind, payload, runAfter);
        await db.SaveChangesAsync(ct);
        return job.Id;
    }

    /// <summary>
    /// Claims the oldest due job for <paramref name="nodeId"/> for <paramref name="lease"/>, or returns null when none
    /// is due. With <paramref name="kinds"/>, only jobs this node can run are claimed (during a rolling deployment a
    /// node without a new handler leaves its jobs to the nodes that have it). The returned job is not tracked.
    /// </summary>
    public async Task<BackgroundJob?> ClaimNextAsync(string nodeId, TimeSpan lease, IReadOnlyCollection<string>? kinds = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeId);
        if (nodeId.Length > MaxNodeIdLength)
        {
            throw new ArgumentException($"A node id has at most {MaxNodeIdLength} characters.", nameof(nodeId));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        if (kinds is { Count: 0 })
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var until = now + lease;
        return db.Database.IsNpgsql()
            ? await ClaimOnPostgresAsync(nodeId, now, until, kinds, ct)
            : await ClaimOnSqliteAsync(nodeId, now, until, kinds, ct);
    }

    /// <summary>Pushes the lease of a job this node still holds further out; false when the node has lost it.</summary>
    public async Task<bool> RenewLeaseAsync(long jobId, string nodeId, TimeSpan lease, CancellationToken ct = default)
    {
        var until = clock.GetUtcNow() + lease;
        var rows = await Held(jobId, nodeId).ExecuteUpdateAsync(s => s.SetProperty(j => j.ClaimedUntil, until), ct);
        return rows == 1;
    }

    /// <summary>Records success; false when the node no longer held the job (its lease expired and another node took it).</summary>
    public async Task<bool> CompleteAsync(long jobId, string nodeId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var rows = await Held(jobId, nodeId).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.Status, JobStatus.Succeeded)
                .SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.ClaimedUntil, (DateTimeOffset?)null)
                .SetProperty(j => j.LastError, (string?)null),
            ct);
        return rows == 1;
    }

    /// <summary>
    /// Records a failed run: the job waits <see cref="Backoff"/> and becomes Pending again, or is Failed for good once
    /// it has used its attempts. <paramref name="error"/> must not contain personal data (see <see cref="DescribeError"/>).
    /// Returns the new status, or null when the node no longer held the job.
    /// </summary>
    public async Task<JobStatus?> FailAsync(long jobId, string nodeId, string error, CancellationToken ct = default)
    {
        var job = await Held(jobId, nodeId).AsNoTracking().SingleOrDefaultAsync(ct);
        if (job is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var message = Truncate(error, MaxErrorLength);
        var giveUp = job.Attempts >= job.MaxAttempts;
        var status = giveUp ? JobStatus.Failed : JobStatus.Pending;
        var runAfter = giveUp ? job.RunAfter : now + Backoff(job.Attempts, options.Value);
        DateTimeOffset? finishedAt = giveUp ? now : null;
        var rows = await Held(jobId, nodeId)
            .Where(j => j.Attempts == job.Attempts)
            .ExecuteUpdateAsync(
                s => s.SetProperty(j => j.Status, status)
                    .SetProperty(j => j.RunAfter, runAfter)
                    .SetProperty(j => j.FinishedAt, finishedAt)
                    .SetProperty(j => j.ClaimedBy, giveUp ? nodeId : null)
                    .SetProperty(j => j.ClaimedUntil, (DateTimeOffset?)null)
                    .SetProperty(j => j.LastError, message),
                ct);
        return rows == 1 ? status : null;
    }

    /// <summary>
    /// Gives a job back without counting the run (the node is shutting down mid-job); it is claimable at once.
    /// </summary>
    public async Task<bool> ReleaseAsync(long jobId, string nodeId, CancellationToken ct = default)
    {
        var rows = await Held(jobId, nodeId).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.Status, JobStatus.Pending)
                .SetProperty(j => j.Attempts, j => j.Attempts - 1)
                .SetProperty(j => j.ClaimedBy, (string?)null)
                .SetProperty(j => j.ClaimedUntil, (DateTimeOffset?)null),
            ct);
        return rows == 1;
    }

    /// <summary>
    /// Marks as Failed the Running jobs whose lease expired after their last allowed attempt (their node died on the
    /// final run), so they do not stay Running for ever. Returns how many.
    /// </summary>
    public async Task<int> FailAbandonedAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return await db.Set<BackgroundJob>()
            .Where(j => j.Status == JobStatus.Running && j.ClaimedUntil < now && j.Attempts >= j.MaxAttempts)
            .ExecuteUpdateAsync(
                s => s.SetProperty(j => j.Status, JobStatus.Failed)
                    .SetProperty(j => j.FinishedAt, now)
                    .SetProperty(j => j.ClaimedUntil, (DateTimeOffset?)null)
                    .SetProperty(j => j.LastError, "Lease expired on the last attempt."),
                ct);
    }

    /// <summary>Delay before the next run after <paramref name="attempts"/> failed runs: doubling, capped.</summary>
    public static TimeSpan Backoff(int attempts, JobOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        var ticks = Math.Min(options.RetryBackoff.Ticks * factor, options.MaxRetryBackoff.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>What may be stored about a failure: a handler's own safe message, otherwise the exception type only.</summary>
    public static string DescribeError(Exception exception) =>
        exception is JobFailedException ? exception.Message : exception.GetType().FullName ?? exception.GetType().Name;

    private IQueryable<BackgroundJob> Held(long jobId, string nodeId) =>
        db.Set<BackgroundJob>().Where(j => j.Id == jobId && j.ClaimedBy == nodeId && j.Status == JobStatus.Running);

    private async Task<BackgroundJob?> ClaimOnPostgresAsync(
        string nodeId, DateTimeOffset now, DateTimeOffset until, IReadOnlyCollection<string>? kinds, CancellationToken ct)
    {
        // Lock one due row; rows other nodes have locked are skipped instead of waited for, so nodes claiming at the
        // same moment get different jobs. The lock lasts until the transaction commits the claim.
        var kindFilter = kinds is null ? "" : """ AND "Kind" = ANY({1})""";
        var sql = $$"""
            SELECT * FROM "{{Table}}"
            WHERE {{Claimable}}{{kindFilter}}
            ORDER BY "RunAfter", "Id"
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """;
        object[] parameters = kinds is null ? [now] : [now, kinds.ToArray()];
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rows = await db.Set<BackgroundJob>().FromSqlRaw(sql, parameters).AsNoTracking().ToListAsync(ct);
        if (rows.Count == 0)
        {
            await transaction.CommitAsync(ct);
            return null;
        }

        var job = rows[0];
        job.Status = JobStatus.Running;
        job.ClaimedBy = nodeId;
        job.ClaimedUntil = until;
        job.Attempts++;
        await db.Set<BackgroundJob>().Where(j => j.Id == job.Id).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.Status, JobStatus.Running)
                .SetProperty(j => j.ClaimedBy, nodeId)
                .SetProperty(j => j.ClaimedUntil, until)
                .SetProperty(j => j.Attempts, job.Attempts),
            ct);
        await transaction.CommitAsync(ct);
        return job;
    }

    private async Task<BackgroundJob?> ClaimOnSqliteAsync(
        string nodeId, DateTimeOffset now, DateTimeOffset until, IReadOnlyCollection<string>? kinds, CancellationToken ct)
    {
        // One statement: SQLite lets one writer in at a time, so choosing and claiming the row cannot interleave with
        // another node's claim. RETURNING (SQLite 3.35+) hands back the claimed row.
        var kindFilter = kinds is null ? "" : """ AND "Kind" IN (SELECT value FROM json_each({3}))""";
        var sql = $$"""
            UPDATE "{{Table}}"
            SET "Status" = 'Running', "ClaimedBy" = {1}, "ClaimedUntil" = {2}, "Attempts" = "Attempts" + 1
            WHERE "Id" = (
                SELECT "Id" FROM "{{Table}}"
                WHERE {{Claimable}}{{kindFilter}}
                ORDER BY "RunAfter", "Id"
                LIMIT 1)
            RETURNING *
            """;
        // The raw statement bypasses the model's value converters: pass dates as the model stores them on SQLite.
        var storedNow = ToStored(nameof(BackgroundJob.RunAfter), now);
        var storedUntil = ToStored(nameof(BackgroundJob.ClaimedUntil), until);
        object[] parameters = kinds is null
            ? [storedNow, nodeId, storedUntil]
            : [storedNow, nodeId, storedUntil, JsonSerializer.Serialize(kinds)];
        var rows = await db.Set<BackgroundJob>().FromSqlRaw(sql, parameters).AsNoTracking().ToListAsync(ct);
        return rows.Count == 0 ? null : rows[0];
    }

    private object ToStored(string propertyName, DateTimeOffset value)
    {
        var property = db.Model.FindEntityType(typeof(BackgroundJob))!.FindProperty(propertyName)!;
        var converter = property.GetTypeMapping().Converter;
        return converter?.ConvertToProvider(value) ?? value;
    }

    private static void EnsureJson(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        try
        {
            using var _ = JsonDocument.Parse(payload);
        }
        catch (JsonException e)
        {
            throw new ArgumentException("A job payload must be JSON.", nameof(payload), e);
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

public static class JobServices
{
    /// <summary>Registers a handler; the runner resolves it in a fresh scope for each job of its kind.</summary>
    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services)
        where THandler : class, IJobHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IJobHandler, THandler>());
        return services;
    }
}
