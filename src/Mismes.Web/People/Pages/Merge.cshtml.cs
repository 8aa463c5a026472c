using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Mismes.Core.Common;
using Mismes.Core.People;
using Mismes.Web.Administration;
using Mismes.Web.Platform;

namespace Mismes.Web.People.Pages;

/// <summary>
/// Step 1 of a merge: find the duplicate of a person. The possible duplicates the duplicate rules find
/// (<see cref="DuplicateRule"/>, each shown one audited) are listed by name with a "compare" link, and a search by name
/// within the user's institutions finds any other record. The search text is posted, never put in a URL
/// (docs/adr/0018); the compare links carry only record ids.
/// </summary>
[Authorize(Policy = Policies.ManagePeople)]
[EnableRateLimiting(RateLimits.Search)]
public sealed class MergeModel(PersonService people, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>Longer than any name.</summary>
    private const int MaxSearchText = 200;

    public Person Person { get; private set; } = null!;

    public IReadOnlyList<DuplicateCandidate> Candidates { get; private set; } = [];

    /// <summary>Bound from the posted form only: a "?text=" in the URL is ignored.</summary>
    [BindProperty]
    public string? Text { get; set; }

    /// <summary>Null until a search was posted.</summary>
    public IReadOnlyList<PersonSummary>? Found { get; private set; }

    public int FoundTotal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Text = null;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var text = Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            ModelState.AddModelError(nameof(Text), l[PeopleErrors.Required, l["People.Merge.Search"]]);
        }
        else if (text.Length > MaxSearchText)
        {
            ModelState.AddModelError(nameof(Text), l[PeopleErrors.TooLong, l["People.Merge.Search"]]);
        }
        else if (!TextRules.IsClean(text))
        {
            ModelState.AddModelError(nameof(Text), l[TextRules.ControlCharactersError, l["People.Merge.Search"]]);
        }
        else
        {
            var result = await people.SearchAsync(new PersonSearch { Text = text, Paging = new PageRequest(1, 20) }, ct);
            Found = [.. result.Items.Where(p => p.Id != id)];
            FoundTotal = result.Total - (result.Items.Count - Found.Count);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var record = await people.GetAsync(id, ct);
        if (record is null || record.Person.MergedIntoId is not null)
        {
            return false;
        }

        Person = record.Person;
        var p = record.Person;
        var fields = new PersonFields
        {
            FirstNameLatin = p.FirstNameLatin, LastNameLatin = p.LastNameLatin, FirstNameArabic = p.FirstNameArabic,
            LastNameArabic = p.LastNameArabic, BirthDate = p.BirthDate, Phone = p.Phone, Email = p.Email,
        };

        // Only records the user may open: another institution's possible duplicate is a fact without a name or a link.
        Candidates = [.. (await people.FindDuplicatesAsync(fields, id, ct)).Where(c => c.PersonId is not null)];
        return true;
    }
}
