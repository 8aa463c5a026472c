using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mismes.Core.Catalogue;

namespace Mismes.Web.Catalogue.Pages;

/// <summary>/Catalogue/{slug}: every attribute of one measure; a localized 404 when there is no such measure.</summary>
[AllowAnonymous]
public sealed class DetailsModel(CatalogueService catalogue, IAuthorizationService authorization) : PageModel
{
    /// <summary>Staff of the implementing institution and administrators see the way to edit the measure.</summary>
    public bool CanEdit { get; private set; }

    public MeasureView? Measure { get; private set; }

    public string Culture => CultureInfo.CurrentUICulture.Name;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        Measure = await catalogue.FindAsync(slug, CatalogueCultures.Normalize(CultureInfo.CurrentUICulture), ct);
        if (Measure is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        CanEdit = User.Identity?.IsAuthenticated == true
            && (await authorization.AuthorizeAsync(User, Administration.Policies.ManageCatalogue)).Succeeded
            && catalogue.CanEdit(Measure);

        return Page();
    }
}
