using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Mismes.Web.Platform;

/// <summary>
/// OpenTelemetry traces and metrics for ASP.NET Core and EF Core (docs/adr/0013-readiness-liveness-telemetry.md),
/// exported over OTLP only when a collector is configured: <c>Telemetry:OtlpEndpoint</c> (an OTLP/gRPC endpoint such
/// as http://collector:4317) or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (with <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>).
/// Without one, nothing leaves the process.
/// </summary>
internal static class Telemetry
{
    public const string ServiceName = "mismes-web";

    /// <summary>The EF Core instrumentation's switch for recording SQL parameter values as db.query.parameter.* tags.</summary>
    public const string RecordParametersSwitch = "OTEL_DOTNET_EXPERIMENTAL_EFCORE_ENABLE_TRACE_DB_QUERY_PARAMETERS";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var endpoint = builder.Configuration["Telemetry:OtlpEndpoint"];
        if (!string.IsNullOrWhiteSpace(endpoint) && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException("Telemetry:OtlpEndpoint must be an absolute URL, e.g. http://collector:4317.");
        }

        // Parameter values are personal data (names, birth dates, e-mail addresses): the EF Core instrumentation
        // records them only when this experimental switch is on, so a node configured that way must not start.
        if (builder.Configuration.GetValue<bool>(RecordParametersSwitch))
        {
            throw new InvalidOperationException($"{RecordParametersSwitch} would record SQL parameter values (personal data) in traces; remove it.");
        }

        var export = !string.IsNullOrWhiteSpace(endpoint) || !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName))
            .WithTracing(tracing =>
            {
                tracing
                    // Probes every few seconds would drown the traces people look at.
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsProbe(http.Request.Path))
                    // Records the query text, which holds placeholders (and literals masked by the instrumentation),
                    // not the parameter values: those are refused above.
                    .AddEntityFrameworkCoreInstrumentation();
                if (export)
                {
                    tracing.AddOtlpExporter(o => UseEndpoint(o, endpoint));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddMeter("Microsoft.EntityFrameworkCore");
                if (export)
                {
                    metrics.AddOtlpExporter(o => UseEndpoint(o, endpoint));
                }
            });
        return builder;
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/alive", StringComparison.OrdinalIgnoreCase);

    /// <summary>Telemetry:OtlpEndpoint wins over the OTEL_* variables (already bound to the options) when both are set.</summary>
    private static void UseEndpoint(OtlpExporterOptions options, string? endpoint)
    {
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            options.Endpoint = new Uri(endpoint);
            options.Protocol = OtlpExportProtocol.Grpc;
        }
    }
}
