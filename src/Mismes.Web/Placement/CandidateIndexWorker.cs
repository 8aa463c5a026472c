using Microsoft.Extensions.Options;
using Mismes.Core.Placement.Matching;

namespace Mismes.Web.Placement;

public sealed class CandidateIndexOptions
{
    /// <summary>How often this node reads the candidates' change feed (a profile saved on another node is rankable here within about this).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Off for hosts that never rank (a maintenance node); on by default.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Builds this node's candidate index in the background when the host starts (requests are served meanwhile; a ranking
/// waits for the build), then polls the change feed. Real time, not the app's clock: the lag is a wall-clock promise.
/// </summary>
internal sealed partial class CandidateIndexWorker(IServiceScopeFactory scopes, IOptions<CandidateIndexOptions> options, ILogger<CandidateIndexWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await Task.Yield();
        var built = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var feed = scope.ServiceProvider.GetRequiredService<CandidateIndexFeed>();
                if (!built)
                {
                    await feed.BuildAsync(stoppingToken);
                    built = true;
                }
                else
                {
                    await feed.CatchUpAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The database may not be migrated yet on a node that starts first, or be briefly unreachable: try again.
                LogPollFailed(logger, e);
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Candidate index: reading the change feed failed; retrying")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
