using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Mismes.Core.Notifications;

/// <summary>Why an attempt failed, as stored in <see cref="OutboxMessage.LastError"/>, and whether retrying can help.</summary>
public sealed record SendFailure(string Reason, bool Permanent);

/// <summary>
/// One SMTP connection (MailKit) for one run of the sender, opened on the first message. When the server cannot be
/// reached, the run stops trying to connect: every further message of that run fails at once with the same reason,
/// so an unreachable server costs one connection attempt per run, not one per message.
/// </summary>
internal sealed class SmtpMailTransport(SmtpOptions options) : IAsyncDisposable
{
    private readonly SmtpClient _client = new() { Timeout = (int)options.Timeout.TotalMilliseconds };
    private SendFailure? _unreachable;

    /// <summary>Hands <paramref name="message"/> to the server; returns null when it accepted it, otherwise why not.</summary>
    public async Task<SendFailure?> TrySendAsync(MimeMessage message, CancellationToken ct)
    {
        if (_unreachable is not null)
        {
            return _unreachable;
        }

        if (string.IsNullOrWhiteSpace(options.Host))
        {
            // Only when the host never got a sink address (a node with jobs on but no SMTP settings outside Development).
            _unreachable = new SendFailure("No SMTP server is configured (Smtp:Host).", false);
            return _unreachable;
        }

        if (!_client.IsConnected)
        {
            try
            {
                await _client.ConnectAsync(options.Host, options.Port, Security(options), ct);
                if (!string.IsNullOrEmpty(options.UserName))
                {
                    await _client.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                _unreachable = Describe(e);
                if (_client.IsConnected)
                {
                    await _client.DisconnectAsync(quit: false, CancellationToken.None);
                }

                return _unreachable;
            }
        }

        try
        {
            await _client.SendAsync(message, ct);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return Describe(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync(quit: true, CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or SocketException or MailKit.ProtocolException or MailKit.CommandException or OperationCanceledException)
            {
                // The messages are already recorded; a server that hangs up first changes nothing.
            }
        }

        _client.Dispose();
    }

    /// <summary>
    /// A reason fit for the outbox page and free of anything but the server's own reply. Only a recipient refused
    /// with a 5xx reply is permanent: a wrong setting (authentication, TLS) or a busy server may be fixed, so those
    /// are retried with back-off until the attempts run out.
    /// </summary>
    public static SendFailure Describe(Exception exception) => exception switch
    {
        SmtpCommandException command => new SendFailure(
            $"SMTP {(int)command.StatusCode} ({command.ErrorCode}): {Shorten(command.Message)}",
            (int)command.StatusCode >= 500 && command.ErrorCode == SmtpErrorCode.RecipientNotAccepted),
        SocketException socket => new SendFailure($"SMTP server unreachable ({socket.SocketErrorCode}).", false),
        AuthenticationException => new SendFailure("SMTP authentication failed: check Smtp:UserName and Smtp:Password.", false),
        SslHandshakeException => new SendFailure("TLS handshake with the SMTP server failed: check Smtp:Security and the server certificate.", false),
        SmtpProtocolException or ServiceNotConnectedException or IOException => new SendFailure($"SMTP connection lost ({exception.GetType().Name}).", false),
        TimeoutException or OperationCanceledException => new SendFailure("SMTP server did not answer in time.", false),
        _ => new SendFailure($"Sending failed ({exception.GetType().FullName}).", false),
    };

    private static SecureSocketOptions Security(SmtpOptions options) => options.Security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 300 ? line : line[..300];
    }
}
