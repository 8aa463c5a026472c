using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Mismes.Core.Common;
using Mismes.Core.Diaspora.Needs;
using Mismes.Core.Esco;
using Mismes.Web.Platform;

namespace Mismes.Web.Diaspora.Pages.Needs;

[Authorize(Policy = DiasporaPolicies.ManageNeeds)]
public sealed class CreateModel(NeedService needs, EscoLookup esco, IStringLocalizer<SharedResource> l) : NeedFormModel(needs, esco, l)
{
    public void OnGet()
    {
        LoadChoices(null);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = new FieldErrors();
        var request = Input.ToRequest(errors) with { CodingConfirmed = true };
        if (!errors.IsEmpty)
        {
            return Refuse(FieldErrorText.Merge(errors, Needs.Validate(request)));
        }

        var result = await Needs.CreateAsync(request, ct);
        if (!result.Succeeded)
        {
            return Refuse(result.Errors);
        }

        TempData["Diaspora.Message"] = "Diaspora.Need.Saved";
        return RedirectToPage("/Diaspora/Pages/Needs/Index");
    }
}
