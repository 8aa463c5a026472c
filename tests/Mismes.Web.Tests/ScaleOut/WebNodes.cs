using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Data;
using Mismes.Core.Jobs;
using Mismes.TestCommon;
using Mismes.Web.Platform.Jobs;

namespace Mismes.Web.Tests.ScaleOut;

/// <summary>Every run of the test handler, on whichever node: the proof that a job ran exactly once.</summary>
public sealed class JobLedger
{
    public ConcurrentBag<(string Payload, string Node)> Runs { get; } = [];
}

/// <summary>Records each run (after a short real pause, so both nodes are busy at once) in the shared ledger.</summary>
internal sealed class RecordingJobHandler(JobLedger ledger, string node) : IJobHandler
{
    public const string JobKind = "test.record";

    public string Kind => JobKind;

    public async Task HandleAsync(string payload, CancellationToken ct)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(5), ct);
        ledger.Runs.Add((payload, node));
    }
}

/// <summary>
/// One web node: the real host with the test job handler and two job workers.
/// </summary>
public sealed class WebNode : MismesWebFactory
{
    private readonly JobLedger _ledger;

    public WebNode(string name, JobLedger ledger)
    {
        Name = name;
        _ledger = ledger;
        Configure();
    }

    public WebNode(string name, JobLedger ledger, WebNode sharesDatabaseWith)
        : base(sharesDatabaseWith)
    {
        Name = name;
        _ledger = ledger;
        Configure();
    }

    public string Name { get; }

    public string NodeId => Services.GetRequiredService<JobRunner>().NodeId;

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<List<BackgroundJob>> JobsAsync(string payloadMarker) =>
        InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<BackgroundJob>().AsNoTracking()
            .Where(j => j.Payload.Contains(payloadMarker)).ToListAsync());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddScoped<IJobHandler>(_ => new RecordingJobHandler(_ledger, Name));
        });
    }

    private void Configure()
    {
        Settings["Jobs:Workers"] = "2";
        Settings["Jobs:PollInterval"] = "00:00:05";
        Settings["Jobs:Lease"] = "00:05:00";
    }
}

/// <summary>Two web nodes on one database (node A owns it). Started once per test class.</summary>
public sealed class TwoNodes : IAsyncLifetime
{
    public TwoNodes()
    {
        A = new WebNode("A", Ledger);
        B = new WebNode("B", Ledger, A);
    }

    public JobLedger Ledger { get; } = new();

    public WebNode A { get; }

    public WebNode B { get; }

    public IEnumerable<WebNode> Both => [A, B];

    /// <summary>
    /// Waits (real time) until <paramref name="done"/> holds, moving both nodes' clocks a poll interval forward
    /// every round so that their runners, which sleep on those clocks, wake up and look for work.
    /// </summary>
    public async Task WaitForAsync(Func<Task<bool>> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not done after {timeout}.");
            }

            foreach (var node in Both)
            {
                node.Clock.Advance(TimeSpan.FromSeconds(5));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    public Task InitializeAsync()
    {
        // Node A starts first and migrates; B then starts on the migrated database, as a second node would.
        _ = A.Services;
        _ = B.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
    }
}
