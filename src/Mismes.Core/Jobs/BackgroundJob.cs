using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mismes.Core.Jobs;

public enum JobStatus
{
    Pending,
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// One unit of background work, kept in the database so that any web node can run it and a crashed node's work is
/// picked up by another (docs/adr/0003-stateless-nodes-and-job-claiming.md).
/// </summary>
public sealed class BackgroundJob
{
    public long Id { get; set; }

    /// <summary>Which <see cref="IJobHandler"/> runs it, e.g. "catalogue.export".</summary>
    public required string Kind { get; set; }

    /// <summary>The handler's input as JSON. Prefer record ids over copies of personal data.</summary>
    public required string Payload { get; set; }

    public JobStatus Status { get; set; }

    /// <summary>How many times the job has been claimed (the current run included).</summary>
    public int Attempts { get; set; }

    public int MaxAttempts { get; set; }

    /// <summary>Not claimable before this time (UTC): the enqueuer's schedule or the retry backoff.</summary>
    public DateTimeOffset RunAfter { get; set; }

    /// <summary>The node that holds the job while it is Running.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>The lease: after this time (UTC) a Running job counts as abandoned and may be claimed again.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>Exception type or a handler's own safe message; never personal data.</summary>
    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}

internal sealed class BackgroundJobConfiguration : IEntityTypeConfiguration<BackgroundJob>
{
    // JobQueue's claim statements are raw SQL and name this table and its columns; keep them in step.
    public const string Table = "BackgroundJobs";

    public void Configure(EntityTypeBuilder<BackgroundJob> builder)
    {
        builder.ToTable(Table);
        builder.Property(j => j.Kind).HasMaxLength(JobQueue.MaxKindLength);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.ClaimedBy).HasMaxLength(JobQueue.MaxNodeIdLength);
        builder.Property(j => j.LastError).HasMaxLength(JobQueue.MaxErrorLength);
        // The claim query: due Pending jobs and Running jobs whose lease ran out, oldest first.
        builder.HasIndex(j => new { j.Status, j.RunAfter });
    }
}
