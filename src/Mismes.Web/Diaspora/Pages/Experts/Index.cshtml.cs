using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mismes.Core.Common;
using Mismes.Core.Diaspora.Experts;
using Mismes.Core.Esco;

namespace Mismes.Web.Diaspora.Pages.Experts;

/// <summary>The institution's experts abroad, most recently updated first, filtered by country of residence.</summary>
[Authorize(Policy = DiasporaPolicies.ManageExperts)]
public sealed class IndexModel(ExpertService experts, EscoLookup esco) : PageModel
{
    public Paged<ExpertListItem> Result { get; private set; } = new([], 0, 1, PageRequest.DefaultPageSize);

    public EscoLookup Esco => esco;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "country")]
    public string? Country { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var paging = new PageRequest(PageNumber, PageRequest.DefaultPageSize);
        if (!paging.Validate(new FieldErrors()))
        {
            paging = new PageRequest();
        }

        // An unknown country is no filter: the list shows everyone rather than an error for a hand-edited URL.
        if (!ExpertService.IsCountryCode(Country))
        {
            Country = null;
        }

        Result = await experts.ListAsync(new ExpertSearch { Country = Country, Paging = paging }, ct);
        return Page();
    }
}
