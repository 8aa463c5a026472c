using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Mismes.Core.Catalogue;
using Mismes.Core.Common;
using Mismes.Web.Administration;

namespace Mismes.Web.Catalogue.Pages.Manage;

/// <summary>/Catalogue/Manage/Edit/{id}: changes a measure and its translations (its implementing institution or an administrator).</summary>
[Authorize(Policy = Policies.ManageCatalogue)]
public sealed class EditModel(CatalogueService catalogue) : MeasureFormModel(catalogue)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var measure = await Catalogue.GetForEditAsync(id, ct);
        switch (measure.Outcome)
        {
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Forbidden:
                return Forbid();
        }

        Input = MeasureInput.From(measure.Value!);
        await LoadChoicesAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) => SaveAsync(id, ct);
}
