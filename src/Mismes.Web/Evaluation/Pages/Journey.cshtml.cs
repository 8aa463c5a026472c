using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mismes.Core.Evaluation;
using Mismes.Web.Administration;

namespace Mismes.Web.Evaluation.Pages;

/// <summary>
/// /Evaluation/Journey/{id}: one person's outcomes across every measure, oldest first, for staff who may open the
/// person's record (same institution scope, same audit entry: <see cref="PersonJourneyService"/>).
/// </summary>
[Authorize(Policy = Policies.ManagePeople)]
public sealed class JourneyModel(PersonJourneyService journeys, EvaluationLabels labels) : PageModel
{
    public IReadOnlyList<JourneyStep> Steps { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Measures { get; private set; } = new Dictionary<Guid, string>();

    public Guid PersonId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await journeys.ForPersonAsync(id, ct) is not { } steps)
        {
            return NotFound();
        }

        PersonId = id;
        Steps = steps;
        Measures = await labels.MeasureTitlesAsync(ct);
        return Page();
    }
}
