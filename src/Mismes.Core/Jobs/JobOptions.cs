namespace Mismes.Core.Jobs;

/// <summary>Configuration section <c>Jobs</c>.</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>Whether this node runs background jobs at all (a node can be web-only).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a node waits after finding the queue empty.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claim lasts; the runner renews it while the handler works.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Jobs one node runs at the same time.</summary>
    public int Workers { get; set; } = 1;

    /// <summary>Runs before a job is given up as Failed (applies to jobs enqueued afterwards).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Delay before the first retry; it doubles with each further attempt.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long Succeeded and Failed jobs are kept before the daily purge deletes them.</summary>
    public TimeSpan KeepFinished { get; set; } = TimeSpan.FromDays(30);

    public bool IsValid() =>
        PollInterval > TimeSpan.Zero
        && Lease > TimeSpan.Zero
        && Workers is >= 1 and <= 64
        && MaxAttempts >= 1
        && RetryBackoff >= TimeSpan.Zero
        && MaxRetryBackoff >= RetryBackoff
        && KeepFinished > TimeSpan.Zero;
}
