using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mismes.Web.Administration;
using Mismes.Web.Platform;

namespace Mismes.Web.Pages;

/// <summary>
/// A signed-in user's home (/Home), where sign-in leads: who they are, for which institution, and their work queue,
/// which the capabilities fill (Platform/WorkQueue.cs). Counts only: no personal record is disclosed here.
/// </summary>
[Authorize(Policy = WorkQueueRegistration.SignedIn)]
internal sealed class HomeModel(WorkQueue queue) : PageModel
{
    public string DisplayName { get; private set; } = "";

    public string? InstitutionName { get; private set; }

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public IReadOnlyList<WorkItem> Items { get; private set; } = [];

    public IReadOnlyList<HomeLink> Links { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        DisplayName = User.FindFirstValue(MismesClaims.DisplayName) ?? User.Identity?.Name ?? "";
        InstitutionName = User.FindFirstValue(MismesClaims.InstitutionName);
        Roles = [.. User.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal)];
        Items = await queue.ItemsForAsync(User, ct);
        Links = await queue.LinksForAsync(User);
    }

    public static string Badge(WorkUrgency urgency) => urgency switch
    {
        WorkUrgency.Now => "text-bg-danger",
        WorkUrgency.Soon => "text-bg-warning",
        _ => "text-bg-secondary",
    };
}
