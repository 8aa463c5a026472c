namespace Mismes.Core.Jobs;

/// <summary>
/// Runs the jobs of one <see cref="Kind"/>. Registered in DI with <c>services.AddJobHandler&lt;T&gt;()</c> and
/// resolved in a fresh scope for each job. A job may run more than once (a node may crash after the work and before
/// recording success), so handlers must be idempotent.
/// </summary>
public interface IJobHandler
{
    string Kind { get; }

    Task HandleAsync(string payload, CancellationToken ct);
}

/// <summary>
/// A failure whose message is safe to keep in <see cref="BackgroundJob.LastError"/> (it names no person).
/// Other exceptions are recorded by type name only.
/// </summary>
public sealed class JobFailedException : Exception
{
    public JobFailedException()
    {
    }

    public JobFailedException(string safeMessage)
        : base(safeMessage)
    {
    }

    public JobFailedException(string safeMessage, Exception innerException)
        : base(safeMessage, innerException)
    {
    }
}
