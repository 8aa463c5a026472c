using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mismes.Core.Training;

namespace Mismes.Web.Training.Pages.Sessions;

/// <summary>/Training/Sessions: the institution's sessions not yet ended, soonest first, with their seats left.</summary>
[Authorize(Policy = TrainingPolicies.ManageSessions)]
public sealed class IndexModel(TrainingSessionService sessions, TimeProvider clock) : PageModel
{
    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Sessions = await sessions.ListAsync(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
}
