using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Mismes.Core.Data;

namespace Mismes.Web.Platform;

/// <summary>
/// Liveness and readiness (docs/adr/0013-readiness-liveness-telemetry.md). <c>/alive</c> answers Healthy while the
/// process serves requests, so an orchestrator restarts only a hung process; <c>/health</c> also checks that the
/// database opens and has no pending migration, so a load balancer sends no traffic to a node that cannot work.
/// Both are anonymous and answer a small JSON document without personal data or connection details.
/// </summary>
internal static class Health
{
    private const string Live = "live";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        // A database that does not answer within a few seconds is as good as down for a readiness probe.
        var timeout = TimeSpan.FromSeconds(5);
        services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy("The process serves requests."), [Live])
            .AddCheck<DatabaseHealthCheck>("database", timeout: timeout)
            .AddCheck<MigrationsHealthCheck>("migrations", timeout: timeout);
        return services;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = r => r.Tags.Contains(Live), ResponseWriter = WriteAsync })
            .AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Status and one entry per check with its own fixed description; exceptions stay in the server log (the health
    /// service logs failed checks), never in the answer, as their text may name hosts or databases.
    /// </summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new HealthAnswer(
            report.Status.ToString(),
            report.Entries.Select(e => new HealthCheckAnswer(e.Key, e.Value.Status.ToString(), e.Value.Description)).ToList());
        return JsonSerializer.SerializeAsync(context.Response.Body, body, JsonSerializerOptions.Web, context.RequestAborted);
    }

    private sealed record HealthAnswer(string Status, IReadOnlyList<HealthCheckAnswer> Checks);

    private sealed record HealthCheckAnswer(string Name, string Status, string? Description);
}

/// <summary>The database opens and answers.</summary>
internal sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy("The database answers.")
                : new HealthCheckResult(context.Registration.FailureStatus, "The database cannot be opened.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The database cannot be opened.", e);
        }
    }
}

/// <summary>
/// Every migration of this build is applied: a node started before `mismes migrate` ran (or on an older database)
/// would fail on the first query touching a new column.
/// </summary>
internal sealed class MigrationsHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy("No migration is pending.")
                : new HealthCheckResult(context.Registration.FailureStatus, $"{pending} migration(s) pending.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The migrations cannot be checked.", e);
        }
    }
}
