using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Mismes.Core.People;
using Mismes.Web.Administration;
using Mismes.Web.Platform;

namespace Mismes.Web.People.Pages;

[Authorize(Policy = Policies.ManagePeople)]
[EnableRateLimiting(RateLimits.Search)]
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

    public PagedResult<PersonSummary> Result { get; private set; } = new([], 0, 1, 25);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await people.SearchAsync(new PersonSearch
        {
            Text = Text,
            Status = Api.PersonInput.ParseEnum<MigrationStatus>(Status),
            RegionCode = string.IsNullOrWhiteSpace(Region) ? null : Region,
            Page = PageNumber,
            PageSize = 25,
        }, ct);
    }

    public string PageLink(int page) =>
        $"/People?text={Uri.EscapeDataString(Text ?? "")}&status={Uri.EscapeDataString(Status ?? "")}&region={Uri.EscapeDataString(Region ?? "")}&page={page}";
}
