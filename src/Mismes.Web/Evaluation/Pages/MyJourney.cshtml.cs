using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mismes.Core.Evaluation;

namespace Mismes.Web.Evaluation.Pages;

/// <summary>/Evaluation/MyJourney: the signed-in beneficiary's own steps across the measures, found from her account.</summary>
[Authorize(Policy = EvaluationPolicies.OwnJourney)]
public sealed class MyJourneyModel(PersonJourneyService journeys, EvaluationLabels labels) : PageModel
{
    /// <summary>Null when the account is linked to no record (the page says what to do).</summary>
    public IReadOnlyList<JourneyStep>? Steps { get; private set; }

    public IReadOnlyDictionary<Guid, string> Measures { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Steps = await journeys.OwnAsync(ct);
        Measures = await labels.MeasureTitlesAsync(ct);
    }
}
