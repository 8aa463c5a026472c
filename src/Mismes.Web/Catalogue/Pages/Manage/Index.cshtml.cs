using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mismes.Core.Catalogue;
using Mismes.Web.Administration;

namespace Mismes.Web.Catalogue.Pages.Manage;

/// <summary>/Catalogue/Manage: the programme manager's list of measures, with the way to add and edit them.</summary>
[Authorize(Policy = Policies.ManageCatalogue)]
public sealed class IndexModel(CatalogueService catalogue) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "saved")]
    public string? Saved { get; set; }

    public IReadOnlyList<MeasureView> Measures { get; private set; } = [];

    /// <summary>Only the implementing institution's staff and administrators are offered the edit link.</summary>
    public bool CanEdit(MeasureView measure) => catalogue.CanEdit(measure);

    public async Task OnGetAsync(CancellationToken ct) =>
        Measures = await catalogue.SearchAsync(new MeasureFilter(), CatalogueCultures.Normalize(CultureInfo.CurrentUICulture), ct);
}
