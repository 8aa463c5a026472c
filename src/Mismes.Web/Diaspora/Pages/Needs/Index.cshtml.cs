using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mismes.Core.Common;
using Mismes.Core.Diaspora.Needs;
using Mismes.Core.Esco;

namespace Mismes.Web.Diaspora.Pages.Needs;

/// <summary>The institution's needs, soonest first.</summary>
[Authorize(Policy = DiasporaPolicies.ManageNeeds)]
public sealed class IndexModel(NeedService needs, EscoLookup esco) : PageModel
{
    public Paged<NeedView> Result { get; private set; } = new([], 0, 1, PageRequest.DefaultPageSize);

    public EscoLookup Esco => esco;

    public string? Message { get; private set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Message = TempData["Diaspora.Message"] as string;
        var paging = new PageRequest(PageNumber, PageRequest.DefaultPageSize);
        if (!paging.Validate(new FieldErrors()))
        {
            paging = new PageRequest();
        }

        Result = await needs.ListAsync(new NeedSearch { Paging = paging }, ct);
        return Page();
    }
}
