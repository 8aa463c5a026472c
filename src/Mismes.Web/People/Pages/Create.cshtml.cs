using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.People;
using Mismes.Web.Administration;
using Mismes.Web.Platform;

namespace Mismes.Web.People.Pages;

[Authorize(Policy = Policies.ManagePeople)]
public sealed class CreateModel(PersonService people, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public PersonInput Input { get; set; } = new() { CountryOfResidence = "MA" };

    public IReadOnlyList<DuplicateCandidate> Duplicates { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var parseErrors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var request = Input.ToRequest(parseErrors);
        if (parseErrors.Count > 0)
        {
            FieldErrorText.AddTo(ModelState, FieldErrorText.Merge(parseErrors, people.Validate(request)), l, PeopleFieldLabels.For(l));
            return Page();
        }

        var result = await people.CreateAsync(request, ct);
        if (result.Outcome == PersonOutcome.Ok)
        {
            TempData["People.Message"] = "People.Create.Done";
            return RedirectToPage("/People/Pages/Details", new { id = result.Person!.Id });
        }

        if (result.Outcome == PersonOutcome.PossibleDuplicates)
        {
            Duplicates = result.Duplicates;
            return Page();
        }

        FieldErrorText.AddTo(ModelState, result.Errors, l, PeopleFieldLabels.For(l));
        return Page();
    }
}
