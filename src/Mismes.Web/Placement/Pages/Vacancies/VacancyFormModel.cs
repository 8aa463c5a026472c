using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mismes.Core.Common;
using Mismes.Core.Esco;
using Mismes.Core.Placement.Vacancies;
using Mismes.Web.Platform;

namespace Mismes.Web.Placement.Pages.Vacancies;

/// <summary>
/// What the create and edit pages share: the input, its field errors, and the ESCO coding step. "Propose / search"
/// posts the form back to itself (no JavaScript needed): the taxonomy proposes an occupation and skills for the title
/// and requirements, or searches ESCO for what the advisor typed in their own language; nothing is saved until "Save".
/// </summary>
public abstract class VacancyFormModel(VacancyService vacancies) : PageModel
{
    [BindProperty]
    public VacancyInput Input { get; set; } = new();

    /// <summary>Text to search ESCO occupations with, in the user's language.</summary>
    [BindProperty]
    public string? OccupationQuery { get; set; }

    [BindProperty]
    public string? SkillQuery { get; set; }

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Occupations to choose from: the current one, then proposals or search results.</summary>
    public List<EscoChoice> OccupationChoices { get; } = [];

    /// <summary>Skills to mark essential or optional: those chosen, then proposals or search results.</summary>
    public List<EscoChoice> SkillChoices { get; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Employers { get; private set; } = [];

    protected VacancyService Vacancies => vacancies;

    public string? Error(string field) => Errors.TryGetValue(field, out var keys) ? keys[0] : null;

    public static string Culture => CultureInfo.CurrentUICulture.Name;

    protected async Task LoadAsync(EscoLookup esco, CodingProposal? proposal, CancellationToken ct)
    {
        Employers = await vacancies.EmployersAsync(ct);
        while (Input.Languages.Count < 3)
        {
            Input.Languages.Add(new LanguageInput());
        }

        void AddOccupation(EscoChoice? c)
        {
            if (c is not null && OccupationChoices.All(o => o.Uri != c.Uri))
            {
                OccupationChoices.Add(c);
            }
        }

        void AddSkill(EscoChoice? c)
        {
            if (c is not null && SkillChoices.All(o => o.Uri != c.Uri))
            {
                SkillChoices.Add(c);
            }
        }

        AddOccupation(esco.Find(Input.OccupationUri, Culture));
        foreach (var uri in Input.EssentialSkillUris.Concat(Input.OptionalSkillUris))
        {
            AddSkill(esco.Find(uri, Culture));
        }

        foreach (var c in proposal?.Occupations ?? [])
        {
            AddOccupation(c);
        }

        foreach (var c in proposal?.Skills ?? [])
        {
            AddSkill(c);
        }

        foreach (var c in esco.Occupations(OccupationQuery, Culture, 8))
        {
            AddOccupation(c);
        }

        foreach (var c in esco.Skills(SkillQuery, Culture, 8))
        {
            AddSkill(c);
        }
    }

    /// <summary>The coding step: proposals for the title and requirements (when nothing is coded yet) and the searches.</summary>
    protected async Task<IActionResult> SearchAsync(EscoLookup esco, CancellationToken ct)
    {
        ModelState.Clear();
        var propose = string.IsNullOrWhiteSpace(OccupationQuery) && string.IsNullOrWhiteSpace(SkillQuery);
        var proposal = propose ? vacancies.ProposeCoding(Input.Title, Input.Description, Culture) : null;
        if (propose && Input.OccupationUri is null && proposal!.Occupations.Count > 0)
        {
            Input.OccupationUri = proposal.Occupations[0].Uri;
        }

        await LoadAsync(esco, proposal, ct);
        return Page();
    }

    protected async Task<IActionResult> SaveAsync(Guid? id, EscoLookup esco, CancellationToken ct)
    {
        var parseErrors = new FieldErrors();
        foreach (var (key, entry) in ModelState)
        {
            if (entry.Errors.Count > 0 && key.StartsWith("Input.", StringComparison.Ordinal))
            {
                parseErrors.Add(key["Input.".Length..].Split('[')[0], VacancyErrors.Number);
            }
        }

        var request = Input.ToRequest(parseErrors) with { CodingConfirmed = true };
        WriteResult<SavedVacancy>? result = null;
        if (parseErrors.IsEmpty)
        {
            result = id is null ? await vacancies.CreateAsync(request, ct) : await vacancies.UpdateAsync(id.Value, request, ct);
            if (result.Outcome == WriteOutcome.NotFound)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                return Redirect($"/Placement/Vacancies/Details/{result.Value!.Id}?saved=1");
            }
        }

        foreach (var (key, value) in FieldErrorText.Merge(parseErrors, result?.Errors ?? vacancies.Validate(request)))
        {
            Errors[key] = value;
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(esco, null, ct);
        return Page();
    }
}
