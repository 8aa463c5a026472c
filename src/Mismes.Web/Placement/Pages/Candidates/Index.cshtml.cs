using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mismes.Core.Common;
using Mismes.Core.Esco;
using Mismes.Core.Placement.Candidates;

namespace Mismes.Web.Placement.Pages.Candidates;

[Authorize(Policy = PlacementPolicies.ManageCandidates)]
public sealed class IndexModel(CandidateService candidates, EscoLookup esco) : PageModel
{
    public Paged<CandidateListItem> Result { get; private set; } = new([], 0, 1, PageRequest.DefaultPageSize);

    public EscoLookup Esco => esco;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var paging = new PageRequest(PageNumber, PageRequest.DefaultPageSize);
        if (!paging.Validate(new FieldErrors()))
        {
            paging = new PageRequest();
        }

        Result = await candidates.ListAsync(new CandidateSearch { Paging = paging }, ct);
        return Page();
    }
}
