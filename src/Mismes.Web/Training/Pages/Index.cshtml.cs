using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mismes.Core.Training;

namespace Mismes.Web.Training.Pages;

/// <summary>/Training: the course catalogue (kind, level, hours, provider, cost, ESCO skills) and the programmes.</summary>
[Authorize(Policy = TrainingPolicies.ReadCatalogue)]
public sealed class IndexModel(TrainingCatalogueService catalogue) : PageModel
{
    public IReadOnlyList<CourseView> Courses { get; private set; } = [];

    public IReadOnlyList<ProgrammeView> Programmes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Courses = await catalogue.ListCoursesAsync(null, ct);
        Programmes = await catalogue.ListProgrammesAsync(ct);
    }
}
