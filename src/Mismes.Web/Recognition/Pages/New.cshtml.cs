using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.Common;
using Mismes.Core.Esco;
using Mismes.Core.People;
using Mismes.Core.Recognition;
using Mismes.Web.Platform;

namespace Mismes.Web.Recognition.Pages;

/// <summary>
/// A new application for the validation of skills, with the returnee: the trade, where and how long she worked
/// abroad, her references, and the ESCO skills to assess, found by searching ESCO in the advisor's language. The skill
/// search is a button of the same form, so typed answers are kept and nothing needs JavaScript.
/// </summary>
[Authorize(Policy = RecognitionPolicies.ManageValidations)]
public sealed class NewModel(ValidationService validations, PersonService people, EscoLookup esco, IStringLocalizer<SharedResource> l) : PageModel
{
    public static readonly IReadOnlyList<string> Countries = ["ES", "FR", "IT", "BE", "NL", "DE", "PT", "GB", "CA", "US", "QA", "SA", "AE", "LY"];

    public sealed class InputModel
    {
        public string? Trade { get; set; }
        public string? CountryOfWork { get; set; }
        public int? YearsAbroad { get; set; }
        public string? WorkAbroad { get; set; }
        public string? References { get; set; }
        public List<string> SkillUris { get; set; } = [];
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(Name = "sq")]
    public string? SkillQuery { get; set; }

    public PersonSummaryLine Person { get; private set; } = null!;

    public IReadOnlyList<EscoChoice> Chosen { get; private set; } = [];

    public IReadOnlyList<EscoChoice> Found { get; private set; } = [];

    public sealed record PersonSummaryLine(Guid Id, string Name);

    private string Culture => CultureInfo.CurrentUICulture.Name;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadPersonAsync(id, ct) ? Show() : NotFound();

    /// <summary>"Find skills": the same form again with the ESCO skills matching the search, the typed answers kept.</summary>
    public async Task<IActionResult> OnPostSearchAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadPersonAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        return Show();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadPersonAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        var errors = new FieldErrors();
        if (Input.YearsAbroad is null)
        {
            errors.Add(nameof(Input.YearsAbroad), RecognitionErrors.Years);
        }

        var result = await validations.ApplyAsync(new NewValidationApplication
        {
            PersonId = id,
            Trade = Input.Trade ?? "",
            CountryOfWork = Input.CountryOfWork ?? "",
            YearsAbroad = Input.YearsAbroad ?? 0,
            WorkAbroad = Input.WorkAbroad,
            References = Input.References,
            SkillUris = Input.SkillUris,
        }, ct);
        if (result.Succeeded && errors.IsEmpty)
        {
            TempData["Recognition.Message"] = "Recognition.Application.Created";
            return RedirectToPage("Application", new { id = result.Value!.Id });
        }

        foreach (var (field, keys) in result.Errors)
        {
            foreach (var key in keys)
            {
                errors.Add(field, key);
            }
        }

        RecognitionForm.AddErrors(ModelState, errors, l);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Show();
    }

    private async Task<bool> LoadPersonAsync(Guid id, CancellationToken ct)
    {
        var record = await people.GetAsync(id, ct);
        if (record is null)
        {
            return false;
        }

        Person = new(id, $"{record.Person.FirstNameLatin} {record.Person.LastNameLatin}");
        return true;
    }

    private PageResult Show()
    {
        Input.SkillUris = [.. Input.SkillUris.Where(esco.IsSkill).Distinct(StringComparer.Ordinal).Take(ValidationLimits.MaxSkills)];
        Chosen = [.. Input.SkillUris.Select(u => esco.Find(u, Culture)).OfType<EscoChoice>()];
        var query = string.IsNullOrWhiteSpace(SkillQuery) ? Input.Trade : SkillQuery;
        Found = query is { Length: <= 200 } && TextRules.IsClean(query)
            ? [.. esco.Skills(query, Culture, 15).Where(s => !Input.SkillUris.Contains(s.Uri))]
            : [];
        return Page();
    }
}
