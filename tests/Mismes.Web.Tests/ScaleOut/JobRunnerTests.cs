using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Mismes.Core.Data;
using Mismes.Core.Jobs;
using Mismes.TestCommon;
using Mismes.Web.Platform.Jobs;

namespace Mismes.Web.Tests.ScaleOut;

/// <summary>Fails the way its payload says: with a safe message, or with one that names a person.</summary>
internal sealed class FailingJobHandler : IJobHandler
{
    public const string JobKind = "test.fail";

    public string Kind => JobKind;

    public Task HandleAsync(string payload, CancellationToken ct) =>
        payload.Contains("safe", StringComparison.Ordinal)
            ? throw new JobFailedException("Partner service unavailable.")
            : throw new InvalidOperationException("Could not reach Fatima Zahra El Idrissi, +212 600 000 000");
}

/// <summary>A host whose runner loop is off: tests drive <see cref="JobRunner.RunNextAsync"/> themselves.</summary>
public sealed class ManualRunnerHost : MismesWebFactory
{
    public ManualRunnerHost()
    {
        Settings["Jobs:Enabled"] = "false";
        Settings["Jobs:RetryBackoff"] = "00:01:00";
        Settings["Jobs:MaxAttempts"] = "3";
    }

    internal JobRunner Runner => Services.GetRequiredService<JobRunner>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddJobHandler<FailingJobHandler>());
    }
}

public sealed class JobRunnerTests(ManualRunnerHost host) : IClassFixture<ManualRunnerHost>
{
    [Fact]
    public void Runner_Disabled_LoopEndsAtOnce()
    {
        var runner = host.Runner;

        Assert.NotNull(runner.ExecuteTask);
        Assert.True(runner.ExecuteTask.IsCompletedSuccessfully);
    }

    [Theory]
    [InlineData("""{"safe":true}""", "Partner service unavailable.")]
    [InlineData("""{"person":7}""", "System.InvalidOperationException")]
    public async Task RunNext_HandlerThrows_KeepsNoPersonalDataAndRetriesAfterBackoff(string payload, string expectedError)
    {
        await DrainAsync();
        var id = await EnqueueAsync(FailingJobHandler.JobKind, payload);
        var now = host.Clock.GetUtcNow();

        var ran = await host.Runner.RunNextAsync(CancellationToken.None);

        Assert.True(ran);
        var job = await FindAsync(id);
        Assert.Equal(JobStatus.Pending, job.Status);
        Assert.Equal(1, job.Attempts);
        Assert.Equal(expectedError, job.LastError);
        Assert.Equal(now + TimeSpan.FromMinutes(1), job.RunAfter);
        Assert.Null(job.ClaimedUntil);
    }

    [Fact]
    public async Task RunNext_KindWithoutHandlerOnThisNode_IsLeftForOtherNodes()
    {
        await DrainAsync();
        var id = await EnqueueAsync("test.only-on-newer-nodes", "{}");

        var ran = await host.Runner.RunNextAsync(CancellationToken.None);

        Assert.False(ran);
        var job = await FindAsync(id);
        Assert.Equal(JobStatus.Pending, job.Status);
        Assert.Equal(0, job.Attempts);
    }

    [Fact]
    public async Task RunDueJobs_AlwaysFailing_StopsAfterMaxAttempts()
    {
        await DrainAsync();
        var id = await EnqueueAsync(FailingJobHandler.JobKind, """{"safe":true}""");

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await host.Runner.RunDueJobsAsync(CancellationToken.None);
            host.Clock.Advance(TimeSpan.FromHours(1));
        }

        var job = await FindAsync(id);
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(3, job.Attempts);
        Assert.NotNull(job.FinishedAt);
    }

    [Fact]
    public async Task Start_SchedulesOneDailyPurgeOfFinishedJobs()
    {
        await DrainAsync();
        await using var scope = host.Services.CreateAsyncScope();

        var purges = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<BackgroundJob>()
            .Where(j => j.Kind == "jobs.purge-finished" && j.Status == JobStatus.Pending)
            .CountAsync();

        Assert.Equal(1, purges);
    }

    [Theory]
    [InlineData("Jobs:Workers", "0")]
    [InlineData("Jobs:PollInterval", "00:00:00")]
    [InlineData("Jobs:MaxAttempts", "0")]
    [InlineData("Jobs:Lease", "-00:01:00")]
    [InlineData("Jobs:KeepFinished", "00:00:00")]
    public void Start_InvalidJobSettings_Fails(string key, string value)
    {
        using var factory = new MismesWebFactory();
        factory.Settings[key] = value;

        var error = Assert.Throws<OptionsValidationException>(() => factory.Services);

        Assert.Contains("Jobs:", error.Message, StringComparison.Ordinal);
    }

    private async Task<long> EnqueueAsync(string kind, string payload)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JobQueue>().EnqueueAsync(kind, payload);
    }

    private async Task<BackgroundJob> FindAsync(long id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var job = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<BackgroundJob>().FindAsync(id);
        return job ?? throw new InvalidOperationException($"job {id} not found");
    }

    /// <summary>Fails out whatever earlier tests left due, so each test sees only its own job.</summary>
    private async Task DrainAsync()
    {
        for (var i = 0; i < 5; i++)
        {
            host.Clock.Advance(TimeSpan.FromHours(1));
            await host.Runner.RunDueJobsAsync(CancellationToken.None);
        }
    }
}
