using MimeKit;
using Mismes.Core.Data;

namespace Mismes.Core.Notifications;

/// <summary>Stores a message the development mail sink received, so every node's outbox page can show it.</summary>
public sealed class CapturedMailStore(AppDbContext db, TimeProvider clock)
{
    public const int MaxAddressLength = 1000;

    /// <summary>Bodies are cut here: the sink is for reading messages, not for keeping large attachments.</summary>
    public const int MaxBodyLength = 200_000;

    public async Task<CapturedMail> SaveAsync(Stream rawMessage, CancellationToken ct)
    {
        var mime = await MimeMessage.LoadAsync(rawMessage, ct);
        var captured = new CapturedMail
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            ReceivedAt = clock.GetUtcNow(),
            OutboxMessageId = Guid.TryParse(mime.Headers[SendQueuedMailHandler.OutboxIdHeader], out var id) ? id : null,
            From = Cut(mime.From.ToString(), MaxAddressLength),
            To = Cut(mime.To.ToString(), MaxAddressLength),
            Subject = Cut(mime.Subject ?? "", OutboxMessageConfiguration.MaxSubjectLength),
            Culture = (mime.Body?.Headers[HeaderId.ContentLanguage] ?? mime.Headers[HeaderId.ContentLanguage]) is { Length: > 0 and <= 35 } language ? language : null,
            HtmlBody = mime.HtmlBody is { } html ? Cut(html, MaxBodyLength) : null,
            TextBody = mime.TextBody is { } text ? Cut(text, MaxBodyLength) : null,
        };
        db.Set<CapturedMail>().Add(captured);
        await db.SaveChangesAsync(ct);
        return captured;
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
