using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.Common;
using Mismes.Core.People;
using Mismes.Core.Training;

namespace Mismes.Web.Training.Pages;

/// <summary>
/// /Training/Advice/{personId}: the open vacancies a candidate nearly matches, the essential skills she misses, and the
/// sessions whose courses develop them, best first — with a button to enrol her (issue 9, "closing the loop").
/// </summary>
[Authorize(Policy = TrainingPolicies.ManageSessions)]
public sealed class AdviceModel(TrainingGapService gaps, TrainingSessionService sessions, PersonDirectory people, IStringLocalizer<SharedResource> l) : PageModel
{
    public PersonSummary Person { get; private set; } = null!;

    public TrainingAdvice Advice { get; private set; } = null!;

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Message = TempData["Training.Message"] as string;
        return await ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostEnrolAsync(Guid id, Guid sessionId, CancellationToken ct)
    {
        var result = await sessions.EnrolAsync(sessionId, id, ct);
        switch (result.Outcome)
        {
            case WriteOutcome.Ok:
                TempData["Training.Message"] = "Training.Enrolment.Done";
                return RedirectToPage(new { id });
            case WriteOutcome.Conflict:
                ModelState.AddModelError("", l[result.ConflictKey!]);
                break;
            case WriteOutcome.NotFound:
                ModelState.AddModelError("", l["Training.Error.Session"]);
                break;
            default:
                TrainingForms.AddErrors(ModelState, result.Errors, l);
                break;
        }

        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid personId, CancellationToken ct)
    {
        var found = await people.SummariesAsync([personId], ct);
        if (!found.TryGetValue(personId, out var person))
        {
            return NotFound();
        }

        Person = person;
        Advice = await gaps.AdviseAsync(personId, ct);
        return Page();
    }
}
