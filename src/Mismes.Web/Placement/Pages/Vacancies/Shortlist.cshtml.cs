using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.Administration;
using Mismes.Core.Common;
using Mismes.Core.Placement.Shortlists;
using Mismes.Core.Placement.Vacancies;
using Mismes.Web.Platform;

namespace Mismes.Web.Placement.Pages.Vacancies;

/// <summary>
/// /Placement/Vacancies/Shortlist/{id}: the vacancy's ranked candidates with why they rank and what they lack, and its
/// shortlist with each status's time and author. Advisors propose, pre-select, set "not retained" with a reason and
/// send; an employer sees only what was sent to it and reports interviews and hiring. Plain forms, no JavaScript.
/// </summary>
[Authorize(Policy = PlacementPolicies.ManageVacancies)]
public sealed class ShortlistModel(VacancyService vacancies, ShortlistService shortlists, RecordNames names, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>How many ranked candidates the page shows.</summary>
    public const int RankedShown = 30;

    public VacancyView Vacancy { get; private set; } = null!;

    public ShortlistBoard Board { get; private set; } = null!;

    public IReadOnlyDictionary<Guid, ActorName> Actors { get; private set; } = new Dictionary<Guid, ActorName>();

    public string? Message { get; private set; }

    /// <summary>The entry whose form failed: its fields carry the ids the error summary links to.</summary>
    public Guid? FailedEntry { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Message = TempData["Placement.Message"] as string;
        return await ShowAsync(id, ct);
    }

    /// <summary>Puts the ticked ranked candidates on the shortlist; "preSelect" also pre-selects them.</summary>
    public async Task<IActionResult> OnPostProposeAsync(Guid id, long[]? candidateIds, bool preSelect, CancellationToken ct)
    {
        if (candidateIds is not { Length: > 0 })
        {
            if (await vacancies.FindAsync(id, ct) is null)
            {
                return NotFound();
            }

            ModelState.AddModelError("CandidateIds", l["Placement.Shortlist.Error.NoneChosen"]);
            return await ShowAsync(id, ct, StatusCodes.Status400BadRequest);
        }

        var result = await shortlists.ProposeAsync(id, candidateIds, preSelect, ct);
        return await AfterAsync(id, result.Outcome, result.Errors, preSelect ? "Placement.Shortlist.PreSelectedMessage" : "Placement.Shortlist.ProposedMessage", null, ct);
    }

    /// <summary>Sets one entry's next status ("not retained" needs a reason).</summary>
    public async Task<IActionResult> OnPostStatusAsync(Guid id, Guid entryId, string? status, string? reason, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var parsed = PlacementParsing.Required(status, errors, "Status", ShortlistErrors.Status, ShortlistStatus.Proposed);
        if (!errors.IsEmpty)
        {
            if (await vacancies.FindAsync(id, ct) is null)
            {
                return NotFound();
            }

            return await AfterAsync(id, WriteOutcome.Invalid, errors, "", entryId, ct);
        }

        var result = await shortlists.SetStatusAsync(entryId, parsed, reason, ct);
        if (result.Succeeded && result.Value!.VacancyId != id)
        {
            return NotFound();
        }

        return await AfterAsync(id, result.Outcome, result.Errors, "Placement.Shortlist.StatusSaved", entryId, ct);
    }

    /// <summary>Sends every pre-selected candidate to the employer.</summary>
    public async Task<IActionResult> OnPostSendAsync(Guid id, CancellationToken ct)
    {
        var result = await shortlists.SendAsync(id, ct);
        return await AfterAsync(id, result.Outcome, result.Errors, "Placement.Shortlist.SentMessage", null, ct);
    }

    private async Task<IActionResult> AfterAsync(Guid id, WriteOutcome outcome, IReadOnlyDictionary<string, string[]> errors, string message, Guid? entryId, CancellationToken ct)
    {
        if (outcome == WriteOutcome.NotFound)
        {
            return NotFound();
        }

        if (outcome != WriteOutcome.Ok)
        {
            FieldErrorText.AddTo(ModelState, errors, l, prefix: "");
            FailedEntry = entryId;
            return await ShowAsync(id, ct, StatusCodes.Status400BadRequest);
        }

        TempData["Placement.Message"] = message;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        if (await vacancies.FindAsync(id, ct) is not { } vacancy || await shortlists.BoardAsync(id, RankedShown, ct) is not { } board)
        {
            return NotFound();
        }

        Vacancy = vacancy;
        Board = board;
        Actors = await names.ActorsAsync(board.Entries.SelectMany(e => e.Entry.History.Select(h => h.By)), ct);
        Response.StatusCode = status;
        return Page();
    }

    public string Who(Guid? userId) =>
        userId is { } u && Actors.TryGetValue(u, out var a) ? a.DisplayName : l["Placement.Shortlist.BySystem"];
}
