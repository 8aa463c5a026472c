using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mismes.Core.Common;
using Mismes.Core.Notifications;
using Mismes.Web.Administration;
using Mismes.Web.Platform;

namespace Mismes.Web.Notifications.Pages;

/// <summary>
/// The outbox: the institution's messages with their delivery status (queued, sent, failed with the reason), a test
/// message to oneself, and, where the development sink runs, the mail it captured.
/// </summary>
[Authorize(Policy = NotificationsPolicies.ReadOutbox)]
internal sealed class OutboxModel(OutboxQueries queries, NotificationService notifications, DevelopmentMailSink sink) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public OutboxStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "cp")]
    public int CapturedPageNumber { get; set; } = 1;

    [TempData]
    public string? Notice { get; set; }

    public const int PageSize = 50;

    public Paged<OutboxRow> Messages { get; private set; } = new([], 0, 1, PageSize);

    /// <summary>Null where no development sink runs (Production, or an SMTP server is configured).</summary>
    public Paged<CapturedMailRow>? Captured { get; private set; }

    public string? OwnAddress => User.FindFirstValue(ClaimTypes.Email);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!Enum.IsDefined(Status.GetValueOrDefault()))
        {
            Status = null;
        }

        // A page number out of bounds (a hand-edited link) shows the first page, as the audit page does.
        Messages = await queries.ListAsync(Status, Paging(PageNumber), ct);
        if (sink.Enabled)
        {
            Captured = await queries.ListCapturedAsync(Paging(CapturedPageNumber), ct);
        }
    }

    /// <summary>A test message to the signed-in user's own address only, so the page cannot be used to mail anyone else.</summary>
    public async Task<IActionResult> OnPostTestAsync(CancellationToken ct)
    {
        var address = OwnAddress;
        if (!NotificationService.IsValidAddress(address))
        {
            Notice = null;
            ModelState.AddModelError("", "Notifications.Outbox.Test.NoAddress");
            await OnGetAsync(ct);
            return Page();
        }

        var displayName = User.FindFirstValue(MismesClaims.DisplayName) ?? address!;
        var institution = Guid.TryParse(User.FindFirstValue(MismesClaims.Institution), out var id) ? id : (Guid?)null;
        await notifications.SendTestAsync(address!, CultureInfo.CurrentUICulture.Name, displayName, institution, ct);
        Notice = address;
        return RedirectToPage();
    }

    private static PageRequest Paging(int page) => new(page is >= 1 and <= PageRequest.MaxPage ? page : 1, PageSize);

    public string PageUrl(int page, int capturedPage) => QueryString.Create(new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["Status"] = Status?.ToString(),
        ["p"] = page.ToString(CultureInfo.InvariantCulture),
        ["cp"] = capturedPage.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();

    public static string FilterUrl(OutboxStatus? status) =>
        status is null ? "?" : "?Status=" + status.Value.ToString();

    public static string StatusBadge(OutboxStatus status) => status switch
    {
        OutboxStatus.Sent => "text-bg-success",
        OutboxStatus.Failed => "text-bg-danger",
        _ => "text-bg-warning",
    };

    public static string LanguageName(string culture) =>
        Cultures.NativeNames.TryGetValue(culture, out var name) ? name : culture;
}
