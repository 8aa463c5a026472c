using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Mismes.Core.Jobs;

namespace Mismes.Web.Platform.Jobs;

/// <summary>
/// Runs background jobs on this node: polls the shared queue every <see cref="JobOptions.PollInterval"/>, claims due
/// jobs of the kinds it has handlers for, renews the lease while a handler works and records the outcome. Every node
/// runs one; the queue's row claims keep them from doing the same job twice (docs/adr/0003-stateless-nodes-and-job-claiming.md).
/// </summary>
internal sealed class JobRunner(
    IServiceScopeFactory scopes,
    IOptions<JobOptions> options,
    TimeProvider clock,
    ILogger<JobRunner> logger) : BackgroundService
{
    /// <summary>
    /// Machine, process and a random suffix: unique even for two hosts in one process (as in the tests) or a
    /// restarted container that reuses a process id.
    /// </summary>
    private readonly string _nodeId = string.Create(
        CultureInfo.InvariantCulture,
        $"{Truncate(Environment.MachineName, 60)}-{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");

    public string NodeId => _nodeId;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Background jobs are disabled on node {NodeId}", _nodeId);
            }

            return;
        }

        var workerCount = settings.Workers;
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Background job runner started on node {NodeId} with {Workers} worker(s)", _nodeId, workerCount);
        }

        var workers = Enumerable.Range(0, settings.Workers).Select(_ => WorkLoopAsync(stoppingToken));
        await Task.WhenAll(workers);
    }

    /// <summary>Claims and runs due jobs until none is left; returns how many ran.</summary>
    public async Task<int> RunDueJobsAsync(CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var abandoned = await scope.ServiceProvider.GetRequiredService<JobQueue>().FailAbandonedAsync(ct);
            if (abandoned > 0)
            {
                logger.LogWarning("{Count} job(s) failed: their node stopped during the last attempt", abandoned);
            }
        }

        var ran = 0;
        while (!ct.IsCancellationRequested && await RunNextAsync(ct))
        {
            ran++;
        }

        return ran;
    }

    /// <summary>Claims one due job and runs it; false when none was due.</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        var settings = options.Value;
        BackgroundJob? job;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var kinds = scope.ServiceProvider.GetServices<IJobHandler>().Select(h => h.Kind).Distinct(StringComparer.Ordinal).ToList();
            job = await scope.ServiceProvider.GetRequiredService<JobQueue>().ClaimNextAsync(NodeId, settings.Lease, kinds, ct);
        }

        if (job is null)
        {
            return false;
        }

        // The handler gets a scope (and DbContext) of its own: whatever it leaves tracked never mixes with the queue's writes.
        await using var handlerScope = scopes.CreateAsyncScope();
        var handler = handlerScope.ServiceProvider.GetServices<IJobHandler>().First(h => string.Equals(h.Kind, job.Kind, StringComparison.Ordinal));
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewal = RenewLeaseAsync(job.Id, renewing.Token);
        try
        {
            await handler.HandleAsync(job.Payload, ct);
            await renewing.CancelAsync();
            await renewal;
            await using var scope = scopes.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<JobQueue>().CompleteAsync(job.Id, NodeId, CancellationToken.None))
            {
                logger.LogWarning("Job {JobId} ({Kind}) finished after node {NodeId} lost its lease; another node may run it again", job.Id, job.Kind, _nodeId);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down mid-job: hand it back at once so another node can run it, without counting the attempt.
            await renewing.CancelAsync();
            await renewal;
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<JobQueue>().ReleaseAsync(job.Id, NodeId, CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            await renewing.CancelAsync();
            await renewal;
            await using var scope = scopes.CreateAsyncScope();
            var status = await scope.ServiceProvider.GetRequiredService<JobQueue>()
                .FailAsync(job.Id, NodeId, JobQueue.DescribeError(e), CancellationToken.None);
            // The exception itself may carry personal data in its message: log the type and the job, not the text.
            var errorType = e.GetType().FullName;
            logger.LogWarning("Job {JobId} ({Kind}) attempt {Attempt} failed with {ErrorType}; now {Status}", job.Id, job.Kind, job.Attempts, errorType, status);
        }

        return true;
    }

    private async Task WorkLoopAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueJobsAsync(stoppingToken);
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
                // Continue on the thread pool, not on whichever thread fired the timer (a test's fake clock).
                await Task.Yield();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be briefly unreachable (failover, restart): wait a poll interval and try again.
                logger.LogError(e, "Background job polling failed on node {NodeId}", _nodeId);
                try
                {
                    await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task RenewLeaseAsync(long jobId, CancellationToken ct)
    {
        var lease = options.Value.Lease;
        try
        {
            while (true)
            {
                await Task.Delay(lease / 3, clock, ct);
                await using var scope = scopes.CreateAsyncScope();
                if (!await scope.ServiceProvider.GetRequiredService<JobQueue>().RenewLeaseAsync(jobId, NodeId, lease, ct))
                {
                    logger.LogWarning("Node {NodeId} lost the lease of job {JobId}", _nodeId, jobId);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Renewing the lease of job {JobId} failed on node {NodeId}", jobId, _nodeId);
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

internal static class JobsSetup
{
    /// <summary>Binds <c>Jobs:*</c> (validated at start) and starts this node's <see cref="JobRunner"/>.</summary>
    public static IServiceCollection AddJobRunner(this IServiceCollection services)
    {
        services.AddOptions<JobOptions>()
            .BindConfiguration(JobOptions.Section)
            .Validate(o => o.IsValid(), "Jobs: PollInterval, Lease and KeepFinished must be positive, Workers 1-64, MaxAttempts at least 1, MaxRetryBackoff at least RetryBackoff.")
            .ValidateOnStart();
        services.AddSingleton<JobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        return services;
    }
}
