using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mismes.Core.People;
using Mismes.Web.Administration;
using Mismes.Core.Common;

namespace Mismes.Web.People.Pages;

[Authorize(Policy = Policies.ManagePeople)]
public sealed class IndexModel(PersonService people) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<PersonSummary> Result { get; private set; } = new([], 0, 1, PageRequest.DefaultPageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await people.SearchAsync(new PersonSearch
        {
            Text = Text,
            Status = PersonInput.ParseEnum<MigrationStatus>(Status),
            RegionCode = string.IsNullOrWhiteSpace(Region) ? null : Region,
            // A page number out of bounds (typed into the URL) shows the first page rather than an error page.
            Paging = new PageRequest(PageNumber is >= 1 and <= PageRequest.MaxPage ? PageNumber : 1),
        }, ct);
    }

    public string PageLink(int page) =>
        $"/People?text={Uri.EscapeDataString(Text ?? "")}&status={Uri.EscapeDataString(Status ?? "")}&region={Uri.EscapeDataString(Region ?? "")}&page={page}";
}
