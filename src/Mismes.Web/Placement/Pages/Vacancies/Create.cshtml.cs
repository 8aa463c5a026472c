using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Mismes.Core.Esco;
using Mismes.Core.Placement.Vacancies;

namespace Mismes.Web.Placement.Pages.Vacancies;

/// <summary>/Placement/Vacancies/Create: a new foreign vacancy, coded to ESCO with the advisor's confirmation.</summary>
[Authorize(Policy = PlacementPolicies.ManageVacancies)]
public sealed class CreateModel(VacancyService vacancies, EscoLookup esco) : VacancyFormModel(vacancies)
{
    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.Positions = 1;
        await LoadAsync(esco, null, ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(null, esco, ct);

    public Task<IActionResult> OnPostSearchAsync(CancellationToken ct) => SearchAsync(esco, ct);
}
