using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Mismes.Core.Data;
using Mismes.Core.Jobs;
using Mismes.Core.Notifications;
using Mismes.TestCommon;
using Mismes.TestCommon.Notifications;

namespace Mismes.Core.Tests.Notifications;

/// <summary>
/// A migrated database of its own (SQLite or PostgreSQL, per MISMES_TEST_DB) and the outbox's parts built on it.
/// The tests of one class run one after the other and start from an empty outbox (<see cref="ClearAsync"/>).
/// </summary>
public sealed class NotificationsDatabase() : MigratedTestDatabase("mismes_notif_")
{
    public static readonly MessageTemplates Templates = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public static SmtpOptions Smtp(TestSmtpServer? server = null, int maxAttempts = 3) => new()
    {
        Host = "127.0.0.1",
        Port = server?.Port ?? 9,
        Security = SmtpSecurity.None,
        From = "Mismes <no-reply@test.mismes.ma>",
        MaxAttempts = maxAttempts,
        RetryBackoff = TimeSpan.FromMinutes(1),
        MaxRetryBackoff = TimeSpan.FromMinutes(30),
        Timeout = TimeSpan.FromSeconds(10),
    };

    public NotificationService Notifications(AppDbContext db) =>
        new(db, Templates, new JobQueue(db, Clock, Options.Create(new JobOptions())), Clock);

    public MailOutbox Outbox(AppDbContext db, SmtpOptions smtp) => new(db, Clock, Options.Create(smtp));

    internal SendQueuedMailHandler Sender(AppDbContext db, SmtpOptions smtp) =>
        new(db, Outbox(db, smtp), new JobQueue(db, Clock, Options.Create(new JobOptions())), Options.Create(smtp), NullLogger<SendQueuedMailHandler>.Instance);

    /// <summary>
    /// Runs the sender job once, in a context of its own, as the job runner would when it claims a due sender run
    /// (which then no longer counts as waiting: the due ones are removed first).
    /// </summary>
    public async Task RunSenderAsync(SmtpOptions smtp)
    {
        await using var db = NewContext();
        var now = Clock.GetUtcNow();
        await db.Set<BackgroundJob>()
            .Where(j => j.Kind == SendQueuedMailHandler.JobKind && j.Status == JobStatus.Pending && j.RunAfter <= now)
            .ExecuteDeleteAsync();
        await Sender(db, smtp).HandleAsync("{}", CancellationToken.None);
    }

    /// <summary>Queues one message per recipient and saves them together.</summary>
    public async Task<List<Guid>> EnqueueAsync(string kind, string? culture, object model, params string[] recipients)
    {
        await using var db = NewContext();
        var ids = recipients.Select(r => Notifications(db).Enqueue(kind, r, culture, model).Id).ToList();
        await db.SaveChangesAsync();
        return ids;
    }

    public async Task<OutboxMessage> FindAsync(Guid id)
    {
        await using var db = NewContext();
        return await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id);
    }

    public async Task ClearAsync()
    {
        await using var db = NewContext();
        await db.Set<OutboxMessage>().ExecuteDeleteAsync();
        await db.Set<CapturedMail>().ExecuteDeleteAsync();
        await db.Set<BackgroundJob>().Where(j => j.Kind == SendQueuedMailHandler.JobKind || j.Kind == PurgeOutboxHandler.JobKind).ExecuteDeleteAsync();
    }

    public static PasswordResetMail ResetModel(string name = "Fatima Zahra") =>
        new(name, "https://mismes.test/Account/Reset?token=abc%2B1&user=42");
}
