using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mismes.Core.Common;
using Mismes.Core.Placement.Vacancies;

namespace Mismes.Web.Placement.Pages.Vacancies;

/// <summary>/Placement/Vacancies: the user's institution's (or company's) vacancies, soonest ending first, with the time left.</summary>
[Authorize(Policy = PlacementPolicies.ManageVacancies)]
public sealed class IndexModel(VacancyService vacancies) : PageModel
{
    public Paged<VacancyView> Vacancies { get; private set; } = new([], 0, 1, PageRequest.DefaultPageSize);

    public string? Q { get; private set; }

    public bool OpenOnly { get; private set; }

    public async Task OnGetAsync(string? q, bool? open, int? p, CancellationToken ct)
    {
        Q = q;
        OpenOnly = open ?? true;
        var page = new PageRequest(Math.Clamp(p ?? 1, 1, PageRequest.MaxPage));
        Vacancies = await vacancies.ListAsync(new VacancyFilter { Query = q, OpenOnly = OpenOnly }, page, ct);
    }
}
