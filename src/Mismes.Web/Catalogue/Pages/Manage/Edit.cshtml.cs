using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Mismes.Core.Catalogue;
using Mismes.Web.Administration;

namespace Mismes.Web.Catalogue.Pages.Manage;

/// <summary>/Catalogue/Manage/Edit/{id}: changes a measure and its translations.</summary>
[Authorize(Policy = Policies.ManageCatalogue)]
public sealed class EditModel(CatalogueService catalogue) : MeasureFormModel(catalogue)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var input = await Catalogue.GetForEditAsync(id, ct);
        if (input is null)
        {
            return NotFound();
        }

        Input = input;
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        CollectBindingErrors();
        if (Errors.Count == 0)
        {
            var result = await Catalogue.UpdateAsync(id, Input, ct);
            if (result.NotFound)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                return Redirect("/Catalogue/Manage?saved=" + Uri.EscapeDataString(result.Slug!));
            }

            AddErrors(result.Errors);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadChoicesAsync(ct);
        return Page();
    }
}
