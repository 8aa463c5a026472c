using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Mismes.TestCommon;
using Mismes.Web.Platform;
using OpenTelemetry.Trace;

namespace Mismes.Web.Tests.Platform;

public sealed class TelemetryTests
{
    [Fact]
    public async Task Request_RecordsAspNetCoreAndEfCoreActivities_WithoutParameterOrQueryValues()
    {
        var activities = new LockedList();
        using var factory = new MismesWebFactory();
        using var traced = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(activities))));
        var client = traced.CreateClient();
        // The slug becomes a SQL parameter: its value must appear in no database span.
        var slug = "no-such-measure-" + Guid.NewGuid().ToString("N")[..8];
        // A search term may hold a name: query-string values must appear in no span either.
        var term = "Bouzidi" + Guid.NewGuid().ToString("N")[..8];

        var (found, lookup) = await GetTracedAsync(client, "/api/v1/measures/" + slug);
        var (searched, search) = await GetTracedAsync(client, "/api/v1/measures?q=" + term);

        Assert.Equal(HttpStatusCode.NotFound, found);
        Assert.Equal(HttpStatusCode.OK, searched);
        // Activity listeners are process-wide: keep to this test's traces (other test hosts run beside this one).
        var recorded = await UntilServerSpansAsync(activities, traced.Services.GetRequiredService<TracerProvider>(), lookup, search);
        var lookupSpans = recorded.Where(a => a.TraceId == lookup).ToList();
        Assert.Contains(lookupSpans, a => a.Source.Name == "Microsoft.AspNetCore");
        var queries = lookupSpans.Where(a => a.Source.Name == "OpenTelemetry.Instrumentation.EntityFrameworkCore").ToList();
        Assert.Contains(queries, q => QueryText(q).Contains("\"Slug\" =", StringComparison.Ordinal));
        foreach (var query in queries)
        {
            Assert.DoesNotContain(query.TagObjects, t => t.Key.StartsWith("db.query.parameter", StringComparison.Ordinal));
            Assert.DoesNotContain(query.TagObjects, t => (t.Value?.ToString() ?? "").Contains(slug, StringComparison.OrdinalIgnoreCase));
        }

        var searchSpans = recorded.Where(a => a.TraceId == search).ToList();
        Assert.Contains(searchSpans, a => a.Source.Name == "Microsoft.AspNetCore" && a.GetTagItem("url.query") is not null);
        Assert.DoesNotContain(searchSpans.SelectMany(a => a.TagObjects), t => (t.Value?.ToString() ?? "").Contains(term, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task OtlpEndpoint_Configured_ExportsTracesToTheCollector()
    {
        using var collector = new LoopbackCollector();
        using var factory = new MismesWebFactory();
        factory.Settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Url;
        factory.Settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/api/v1/measures", UriKind.Relative));
        factory.Services.GetRequiredService<TracerProvider>().ForceFlush();
        var export = await collector.NextAsync("/v1/traces");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The resource's service name travels as plain UTF-8 inside the protobuf payload.
        Assert.Contains(Telemetry.ServiceName, Encoding.UTF8.GetString(export), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("Telemetry:OtlpEndpoint", true)]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", true)]
    public void OtlpExporter_RegisteredOnlyWhenAnEndpointIsConfigured(string? setting, bool registered)
    {
        var services = new List<ServiceDescriptor>();
        using var factory = new MismesWebFactory();
        if (setting is not null)
        {
            factory.Settings[setting] = $"http://127.0.0.1:{LoopbackCollector.FreePort()}"; // nobody listens there
        }

        using var inspected = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => services.AddRange(s)));
        _ = inspected.Services;

        var otlp = typeof(OpenTelemetry.Exporter.OtlpExporterOptions).Assembly;
        Assert.Equal(registered, services.Any(d => UsesAssembly(d.ServiceType, otlp) || UsesAssembly(d.ImplementationType, otlp)));
    }

    [Fact]
    public void RecordingParameterValues_Configured_RefusesToStart()
    {
        using var factory = new MismesWebFactory();
        factory.Settings[Telemetry.RecordParametersSwitch] = "true";

        var error = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(error);
        Assert.Contains(Telemetry.RecordParametersSwitch, error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Sends the request as part of a new trace (W3C traceparent header), so its spans can be told from others.</summary>
    /// <summary>
    /// The recorded spans once each trace's server span is in. The test server hands the client its response before the
    /// server's request span ends, so reading right after the response races it (it lost once on a loaded machine);
    /// waiting is bounded, and a span that never comes still fails the assertions.
    /// </summary>
    private static async Task<List<Activity>> UntilServerSpansAsync(LockedList activities, TracerProvider provider, params ActivityTraceId[] traces)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            provider.ForceFlush();
            var recorded = activities.Snapshot();
            if (traces.All(t => recorded.Any(a => a.TraceId == t && a.Source.Name == "Microsoft.AspNetCore")) || DateTime.UtcNow > deadline)
            {
                return recorded;
            }

            await Task.Delay(50);
        }
    }

    private static async Task<(HttpStatusCode Status, ActivityTraceId Trace)> GetTracedAsync(HttpClient client, string path)
    {
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await client.SendAsync(request);
        return (response.StatusCode, trace);
    }

    private static string QueryText(Activity query) =>
        (query.GetTagItem("db.query.text") ?? query.GetTagItem("db.statement"))?.ToString() ?? "";

    private static bool UsesAssembly(Type? type, System.Reflection.Assembly assembly) =>
        type is not null && (type.Assembly == assembly || type.GetGenericArguments().Any(t => UsesAssembly(t, assembly)));

    /// <summary>The in-memory exporter's list: spans of other test hosts in this process may arrive while a test reads it.</summary>
    private sealed class LockedList : System.Collections.ObjectModel.Collection<Activity>
    {
        public List<Activity> Snapshot()
        {
            lock (Items)
            {
                return [.. Items];
            }
        }

        protected override void InsertItem(int index, Activity item)
        {
            lock (Items)
            {
                base.InsertItem(index, item);
            }
        }
    }

    /// <summary>An OTLP/HTTP receiver on a loopback port: answers 200 and keeps each request's path and body.</summary>
    private sealed class LoopbackCollector : IDisposable
    {
        private readonly HttpListener _listener = new();

        public LoopbackCollector()
        {
            Url = $"http://127.0.0.1:{FreePort()}";
            _listener.Prefixes.Add(Url + "/");
            _listener.Start();
        }

        public string Url { get; }

        public static int FreePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        /// <summary>The body of the next request to <paramref name="path"/>; other signals' requests are answered and skipped.</summary>
        public async Task<byte[]> NextAsync(string path)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (true)
            {
                var context = await _listener.GetContextAsync().WaitAsync(timeout.Token);
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body, timeout.Token);
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
                if (context.Request.Url?.AbsolutePath == path)
                {
                    return body.ToArray();
                }
            }
        }

        public void Dispose() => _listener.Close();
    }
}
