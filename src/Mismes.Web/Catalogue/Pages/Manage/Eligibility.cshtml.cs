using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.Catalogue;
using Mismes.Core.Catalogue.Eligibility;
using Mismes.Core.Common;
using Mismes.Web.Administration;
using Mismes.Web.Platform;

namespace Mismes.Web.Catalogue.Pages.Manage;

/// <summary>/Catalogue/Manage/Eligibility/{id}: who a measure is for, the rules the eligibility finder applies.</summary>
[Authorize(Policy = Policies.ManageCatalogue)]
public sealed class EligibilityModel(CatalogueService catalogue, EligibilityService eligibility, IStringLocalizer<SharedResource> l) : PageModel
{
    public MeasureView? Measure { get; private set; }

    public EligibilityRulesInput Rules { get; private set; } = new();

    public bool HasRules { get; private set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool saved, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var rules = await eligibility.RulesAsync(id, ct);
        HasRules = rules is not null;
        Rules = rules ?? new();
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var form = Request.Form;
        var errors = new FieldErrors();
        Rules = new EligibilityRulesInput
        {
            Situations = Parse<Situation>(form["Situations"], nameof(EligibilityRulesInput.Situations), errors),
            MinEqf = Level(form["MinEqf"], nameof(EligibilityRulesInput.MinEqf), errors),
            MaxEqf = Level(form["MaxEqf"], nameof(EligibilityRulesInput.MaxEqf), errors),
            Languages = [.. form["Languages"].Where(x => !string.IsNullOrEmpty(x)).Select(x => x!)],
            Fields = Parse<WorkField>(form["Fields"], nameof(EligibilityRulesInput.Fields), errors),
            Countries = [.. form["Countries"].Where(x => !string.IsNullOrEmpty(x)).Select(x => x!)],
            NextStepPath = string.IsNullOrWhiteSpace(form["NextStepPath"]) ? null : form["NextStepPath"].ToString().Trim(),
        };
        HasRules = true;
        var result = errors.IsEmpty ? await eligibility.SaveAsync(id, Rules, ct) : null;
        switch (result?.Outcome)
        {
            case WriteOutcome.Ok:
                return Redirect($"/Catalogue/Manage/Eligibility/{id}?saved=true");
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Forbidden:
                return Forbid();
        }

        // Every problem at once: what could not be read, and what the service's rules refuse.
        foreach (var (field, keys) in FieldErrorText.Merge(errors, result?.Errors ?? EligibilityService.Validate(Rules)))
        {
            foreach (var key in keys)
            {
                ModelState.AddModelError(field, $"{Label(field)}: {l[key]}");
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public string Label(string field) => l["Catalogue.Eligibility." + field];

    /// <summary>NotFound or Forbid when the measure is missing or not the user's to change; null when the page may go on.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        Measure = await catalogue.FindAsync(id.ToString(), CatalogueCultures.Normalize(System.Globalization.CultureInfo.CurrentUICulture), ct);
        if (Measure is null)
        {
            return NotFound();
        }

        return catalogue.CanEdit(Measure) ? null : Forbid();
    }

    private static List<T> Parse<T>(Microsoft.Extensions.Primitives.StringValues values, string field, FieldErrors errors)
        where T : struct, Enum
    {
        var parsed = new List<T>();
        foreach (var value in values.Where(v => !string.IsNullOrEmpty(v)))
        {
            if (value!.All(char.IsAsciiLetter) && Enum.TryParse<T>(value, out var item) && Enum.IsDefined(item))
            {
                parsed.Add(item);
            }
            else
            {
                errors.Add(field, "Catalogue.Eligibility.Error.Value");
            }
        }

        return parsed;
    }

    private static int? Level(string? value, string field, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var level))
        {
            return level;
        }

        errors.Add(field, "Catalogue.Eligibility.Error.Eqf");
        return null;
    }
}
