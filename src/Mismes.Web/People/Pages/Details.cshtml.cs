using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mismes.Core.People;
using Mismes.Web.Administration;

namespace Mismes.Web.People.Pages;

[Authorize(Policy = Policies.ManagePeople)]
public sealed class DetailsModel(PersonService people, ConsentNoticeService notices) : PageModel
{
    public PersonRecord Record { get; private set; } = null!;

    /// <summary>The latest notice text per purpose, shown before asking for consent.</summary>
    public IReadOnlyDictionary<ConsentPurpose, ConsentNotice> Notices { get; private set; } = new Dictionary<ConsentPurpose, ConsentNotice>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var record = await people.GetAsync(id, ct);
        if (record is null)
        {
            return NotFound();
        }

        Record = record;
        Notices = await notices.LatestAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostGiveAsync(Guid id, string purpose, string? channel, int? noticeVersion, CancellationToken ct)
    {
        var parsedPurpose = PersonInput.ParseEnum<ConsentPurpose>(purpose);
        var parsedChannel = PersonInput.ParseEnum<ConsentChannel>(channel) ?? ConsentChannel.InPerson;
        if (parsedPurpose is null)
        {
            return BadRequest();
        }

        var result = await people.GiveConsentAsync(id, parsedPurpose.Value, parsedChannel, noticeVersion, ct);
        return Done(result, "People.Consent.GivenDone", id);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, string purpose, string? channel, CancellationToken ct)
    {
        var parsedPurpose = PersonInput.ParseEnum<ConsentPurpose>(purpose);
        var parsedChannel = PersonInput.ParseEnum<ConsentChannel>(channel) ?? ConsentChannel.InPerson;
        if (parsedPurpose is null)
        {
            return BadRequest();
        }

        var result = await people.WithdrawConsentAsync(id, parsedPurpose.Value, parsedChannel, ct);
        return Done(result, "People.Consent.WithdrawnDone", id);
    }

    private IActionResult Done(PersonWriteResult result, string message, Guid id)
    {
        if (result.Outcome == PersonOutcome.NotFound)
        {
            return NotFound();
        }

        // The resource key, not the text: the next page may be shown in another language.
        TempData["People.Message"] = result.Outcome == PersonOutcome.Ok ? message : result.Errors.SelectMany(e => e.Value).First();
        return RedirectToPage("/People/Pages/Details", new { id });
    }
}
