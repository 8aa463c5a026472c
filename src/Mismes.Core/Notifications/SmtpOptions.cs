using MimeKit;

namespace Mismes.Core.Notifications;

public enum SmtpSecurity
{
    /// <summary>STARTTLS when the server offers it, TLS at once on port 465.</summary>
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>Configuration section <c>Smtp</c>: the relay the outbox sends through, and how it retries.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>
    /// The SMTP server. Required in Production; in Development and tests, when empty, the web host starts a mail sink
    /// on loopback and fills in its address.
    /// </summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>The sender, e.g. <c>Mismes &lt;no-reply@example.org&gt;</c>.</summary>
    public string From { get; set; } = "Mismes <no-reply@mismes.localhost>";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>How long connecting or one SMTP command may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts before a message is given up as Failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Delay before the first retry; it doubles with each further attempt, up to <see cref="MaxRetryBackoff"/>.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryBackoff { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long one node holds a message while sending it; after that another node may take it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long sent and failed messages (and captured mail) are kept before the daily purge.</summary>
    public TimeSpan KeepFinished { get; set; } = TimeSpan.FromDays(90);

    /// <summary>What is wrong with these settings (empty when they are usable); <paramref name="hostRequired"/> in Production.</summary>
    public IReadOnlyList<string> Validate(bool hostRequired)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Host))
        {
            if (hostRequired)
            {
                errors.Add("Smtp:Host must be set in Production (the SMTP server that sends the platform's e-mail).");
            }
        }
        else if (Port is < 1 or > 65535)
        {
            errors.Add("Smtp:Port must be between 1 and 65535.");
        }

        if (!MailboxAddress.TryParse(From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            errors.Add("Smtp:From must be an e-mail address, e.g. \"Mismes <no-reply@example.org>\".");
        }

        if (string.IsNullOrEmpty(UserName) != string.IsNullOrEmpty(Password))
        {
            errors.Add("Smtp:UserName and Smtp:Password go together.");
        }

        if (Timeout <= TimeSpan.Zero || Lease <= Timeout || MaxAttempts < 1 || RetryBackoff < TimeSpan.Zero
            || MaxRetryBackoff < RetryBackoff || KeepFinished <= TimeSpan.Zero)
        {
            errors.Add("Smtp: Timeout and KeepFinished must be positive, Lease longer than Timeout, MaxAttempts at least 1, MaxRetryBackoff at least RetryBackoff.");
        }

        return errors;
    }

    /// <summary>Delay before the next attempt after <paramref name="attempts"/> failed ones: doubling, capped.</summary>
    public TimeSpan Backoff(int attempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        return TimeSpan.FromTicks((long)Math.Min(RetryBackoff.Ticks * factor, MaxRetryBackoff.Ticks));
    }
}
