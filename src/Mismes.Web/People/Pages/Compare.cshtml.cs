using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.Common;
using Mismes.Core.People;
using Mismes.Web.Administration;
using Mismes.Web.Platform;

namespace Mismes.Web.People.Pages;

/// <summary>
/// Steps 2 and 3 of a merge: both records side by side (A is the record the user came from, B the possible duplicate),
/// a required choice for each field where they hold different values, which record stays (the older by default); then
/// a confirmation of what will be kept and what discarded, with the button that merges. The choices round-trip in the
/// form (hidden fields on the confirmation), so it all works without JavaScript.
/// </summary>
[Authorize(Policy = Policies.ManagePeople)]
public sealed class CompareModel(PersonMergeService merges, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string A = "A";
    public const string B = "B";

    public MergeComparison Comparison { get; private set; } = null!;

    /// <summary>"A" or "B": the record that stays.</summary>
    [BindProperty]
    public string? Survivor { get; set; }

    /// <summary>Field name → "A" or "B": whose value a conflicting field keeps.</summary>
    [BindProperty]
    public Dictionary<string, string> Keep { get; set; } = new(StringComparer.Ordinal);

    /// <summary>True on the confirmation step.</summary>
    public bool Confirming { get; private set; }

    public Person SurvivorRecord => Survivor == B ? Comparison.B : Comparison.A;

    public Person DuplicateRecord => Survivor == B ? Comparison.A : Comparison.B;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid duplicateId, CancellationToken ct)
    {
        if (!await LoadAsync(id, duplicateId, ct))
        {
            return NotFound();
        }

        Survivor = Comparison.DefaultSurvivorId == Comparison.A.Id ? A : B;
        return Page();
    }

    public async Task<IActionResult> OnPostBackAsync(Guid id, Guid duplicateId, CancellationToken ct) =>
        await LoadAsync(id, duplicateId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, Guid duplicateId, CancellationToken ct)
    {
        if (!await LoadAsync(id, duplicateId, ct))
        {
            return NotFound();
        }

        Confirming = Validate();
        return Page();
    }

    public async Task<IActionResult> OnPostMergeAsync(Guid id, Guid duplicateId, CancellationToken ct)
    {
        if (!await LoadAsync(id, duplicateId, ct))
        {
            return NotFound();
        }

        if (!Validate())
        {
            return Page();
        }

        var result = await merges.MergeAsync(new MergePeople
        {
            SurvivorId = SurvivorRecord.Id,
            DuplicateId = DuplicateRecord.Id,
            Keep = Comparison.Conflicts.ToDictionary(f => f, f => Keep[f.ToString()] == Survivor ? MergeKeep.Survivor : MergeKeep.Duplicate),
        }, ct);
        switch (result.Outcome)
        {
            case WriteOutcome.Ok:
                TempData["People.Message"] = "People.Merge.Done";
                return RedirectToPage("/People/Pages/Details", new { id = SurvivorRecord.Id });
            case WriteOutcome.Invalid:
                FieldErrorText.AddTo(ModelState, result.Errors, l, PeopleFieldLabels.For(l), prefix: "Keep_");
                return Page();
            default:
                return NotFound();
        }
    }

    /// <summary>The choice made for a field ("A", "B"), or null.</summary>
    public string? Choice(MergeField field) => Keep.TryGetValue(field.ToString(), out var side) && side is A or B ? side : null;

    /// <summary>One line of the confirmation: the value the merged record will hold, where it comes from, and the value discarded if any.</summary>
    public sealed record PlanRow(MergeField Field, Person KeptFrom, bool InBoth, Person? DiscardedFrom);

    public IEnumerable<PlanRow> Plan()
    {
        var survivor = SurvivorRecord;
        var duplicate = DuplicateRecord;
        foreach (var field in MergeFields.All)
        {
            var own = MergeFields.Value(survivor, field);
            var theirs = MergeFields.Value(duplicate, field);
            if (own is null && theirs is null)
            {
                continue;
            }

            if (string.Equals(own, theirs, StringComparison.Ordinal) || theirs is null)
            {
                yield return new PlanRow(field, survivor, theirs is not null, null);
            }
            else if (own is null)
            {
                yield return new PlanRow(field, duplicate, false, null);
            }
            else
            {
                var keptFrom = Choice(field) == Letter(survivor) ? survivor : duplicate;
                yield return new PlanRow(field, keptFrom, false, keptFrom == survivor ? duplicate : survivor);
            }
        }
    }

    /// <summary>Both records' languages, the higher level winning, as the merge unites them.</summary>
    public IEnumerable<PersonLanguage> UnitedLanguages() =>
        Comparison.A.Languages.Concat(Comparison.B.Languages)
            .GroupBy(x => x.Language, StringComparer.Ordinal)
            .Select(g => g.MaxBy(x => x.Level)!)
            .OrderBy(x => x.Language, StringComparer.Ordinal);

    /// <summary>"A" or "B" for one of the two records.</summary>
    public string Letter(Person p) => p.Id == Comparison.A.Id ? A : B;

    private bool Validate()
    {
        if (Survivor is not (A or B))
        {
            ModelState.AddModelError(nameof(Survivor), l[PeopleErrors.Required, l["People.Merge.Survivor"]]);
        }

        foreach (var field in Comparison.Conflicts.Where(f => Choice(f) is null))
        {
            ModelState.AddModelError("Keep_" + field, l[PersonMergeErrors.ChoiceRequired, PeopleFieldLabels.Label(l, field.ToString())]);
        }

        return ModelState.ErrorCount == 0;
    }

    private async Task<bool> LoadAsync(Guid id, Guid duplicateId, CancellationToken ct)
    {
        var comparison = await merges.CompareAsync(id, duplicateId, ct);
        if (comparison is null)
        {
            return false;
        }

        Comparison = comparison;
        return true;
    }
}
