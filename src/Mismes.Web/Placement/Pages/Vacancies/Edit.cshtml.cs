using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Mismes.Core.Esco;
using Mismes.Core.Placement.Vacancies;

namespace Mismes.Web.Placement.Pages.Vacancies;

/// <summary>/Placement/Vacancies/Edit/{id}: change a vacancy of the user's institution (or company).</summary>
[Authorize(Policy = PlacementPolicies.ManageVacancies)]
public sealed class EditModel(VacancyService vacancies, EscoLookup esco) : VacancyFormModel(vacancies)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await Vacancies.FindAsync(id, ct) is not { } vacancy)
        {
            return NotFound();
        }

        Input = VacancyInput.From(vacancy);
        await LoadAsync(esco, null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        await Vacancies.FindAsync(id, ct) is null ? NotFound() : await SaveAsync(id, esco, ct);

    public async Task<IActionResult> OnPostSearchAsync(Guid id, CancellationToken ct) =>
        await Vacancies.FindAsync(id, ct) is null ? NotFound() : await SearchAsync(esco, ct);
}
