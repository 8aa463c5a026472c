using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Mismes.TestCommon.Notifications;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port, for tests of the outbox. It can be stopped
/// and started again on the same port, refuse messages with a temporary error, or refuse some recipients.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    /// <summary>The header the outbox puts on every message: how a test tells each message apart.</summary>
    public const string OutboxIdHeader = "X-Mismes-Outbox-Id";

    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private CancellationTokenSource? _stopping;
    private Task? _running;

    public TestSmtpServer()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
    }

    public int Port { get; }

    public bool IsRunning => _running is { IsCompleted: false };

    /// <summary>Every message accepted, in order of arrival.</summary>
    public IReadOnlyList<MimeMessage> Received => _received.ToArray();

    /// <summary>When set, messages are refused after DATA with this temporary (4xx) code.</summary>
    public int? RefuseMessagesWith { get; set; }

    /// <summary>Recipients refused at RCPT TO with 550 (a permanent error).</summary>
    public ConcurrentDictionary<string, bool> RefusedRecipients { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits this long before accepting each message (so concurrent senders overlap).</summary>
    public TimeSpan DelayPerMessage { get; set; }

    /// <summary>Settings for a host or the sender: <c>Smtp:Host</c>, <c>Smtp:Port</c>, no TLS.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["Smtp:Host"] = IPAddress.Loopback.ToString(),
        ["Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:From"] = "Mismes <no-reply@test.mismes.ma>",
    };

    public static async Task<TestSmtpServer> StartNewAsync()
    {
        var server = new TestSmtpServer();
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var provider = new SmtpServer.ComponentModel.ServiceProvider();
        provider.Add(new Store(this));
        provider.Add(new RecipientFilter(this));
        var server = new SmtpServer.SmtpServer(options, provider);
        _stopping = new CancellationTokenSource();
        _running = server.StartAsync(_stopping.Token);
        await WaitUntilAcceptingAsync();
    }

    /// <summary>Stops listening: connections are refused until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_stopping is null || _running is null)
        {
            return;
        }

        await _stopping.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
        _stopping = null;
        _running = null;
    }

    /// <summary>Messages received for the outbox message with this id (the proof that it arrived exactly once).</summary>
    public IReadOnlyList<MimeMessage> ReceivedFor(Guid outboxId) =>
        Received.Where(m => m.Headers[OutboxIdHeader] is { } id && Guid.TryParse(id, out var g) && g == outboxId).ToList();

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task WaitUntilAcceptingAsync()
    {
        // StartAsync returns before the listener is bound; a test must not race its first connection against it.
        for (var i = 0; i < 200; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(10);
            }
        }

        throw new InvalidOperationException($"The test SMTP server did not start on port {Port}.");
    }

    private sealed class Store(TestSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (owner.DelayPerMessage > TimeSpan.Zero)
            {
                await Task.Delay(owner.DelayPerMessage, cancellationToken);
            }

            if (owner.RefuseMessagesWith is { } code)
            {
                return new SmtpResponse((SmtpReplyCode)code, "try again later");
            }

            await using var stream = new MemoryStream(buffer.ToArray());
            owner._received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    private sealed class RecipientFilter(TestSmtpServer owner) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!owner.RefusedRecipients.ContainsKey(to.AsAddress()));
    }
}
