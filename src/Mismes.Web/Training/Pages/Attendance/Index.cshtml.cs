using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mismes.Core.Training;

namespace Mismes.Web.Training.Pages.Attendance;

/// <summary>/Training/Attendance: a trainer's start page on a phone — the institution's running sessions and their sittings, today's first.</summary>
[Authorize(Policy = TrainingPolicies.TakeAttendance)]
public sealed class IndexModel(TrainingSessionService sessions, TimeProvider clock) : PageModel
{
    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Sessions = [.. (await sessions.ListAsync(Today, ct)).Where(s => s.StartDate <= Today.AddDays(7) && s.Sittings.Count > 0)];
    }
}
