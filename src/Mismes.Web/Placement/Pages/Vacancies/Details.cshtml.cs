using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mismes.Core.Placement.Vacancies;

namespace Mismes.Web.Placement.Pages.Vacancies;

/// <summary>/Placement/Vacancies/Details/{id}: every fact of a vacancy, its ESCO coding and its validity.</summary>
[Authorize(Policy = PlacementPolicies.ManageVacancies)]
public sealed class DetailsModel(VacancyService vacancies) : PageModel
{
    public VacancyView Vacancy { get; private set; } = null!;

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool? saved, CancellationToken ct)
    {
        if (await vacancies.FindAsync(id, ct) is not { } vacancy)
        {
            return NotFound();
        }

        Vacancy = vacancy;
        Saved = saved == true;
        return Page();
    }
}
