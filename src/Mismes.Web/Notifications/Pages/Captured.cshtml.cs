using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mismes.Core.Notifications;

namespace Mismes.Web.Notifications.Pages;

/// <summary>One message captured by the development sink: its text body, and its HTML body in a sandboxed frame.</summary>
[Authorize(Policy = NotificationsPolicies.ReadOutbox)]
internal sealed class CapturedModel(OutboxQueries queries, DevelopmentMailSink sink) : PageModel
{
    public CapturedMail Mail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        // Only where a sink runs: elsewhere captured mail (from an earlier development run) is not shown.
        if (!sink.Enabled || await queries.FindCapturedAsync(id, ct) is not { } mail)
        {
            return NotFound();
        }

        Mail = mail;
        return Page();
    }
}
