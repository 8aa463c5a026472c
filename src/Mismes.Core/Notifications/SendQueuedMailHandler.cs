using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Mismes.Core.Data;
using Mismes.Core.Jobs;
using Mismes.Core.Seeding;

namespace Mismes.Core.Notifications;

/// <summary>
/// The background job that empties the outbox: it claims due messages one at a time (so several nodes share the work
/// and never send a message twice), sends them over one SMTP connection, and records Sent, a retry with back-off, or
/// Failed. Then it schedules its next run for the earliest retry, so a message waiting for a server that is down is
/// tried again without anyone enqueuing anything. <see cref="NotificationService.Enqueue"/> schedules a run too.
/// </summary>
internal sealed partial class SendQueuedMailHandler(
    AppDbContext db,
    MailOutbox outbox,
    JobQueue jobs,
    IOptions<SmtpOptions> options,
    ILogger<SendQueuedMailHandler> logger) : IJobHandler
{
    public const string JobKind = "notifications.send";

    public const string OutboxIdHeader = "X-Mismes-Outbox-Id";

    public string Kind => JobKind;

    public async Task HandleAsync(string payload, CancellationToken ct)
    {
        // Unique per run: a claim names the run, so two workers of one node never mix up their messages.
        var claimant = string.Create(
            CultureInfo.InvariantCulture,
            $"{Truncate(Environment.MachineName, 60)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}");
        var settings = options.Value;
        int sent = 0, retried = 0, failed = 0;
        await using (var transport = new SmtpMailTransport(settings))
        {
            while (!ct.IsCancellationRequested && await outbox.ClaimNextAsync(claimant, ct) is { } message)
            {
                SendFailure? failure;
                try
                {
                    failure = await transport.TrySendAsync(ToMime(message, settings), ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    await outbox.ReleaseAsync(message.Id, claimant, CancellationToken.None);
                    throw;
                }

                if (failure is null)
                {
                    await outbox.MarkSentAsync(message.Id, claimant, CancellationToken.None);
                    sent++;
                    continue;
                }

                var status = await outbox.MarkFailedAsync(message.Id, claimant, failure.Reason, failure.Permanent, CancellationToken.None);
                if (status == OutboxStatus.Failed)
                {
                    failed++;
                    LogGaveUp(message.Id, message.Kind, message.Attempts);
                }
                else
                {
                    retried++;
                }
            }
        }

        if (sent + retried + failed > 0)
        {
            LogRun(sent, retried, failed);
        }

        await ScheduleNextRunAsync(ct);
    }

    /// <summary>
    /// A run at the earliest time a queued message becomes due, unless one is already waiting by then. Two nodes may
    /// both add one; the second run then finds nothing to claim, which is harmless.
    /// </summary>
    private async Task ScheduleNextRunAsync(CancellationToken ct)
    {
        if (await outbox.NextDueAtAsync(ct) is not { } next)
        {
            return;
        }

        var waiting = await db.Set<BackgroundJob>().AnyAsync(j => j.Kind == JobKind && j.Status == JobStatus.Pending && j.RunAfter <= next, ct);
        if (!waiting)
        {
            await jobs.EnqueueAsync(JobKind, "{}", next, ct);
        }
    }

    internal static MimeMessage ToMime(OutboxMessage message, SmtpOptions settings)
    {
        var from = MailboxAddress.Parse(settings.From);
        var mime = new MimeMessage();
        mime.From.Add(from);
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        mime.Subject = message.Subject;
        // One Message-Id per outbox message, whichever node sends it: a receiver can tell a resend from a new message.
        var domain = from.Domain is { Length: > 0 } d ? d : "mismes.localhost";
        mime.MessageId = string.Create(CultureInfo.InvariantCulture, $"{message.Id:N}@{domain}");
        mime.Headers.Add(OutboxIdHeader, message.Id.ToString());
        mime.Date = message.CreatedAt;
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        // A Content-* header belongs to the body entity in MimeKit; it is written among the message's headers.
        mime.Body.Headers.Add(HeaderId.ContentLanguage, message.Culture);
        return mime;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    // Ids and counts only: the recipient's address is personal data and stays out of the logs.
    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox run: {Sent} sent, {Retried} to retry, {Failed} failed")]
    private partial void LogRun(int sent, int retried, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({Kind}) failed after {Attempts} attempt(s)")]
    private partial void LogGaveUp(Guid messageId, string kind, int attempts);
}

/// <summary>After every migration (so at every start): a sender run when messages are queued and none is scheduled.</summary>
internal sealed class SendQueuedMailSchedule(AppDbContext db, JobQueue jobs) : IReferenceDataSeeder
{
    public int Order => 1001;

    public async Task SeedAsync(CancellationToken ct)
    {
        var queued = await db.Set<OutboxMessage>().AnyAsync(m => m.Status == OutboxStatus.Queued, ct);
        var scheduled = await db.Set<BackgroundJob>().AnyAsync(
            j => j.Kind == SendQueuedMailHandler.JobKind && (j.Status == JobStatus.Pending || j.Status == JobStatus.Running),
            ct);
        if (queued && !scheduled)
        {
            await jobs.EnqueueAsync(SendQueuedMailHandler.JobKind, "{}", ct: ct);
        }
    }
}
