using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Mismes.Core.Common;
using Mismes.Core.Diaspora.Needs;
using Mismes.Core.Esco;
using Mismes.Web.Platform;

namespace Mismes.Web.Diaspora.Pages.Needs;

[Authorize(Policy = DiasporaPolicies.ManageNeeds)]
public sealed class EditModel(NeedService needs, EscoLookup esco, IStringLocalizer<SharedResource> l) : NeedFormModel(needs, esco, l)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await Needs.GetAsync(id, ct) is not { } need)
        {
            return NotFound();
        }

        Input = NeedInput.From(need);
        LoadChoices(null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await Needs.GetAsync(id, ct) is null)
        {
            return NotFound();
        }

        var errors = new FieldErrors();
        var request = Input.ToRequest(errors) with { CodingConfirmed = true };
        if (!errors.IsEmpty)
        {
            return Refuse(FieldErrorText.Merge(errors, Needs.Validate(request)));
        }

        var result = await Needs.UpdateAsync(id, request, ct);
        if (result.Outcome == WriteOutcome.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            return Refuse(result.Errors);
        }

        TempData["Diaspora.Message"] = "Diaspora.Need.Saved";
        return RedirectToPage("/Diaspora/Pages/Needs/Index");
    }
}
