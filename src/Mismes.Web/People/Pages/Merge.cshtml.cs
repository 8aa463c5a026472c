using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.People;
using Mismes.Web.Administration;
using Mismes.Web.Platform;

namespace Mismes.Web.People.Pages;

[Authorize(Policy = Policies.ManagePeople)]
public sealed class MergeModel(PersonService people, IStringLocalizer<SharedResource> l) : PageModel
{
    public Person Survivor { get; private set; } = null!;

    public IReadOnlyList<DuplicateCandidate> Candidates { get; private set; } = [];

    [BindProperty]
    public Guid? DuplicateId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (DuplicateId is not { } duplicateId)
        {
            ModelState.AddModelError(nameof(DuplicateId), l[PeopleErrors.Required, PeopleFieldLabels.Label(l, nameof(DuplicateId))]);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        var result = await people.MergeAsync(id, duplicateId, ct);
        switch (result.Outcome)
        {
            case PersonOutcome.Ok:
                TempData["People.Message"] = "People.Merge.Done";
                return RedirectToPage("/People/Pages/Details", new { id });
            case PersonOutcome.Invalid:
                FieldErrorText.AddTo(ModelState, result.Errors, l, PeopleFieldLabels.For(l), prefix: "");
                return await LoadAsync(id, ct) ? Page() : NotFound();
            default:
                ModelState.AddModelError(nameof(DuplicateId), l["People.Merge.NotFound"]);
                return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var record = await people.GetAsync(id, ct);
        if (record is null || record.Person.MergedIntoId is not null)
        {
            return false;
        }

        Survivor = record.Person;
        var p = record.Person;
        var fields = new PersonFields
        {
            FirstNameLatin = p.FirstNameLatin, LastNameLatin = p.LastNameLatin, FirstNameArabic = p.FirstNameArabic,
            LastNameArabic = p.LastNameArabic, BirthDate = p.BirthDate, Phone = p.Phone, Email = p.Email,
        };
        Candidates = [.. (await people.FindDuplicatesAsync(fields, id, ct)).Where(c => c.PersonId is not null)];
        return true;
    }
}
