using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.Common;
using Mismes.Core.People;
using Mismes.Core.Training;

namespace Mismes.Web.Training.Pages.Sessions;

/// <summary>
/// /Training/Sessions/Details/{id}: a session with its sittings and learners. Staff find a person of the registry
/// (a plain form, no JavaScript) and enrol them; they add sittings, and record each learner's completion and result.
/// </summary>
[Authorize(Policy = TrainingPolicies.ManageSessions)]
public sealed class DetailsModel(TrainingSessionService sessions, PersonService people, IStringLocalizer<SharedResource> l) : PageModel
{
    public SessionRecord Record { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? SearchText { get; set; }

    public IReadOnlyList<PersonSummary> Found { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Message = TempData["Training.Message"] as string;
        return await ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostEnrolAsync(Guid id, Guid? personId, CancellationToken ct)
    {
        if (personId is not { } person)
        {
            return await FailAsync(id, FieldErrors.Of("PersonId", TrainingErrors.Required), ct);
        }

        var result = await sessions.EnrolAsync(id, person, ct);
        return await AnswerAsync(id, result, "Training.Enrolment.Done", ct);
    }

    public async Task<IActionResult> OnPostCompleteAsync(Guid id, Guid enrolmentId, bool completed, string? result, CancellationToken ct) =>
        await AnswerAsync(id, await sessions.CompleteAsync(id, enrolmentId, new CompleteEnrolment { Completed = completed, Result = result }, ct),
            completed ? "Training.Enrolment.Completed" : "Training.Enrolment.NotCompleted", ct);

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid enrolmentId, CancellationToken ct) =>
        await AnswerAsync(id, await sessions.WithdrawAsync(id, enrolmentId, ct), "Training.Enrolment.Withdrawn", ct);

    public async Task<IActionResult> OnPostSittingAsync(Guid id, DateOnly? date, decimal? hours, CancellationToken ct)
    {
        if (date is not { } day)
        {
            return await FailAsync(id, FieldErrors.Of("Date", TrainingErrors.Required), ct);
        }

        return await AnswerAsync(id, await sessions.AddSittingAsync(id, day, hours ?? 3, ct), "Training.Sitting.Added", ct);
    }

    private async Task<IActionResult> AnswerAsync(Guid id, WriteResult<Guid> result, string done, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case WriteOutcome.Ok:
                TempData["Training.Message"] = done;
                return RedirectToPage(new { id });
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Conflict:
                ModelState.AddModelError("", l[result.ConflictKey!]);
                return await ShowAsync(id, ct);
            default:
                return await FailAsync(id, result.Errors, ct);
        }
    }

    private async Task<IActionResult> FailAsync(Guid id, FieldErrors errors, CancellationToken ct)
    {
        TrainingForms.AddErrors(ModelState, errors, l);
        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        var record = await sessions.GetAsync(id, ct);
        if (record is null)
        {
            return NotFound();
        }

        Record = record;
        if (!string.IsNullOrWhiteSpace(SearchText))
        {
            Found = (await people.SearchAsync(new PersonSearch { Text = SearchText, Paging = new PageRequest(1, 10) }, ct)).Items;
        }

        return Page();
    }
}
