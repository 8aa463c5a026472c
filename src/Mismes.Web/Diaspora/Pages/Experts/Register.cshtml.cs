using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.Common;
using Mismes.Core.Diaspora.Experts;
using Mismes.Core.People;
using Mismes.Web.Platform;

namespace Mismes.Web.Diaspora.Pages.Experts;

/// <summary>The person part of a staff-made expert (the profile follows on the expert's page).</summary>
public sealed class ExpertPersonInput
{
    public string? FirstNameLatin { get; set; }
    public string? LastNameLatin { get; set; }
    public string? FirstNameArabic { get; set; }
    public string? LastNameArabic { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Sex { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? CountryOfResidence { get; set; }
    public bool ConfirmNotDuplicate { get; set; }
}

/// <summary>
/// Staff make an expert: find the person already in the registry and open their expert page, or register them
/// through PersonService (residing abroad, with its duplicate check). The search runs by POST: names stay out of URLs.
/// </summary>
[Authorize(Policy = DiasporaPolicies.ManageExperts)]
public sealed class RegisterModel(PersonService people, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ExpertPersonInput Input { get; set; } = new();

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
            ModelState.AddModelError("text", l["Diaspora.Expert.Register.Error.SearchText"]);
            return Page();
        }

        Found = (await people.SearchAsync(new PersonSearch { Text = text, Paging = new PageRequest(1, 20) }, ct)).Items;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var errors = new FieldErrors();
        var sex = DiasporaParsing.ParseEnum<Sex>(Input.Sex);
        if (!string.IsNullOrEmpty(Input.Sex) && sex is null)
        {
            errors.Add("Sex", PeopleErrors.InvalidValue);
        }

        if (!ExpertService.IsCountryCode(Input.CountryOfResidence) || string.Equals(Input.CountryOfResidence, "MA", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("CountryOfResidence", ExpertErrors.Country);
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
            CountryOfResidence = Input.CountryOfResidence?.Trim().ToUpperInvariant(),
            MigrationStatus = MigrationStatus.Abroad,
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
                TempData["Diaspora.Message"] = "Diaspora.Expert.Register.Done";
                return RedirectToPage("/Diaspora/Pages/Experts/Profile", new { id = result.PersonId, country = request.CountryOfResidence });
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
        var label = l["Diaspora.Expert.Register.Field." + field];
        return label.ResourceNotFound ? field : label.Value;
    }
}
