using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Mismes.Core.Catalogue;
using Mismes.Core.Common;
using Mismes.Web.Platform;

namespace Mismes.Web.Catalogue.Pages;

/// <summary>/Catalogue: the public list of support measures with filters (a GET form, so it works without JavaScript).</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Search)]
public sealed class IndexModel(CatalogueService catalogue, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "phase")]
    public string? Phase { get; set; }

    [BindProperty(SupportsGet = true, Name = "model")]
    public string? Model { get; set; }

    [BindProperty(SupportsGet = true, Name = "implementer")]
    public string? Implementer { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    public MeasureFilter Filter { get; private set; } = new();

    public IReadOnlyList<MeasureView> Measures { get; private set; } = [];

    public IReadOnlyList<string> Implementers { get; private set; } = [];

    public FieldErrors Errors { get; } = new();

    public string Culture => CultureInfo.CurrentUICulture.Name;

    /// <summary>Staff get the comparison exports; a migrant gets the list without them.</summary>
    public bool IsStaff { get; private set; }

    /// <summary>The archive: only ended measures.</summary>
    public bool IsArchive => Filter.Status == MeasureStatus.Ended;

    /// <summary>The filters other than free text are set: show them open.</summary>
    public bool HasFilters => Filter.Phase is not null || Filter.Model is not null || Filter.Implementer is not null || Filter.Status is not null || !Errors.IsEmpty;

    /// <summary>Programme managers see the way to the management pages.</summary>
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Running (and upcoming) measures by default; ended ones only in the archive (status=Ended).
        Filter = CatalogueParsing.Filter(Phase, Model, Implementer, Status, Q, Errors) with { ExcludeEnded = true };
        Measures = await catalogue.SearchAsync(Filter, CatalogueCultures.Normalize(CultureInfo.CurrentUICulture), ct);
        Implementers = await catalogue.ImplementerCodesAsync(ct);
        CanManage = User.Identity?.IsAuthenticated == true
            && (await authorization.AuthorizeAsync(User, Administration.Policies.ManageCatalogue)).Succeeded;
        IsStaff = User.Identity?.IsAuthenticated == true
            && (await authorization.AuthorizeAsync(User, Administration.Policies.StaffOnly)).Succeeded;
    }

    /// <summary>The export link keeps the visitor's filters and language.</summary>
    public string ExportUrl(string format)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["format"] = format,
            ["culture"] = Culture,
            ["phase"] = Filter.Phase?.ToString(),
            ["model"] = Filter.Model?.ToString(),
            ["implementer"] = Filter.Implementer,
            ["status"] = Filter.Status?.ToString(),
            ["q"] = Filter.Text,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Catalogue/Export", query.Where(p => p.Value is not null));
    }
}
