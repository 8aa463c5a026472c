using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Mismes.Core.Notifications;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Notifications;

/// <summary>The outbox in the real host: the job runner sends through a real SMTP server on loopback.</summary>
public sealed class OutboxDeliveryTests(SmtpHost host) : IClassFixture<SmtpHost>
{
    [Fact]
    public async Task Outbox_SmtpServerStoppedThenRestarted_EveryMessageArrivesExactlyOnce()
    {
        var recipients = Enumerable.Range(1, 12).Select(i => $"restart{i}@example.org").ToArray();
        await host.Smtp.StopAsync();

        // Queued while the server is down: the runner tries, cannot connect, and schedules a retry.
        var ids = await host.EnqueueAsync("fr", null, recipients);
        await host.Runner().RunDueJobsAsync(CancellationToken.None);
        var waiting = await host.MessagesAsync(ids);
        Assert.All(waiting, m =>
        {
            Assert.Equal(OutboxStatus.Queued, m.Status);
            Assert.Equal(1, m.Attempts);
            Assert.Equal("SMTP server unreachable (ConnectionRefused).", m.LastError);
        });

        await host.Smtp.StartAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.Runner().RunDueJobsAsync(CancellationToken.None);
        // Later runs (more retries falling due, the next day's purge) send nothing again.
        for (var i = 0; i < 3; i++)
        {
            host.Clock.Advance(TimeSpan.FromHours(1));
            await host.Runner().RunDueJobsAsync(CancellationToken.None);
        }

        var sent = await host.MessagesAsync(ids);
        Assert.All(sent, m =>
        {
            Assert.Equal(OutboxStatus.Sent, m.Status);
            Assert.Equal(2, m.Attempts);
            Assert.Null(m.LastError);
        });
        Assert.All(ids, id => Assert.Single(host.Smtp.ReceivedFor(id)));
        Assert.Equal(recipients.Order(StringComparer.Ordinal), host.Smtp.Received
            .Where(m => m.To.Mailboxes.Any(a => a.Address.StartsWith("restart", StringComparison.Ordinal)))
            .Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Outbox_EnqueuedAndSaved_IsSentOnTheNextRunInTheRecipientsLanguage()
    {
        var ids = await host.EnqueueAsync("es", null, "karim.es@example.org");

        await host.Runner().RunDueJobsAsync(CancellationToken.None);

        var mail = Assert.Single(host.Smtp.ReceivedFor(ids[0]));
        Assert.Equal("Elegir una nueva contraseña de Mismes", mail.Subject);
        Assert.Equal(OutboxStatus.Sent, (await host.MessagesAsync(ids)).Single().Status);
    }

    [Fact]
    public void Options_SmtpServerConfigured_UsedAsIsWithoutTheSink()
    {
        var options = host.Services.GetRequiredService<IOptions<SmtpOptions>>().Value;

        Assert.Equal(host.Smtp.Port, options.Port);
        Assert.False(host.Services.GetRequiredService<Mismes.Web.Notifications.DevelopmentMailSink>().Enabled);
    }
}

public sealed class SmtpOptionsStartupTests
{
    [Theory]
    [InlineData("Production", null, null, "Smtp:Host must be set in Production")]
    [InlineData("Staging", null, null, "Smtp:Host must be set")]
    [InlineData("Testing", "smtp.example.org", "0", "Smtp:Port")]
    [InlineData("Testing", "smtp.example.org", "70000", "Smtp:Port")]
    public void Start_UnusableSmtpSettings_RefusesToStart(string environment, string? host, string? port, string expected)
    {
        var certificate = TestCertificate.CreatePfxFile();
        using var factory = new EnvironmentFactory(environment);
        // What Production needs besides SMTP, so that the SMTP settings are what it refuses.
        factory.Use(certificate);
        factory.Settings["PublicBaseUrl"] = "https://mismes.example";
        factory.Settings["Smtp:Host"] = host;
        if (port is not null)
        {
            factory.Settings["Smtp:Port"] = port;
        }

        var error = Assert.Throws<OptionsValidationException>(() => factory.Services);
        File.Delete(certificate);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_InvalidFrom_RefusesToStart()
    {
        using var factory = new MismesWebFactory();
        factory.Settings["Smtp:From"] = "not an address";

        var error = Assert.Throws<OptionsValidationException>(() => factory.Services);

        Assert.Contains("Smtp:From", error.Message, StringComparison.Ordinal);
    }

    private sealed class EnvironmentFactory(string environment) : MismesWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
        }
    }
}
