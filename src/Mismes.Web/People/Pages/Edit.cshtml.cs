using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.People;
using Mismes.Web.Administration;
using Mismes.Web.Platform;

namespace Mismes.Web.People.Pages;

[Authorize(Policy = Policies.ManagePeople)]
public sealed class EditModel(PersonService people, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public PersonInput Input { get; set; } = new();

    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var record = await people.GetAsync(id, ct);
        if (record is null || record.Person.MergedIntoId is not null)
        {
            return NotFound();
        }

        Id = id;
        Input = PersonInput.From(record.Person);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        var parseErrors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var request = Input.ToRequest(parseErrors);
        if (parseErrors.Count > 0)
        {
            FieldErrorText.AddTo(ModelState, FieldErrorText.Merge(parseErrors, people.Validate(request)), l, PeopleFieldLabels.For(l));
            return Page();
        }

        var result = await people.UpdateAsync(id, request, ct);
        switch (result.Outcome)
        {
            case PersonOutcome.NotFound:
                return NotFound();
            case PersonOutcome.Invalid:
                FieldErrorText.AddTo(ModelState, result.Errors, l, PeopleFieldLabels.For(l));
                return Page();
            default:
                TempData["People.Message"] = "People.Edit.Done";
                return RedirectToPage("/People/Pages/Details", new { id });
        }
    }
}
