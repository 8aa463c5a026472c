using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.Common;
using Mismes.Core.People;
using Mismes.Web.Platform;

namespace Mismes.Web.Placement.Pages.Candidates;

/// <summary>The person part of an advisor-assisted registration (the profile follows on the candidate's page).</summary>
public sealed class CandidatePersonInput
{
    public string? FirstNameLatin { get; set; }
    public string? LastNameLatin { get; set; }
    public string? FirstNameArabic { get; set; }
    public string? LastNameArabic { get; set; }

    [DataType(DataType.Date)]
    public DateOnly? BirthDate { get; set; }

    public string? Sex { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public bool ConfirmNotDuplicate { get; set; }
}

/// <summary>
/// Advisor-assisted registration at an agency: find the person already in the registry and open their candidate page,
/// or register them through PersonService with its duplicate check (possible duplicates are shown to choose from,
/// or confirmed as a different person). The search runs by POST: names stay out of URLs (ADR 0018).
/// </summary>
[Authorize(Policy = PlacementPolicies.ManageCandidates)]
public sealed class RegisterModel(PersonService people, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public CandidatePersonInput Input { get; set; } = new();

    public string? SearchText { get; private set; }

    public IReadOnlyList<PersonSummary> Found { get; private set; } = [];

    public IReadOnlyList<DuplicateCandidate> Duplicates { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostFindAsync(string? text, CancellationToken ct)
    {
        ModelState.Clear();
        SearchText = text;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200 || !TextRules.IsClean(text))
        {
            ModelState.AddModelError("text", l["Placement.Register.Error.SearchText"]);
            return Page();
        }

        Found = (await people.SearchAsync(new PersonSearch { Text = text, Paging = new PageRequest(1, 20) }, ct)).Items;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var errors = new FieldErrors();
        var sex = PlacementParsing.ParseEnum<Sex>(Input.Sex);
        if (Input.Sex is not null && sex is null)
        {
            errors.Add("Sex", PeopleErrors.InvalidValue);
        }

        var request = new CreatePerson
        {
            FirstNameLatin = Input.FirstNameLatin ?? "",
            LastNameLatin = Input.LastNameLatin ?? "",
            FirstNameArabic = Input.FirstNameArabic,
            LastNameArabic = Input.LastNameArabic,
            BirthDate = Input.BirthDate,
            Sex = sex,
            Phone = Input.Phone,
            Email = Input.Email,
            CountryOfResidence = "MA",
            MigrationStatus = MigrationStatus.ProspectiveMigrant,
            ConfirmedNotDuplicate = Input.ConfirmNotDuplicate,
        };
        if (!errors.IsEmpty)
        {
            FieldErrorText.AddTo(ModelState, FieldErrorText.Merge(errors, people.Validate(request)), l, Label);
            return Page();
        }

        var result = await people.CreateAsync(request, ct);
        switch (result.Outcome)
        {
            case PersonOutcome.Ok:
                TempData["Placement.Message"] = "Placement.Register.Done";
                return RedirectToPage("/Placement/Pages/Candidates/Profile", new { id = result.PersonId });
            case PersonOutcome.PossibleDuplicates:
                Duplicates = result.Duplicates;
                return Page();
            default:
                FieldErrorText.AddTo(ModelState, result.Errors, l, Label);
                return Page();
        }
    }

    private string Label(string field)
    {
        var label = l["Placement.Register.Field." + field];
        return label.ResourceNotFound ? field : label.Value;
    }
}
