using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Data;
using Mismes.Core.Notifications;
using Mismes.TestCommon;
using Mismes.TestCommon.Notifications;
using Mismes.Web.Platform.Jobs;

namespace Mismes.Web.Tests.Notifications;

/// <summary>Helpers on any host: queue mail as a capability would, run the job runner, read the outbox.</summary>
internal static class OutboxHostExtensions
{
    public static JobRunner Runner(this MismesWebFactory host) => host.Services.GetRequiredService<JobRunner>();

    /// <summary>Queues one message per recipient in one unit of work, through the service other capabilities call.</summary>
    public static async Task<List<Guid>> EnqueueAsync(this MismesWebFactory host, string culture, Guid? institutionId, params string[] recipients)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var notifications = scope.ServiceProvider.GetRequiredService<NotificationService>();
        var ids = recipients
            .Select(r => notifications.Enqueue(MessageKinds.PasswordReset, r, culture, new PasswordResetMail("Karim", "https://mismes.test/reset?t=1"), institutionId).Id)
            .ToList();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        return ids;
    }

    public static async Task<List<OutboxMessage>> MessagesAsync(this MismesWebFactory host, IReadOnlyCollection<Guid> ids)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => ids.Contains(m.Id)).ToListAsync();
    }
}

/// <summary>
/// A host sending through a <see cref="TestSmtpServer"/>, with its job runner loop off: tests run the due jobs
/// themselves (<see cref="JobRunner.RunDueJobsAsync"/>) and move the clock for retries.
/// </summary>
public sealed class SmtpHost : MismesWebFactory, IAsyncLifetime
{
    public SmtpHost()
    {
        foreach (var (key, value) in Smtp.Settings)
        {
            Settings[key] = value;
        }

        Settings["Jobs:Enabled"] = "false";
        Settings["Smtp:MaxAttempts"] = "5";
        Settings["Smtp:RetryBackoff"] = "00:01:00";
    }

    public TestSmtpServer Smtp { get; } = new();

    public async Task InitializeAsync() => await Smtp.StartAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await DisposeAsync();
    }
}

/// <summary>A host with no SMTP settings: the development mail sink receives its mail. Runner loop off.</summary>
public sealed class SinkHost : MismesWebFactory
{
    public SinkHost() => Settings["Jobs:Enabled"] = "false";
}
