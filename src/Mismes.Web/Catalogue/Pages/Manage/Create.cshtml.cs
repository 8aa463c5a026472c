using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Mismes.Core.Catalogue;
using Mismes.Web.Administration;

namespace Mismes.Web.Catalogue.Pages.Manage;

/// <summary>/Catalogue/Manage/Create: a new measure with its texts in up to four languages (French required).</summary>
[Authorize(Policy = Policies.ManageCatalogue)]
public sealed class CreateModel(CatalogueService catalogue) : MeasureFormModel(catalogue)
{
    public async Task OnGetAsync(CancellationToken ct) => await LoadChoicesAsync(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(null, ct);
}
