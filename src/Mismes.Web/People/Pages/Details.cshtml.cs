using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mismes.Core.Administration;
using Mismes.Core.People;
using Mismes.Web.Administration;

namespace Mismes.Web.People.Pages;

[Authorize(Policy = Policies.ManagePeople)]
public sealed class DetailsModel(PersonService people, PersonMergeService merges, ConsentNoticeService notices, RecordNames recordNames) : PageModel
{
    /// <summary>The latest merge into this record not undone yet, if any (the undo button).</summary>
    public LastMerge? LastMerge { get; private set; }

    public PersonRecord Record { get; private set; } = null!;

    /// <summary>The latest notice text per purpose, shown before asking for consent.</summary>
    public IReadOnlyDictionary<ConsentPurpose, ConsentNotice> Notices { get; private set; } = new Dictionary<ConsentPurpose, ConsentNotice>();

    /// <summary>Who wrote each history line (user → name and institution), so the history says who acted.</summary>
    public IReadOnlyDictionary<Guid, ActorName> Actors { get; private set; } = new Dictionary<Guid, ActorName>();

    /// <summary>The API keys that acted on the record, to name them in its history.</summary>
    public IReadOnlyDictionary<Guid, ActorName> ApiKeys { get; private set; } = new Dictionary<Guid, ActorName>();

    /// <summary>Names of the other records the history and the merge notice mention (links show names, not ids).</summary>
    public IReadOnlyDictionary<(string Type, string Id), string> Names { get; private set; } = new Dictionary<(string Type, string Id), string>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var record = await people.GetAsync(id, ct);
        if (record is null)
        {
            return NotFound();
        }

        Record = record;
        Actors = await recordNames.ActorsAsync(record.History.Select(e => e.UserId), ct);
        ApiKeys = await recordNames.ApiKeysAsync(record.History.Select(e => e.ApiKeyId), ct);
        var mentioned = PersonHistoryText.MentionedRecords(record.History).ToList();
        if (record.Person.MergedIntoId is { } into)
        {
            mentioned.Add((PersonService.RecordType, RecordIds.Of(into)));
        }

        LastMerge = await merges.LastMergeAsync(id, ct);
        if (LastMerge is not null)
        {
            mentioned.Add((PersonService.RecordType, RecordIds.Of(LastMerge.DuplicateId)));
        }

        Names = await recordNames.NamesAsync(mentioned, System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, ct);
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

    /// <summary>Undoes the latest merge into this record; a refusal (changed since, nothing to undo) is said in the status line.</summary>
    public async Task<IActionResult> OnPostUndoMergeAsync(Guid id, CancellationToken ct)
    {
        var result = await merges.UndoLastMergeAsync(id, ct);
        if (result.Outcome == Mismes.Core.Common.WriteOutcome.NotFound)
        {
            return NotFound();
        }

        TempData["People.Message"] = result.Succeeded ? "People.Merge.Undo.Done" : result.ConflictKey;
        return RedirectToPage("/People/Pages/Details", new { id });
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
