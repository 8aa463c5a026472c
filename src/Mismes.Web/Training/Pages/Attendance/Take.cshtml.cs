using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.Common;
using Mismes.Core.Training;

namespace Mismes.Web.Training.Pages.Attendance;

/// <summary>
/// /Training/Attendance/Take/{session}/{sitting}: the trainer ticks who is present, on a phone, without JavaScript — one
/// large checkbox per learner and one submit button; saving again corrects the previous answer.
/// </summary>
[Authorize(Policy = TrainingPolicies.TakeAttendance)]
public sealed class TakeModel(TrainingSessionService sessions, IStringLocalizer<SharedResource> l) : PageModel
{
    public SessionRecord Record { get; private set; } = null!;

    public SittingView Sitting { get; private set; } = null!;

    public IReadOnlyList<EnrolmentView> Learners { get; private set; } = [];

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid sessionId, Guid sittingId, CancellationToken ct)
    {
        Saved = TempData["Training.Message"] is "Training.Attendance.Saved";
        return await ShowAsync(sessionId, sittingId, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid sessionId, Guid sittingId, Guid[]? present, CancellationToken ct)
    {
        var result = await sessions.RecordAttendanceAsync(sessionId, sittingId, [.. (present ?? []).Distinct()], ct);
        switch (result.Outcome)
        {
            case WriteOutcome.Ok:
                TempData["Training.Message"] = "Training.Attendance.Saved";
                return RedirectToPage(new { sessionId, sittingId });
            case WriteOutcome.NotFound:
                return NotFound();
            default:
                TrainingForms.AddErrors(ModelState, result.Errors, l);
                return await ShowAsync(sessionId, sittingId, ct);
        }
    }

    public bool WasPresent(Guid enrolmentId) => Record.Present.Contains((Sitting.Id, enrolmentId));

    private async Task<IActionResult> ShowAsync(Guid sessionId, Guid sittingId, CancellationToken ct)
    {
        var record = await sessions.GetAsync(sessionId, ct);
        var sitting = record?.Session.Sittings.FirstOrDefault(s => s.Id == sittingId);
        if (record is null || sitting is null)
        {
            return NotFound();
        }

        Record = record;
        Sitting = sitting;
        Learners = [.. record.Enrolments.Where(e => e.Status != EnrolmentStatus.Withdrawn)];
        return Page();
    }
}
