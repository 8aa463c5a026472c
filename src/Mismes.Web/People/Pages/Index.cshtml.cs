using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Mismes.Core.Common;
using Mismes.Core.People;
using Mismes.Web.Administration;
using Mismes.Web.Platform;

namespace Mismes.Web.People.Pages;

/// <summary>
/// The people registry. The search text holds names, phones or e-mails, so it never travels in the URL (issue 6,
/// 3.12; docs/adr/0018): the form is a POST (antiforgery checked by Razor Pages) that shows the results, and the pager
/// is made of submit buttons of the same form, so paging posts the text again instead of putting it in a link.
/// A GET shows the first page, filtered by the non-personal filters (status, region) when the URL has them.
/// </summary>
[Authorize(Policy = Policies.ManagePeople)]
[EnableRateLimiting(RateLimits.Search)]
public sealed class IndexModel(PersonService people) : PageModel
{
    /// <summary>Bound from the posted form only (no SupportsGet): a "?text=" in the URL is ignored.</summary>
    [BindProperty]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    /// <summary>Named pageNumber: "page" is the route value of Razor Pages itself.</summary>
    [BindProperty(Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public Paged<PersonSummary> Result { get; private set; } = new([], 0, 1, PageRequest.DefaultPageSize);

    public Task OnGetAsync(CancellationToken ct)
    {
        Text = null;
        PageNumber = 1;
        return SearchAsync(ct);
    }

    public Task OnPostAsync(CancellationToken ct) => SearchAsync(ct);

    /// <summary>The pages the pager offers: the first, the last and two on each side of the current one.</summary>
    public IReadOnlyList<int> PagerPages()
    {
        var current = Result.Page;
        return [.. Enumerable.Range(1, Result.PageCount).Where(i => i == 1 || i == Result.PageCount || Math.Abs(i - current) <= 2)];
    }

    private async Task SearchAsync(CancellationToken ct)
    {
        Result = await people.SearchAsync(new PersonSearch
        {
            Text = Text,
            Status = PersonInput.ParseEnum<MigrationStatus>(Status),
            RegionCode = string.IsNullOrWhiteSpace(Region) ? null : Region,
            // A page number out of bounds (a forged form) shows the first page rather than an error page.
            Paging = new PageRequest(PageNumber is >= 1 and <= PageRequest.MaxPage ? PageNumber : 1),
        }, ct);
    }
}
