using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Mismes.Core.Notifications;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Mismes.Web.Notifications;

/// <summary>
/// In Development (and in tests) with no <c>Smtp:Host</c>, a real SMTP server on a free loopback port of this node
/// (the SmtpServer package). The outbox sends to it through the same MailKit path as in production, and what it
/// receives is stored in the database (<see cref="CapturedMail"/>) so every node's outbox page can show it: a
/// newcomer's first run shows real messages. Never in Production, and never on anything but loopback.
/// </summary>
internal sealed class DevelopmentMailSink : IHostedService, IDisposable
{
    private const int MaxMessageSize = 2 * 1024 * 1024;

    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<DevelopmentMailSink> _logger;
    private CancellationTokenSource? _stopping;
    private Task? _running;

    public DevelopmentMailSink(IConfiguration configuration, IHostEnvironment environment, IServiceScopeFactory scopes, ILogger<DevelopmentMailSink> logger)
    {
        _scopes = scopes;
        _logger = logger;
        Enabled = Allowed(environment) && string.IsNullOrWhiteSpace(configuration[$"{SmtpOptions.Section}:{nameof(SmtpOptions.Host)}"]);
        Port = Enabled ? FreeLoopbackPort() : 0;
    }

    /// <summary>Whether this node runs the sink (and the outbox page shows captured mail).</summary>
    public bool Enabled { get; }

    public int Port { get; }

    /// <summary>Where a sink may stand in for an SMTP server: Development and the test host ("Testing").</summary>
    public static bool Allowed(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return Task.CompletedTask;
        }

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .MaxMessageSize(MaxMessageSize, MaxMessageSizeHandling.Strict)
            .Build();
        var provider = new SmtpServer.ComponentModel.ServiceProvider();
        provider.Add(new DatabaseMessageStore(_scopes, _logger));
        var server = new SmtpServer.SmtpServer(options, provider);
        _stopping = new CancellationTokenSource();
        _running = server.StartAsync(_stopping.Token);
        LogStarted(_logger, Port);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is not { } stopping || _running is null)
        {
            return;
        }

        await stopping.CancelAsync();
        try
        {
            await _running.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopped, as asked.
        }
    }

    /// <summary>A host disposed without being stopped (a test factory) stops the sink here; StopAsync then has nothing to do.</summary>
    public void Dispose()
    {
        var stopping = _stopping;
        _stopping = null;
        if (stopping is not null)
        {
            stopping.Cancel();
            stopping.Dispose();
        }
    }

    /// <summary>A port the system hands out as free; the sink binds it right after (a tiny window another process could take it in).</summary>
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void LogStarted(ILogger logger, int port)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("No Smtp:Host configured: development mail sink listening on 127.0.0.1:{Port}; captured mail is on /Notifications/Outbox", port);
        }
    }

    private sealed class DatabaseMessageStore(IServiceScopeFactory scopes, ILogger logger) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            try
            {
                await using var stream = new MemoryStream(buffer.ToArray(), writable: false);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<CapturedMailStore>().SaveAsync(stream, cancellationToken);
                return SmtpResponse.Ok;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A 4xx answer: the outbox keeps the message and retries, as it would with a real server.
                logger.LogError(e, "The development mail sink could not store a message");
                return new SmtpResponse((SmtpReplyCode)451, "could not store the message");
            }
        }
    }
}
