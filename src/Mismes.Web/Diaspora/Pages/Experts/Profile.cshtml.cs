using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.Common;
using Mismes.Core.Diaspora.Experts;
using Mismes.Core.Esco;
using Mismes.Web.Platform;
using CefrLevel = Mismes.Matching.CefrLevel;

namespace Mismes.Web.Diaspora.Pages.Experts;

/// <summary>
/// An expert's profile, for staff: residence, employer abroad, mission preferences and availability first (the profile
/// exists once they are saved), then ESCO occupations and skills found by searching in the reader's language (a plain
/// GET form, so it works without JavaScript), free domains, degrees with their EQF level and languages. Each change is
/// one small POST that saves the whole profile through ExpertService, as Placement's candidate page does.
/// </summary>
[Authorize(Policy = DiasporaPolicies.ManageExperts)]
public sealed class ProfileModel(ExpertService experts, EscoLookup esco, IStringLocalizer<SharedResource> l) : PageModel
{
    public ExpertRecord Record { get; private set; } = null!;

    public string Culture { get; } = CultureInfo.CurrentUICulture.Name;

    [BindProperty(SupportsGet = true, Name = "oq")]
    public string? OccupationQuery { get; set; }

    [BindProperty(SupportsGet = true, Name = "sq")]
    public string? SkillQuery { get; set; }

    public IReadOnlyList<EscoChoice> OccupationChoices { get; private set; } = [];

    public IReadOnlyList<EscoChoice> SkillChoices { get; private set; } = [];

    public string? Message { get; private set; }

    /// <summary>The details form's values: the saved profile's, or what was just posted when it was refused.</summary>
    public ExpertProfileInput Details { get; private set; } = new() { ResidenceCountry = "" };

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Message = TempData["Diaspora.Message"] as string;
        return await ShowAsync(id, null, ct);
    }

    public async Task<IActionResult> OnPostDetailsAsync(
        Guid id, string? residenceCountry, string? residenceCity, string? employerAbroad, string? domains, string? yearsOfExperience,
        string? mode, string? minMissionWeeks, string? maxMissionWeeks, CancellationToken ct)
    {
        var record = await experts.GetAsync(id, ct);
        if (record is null)
        {
            return NotFound();
        }

        var errors = new FieldErrors();
        var current = record.Profile is { } p ? ExpertService.Editable(p) : new ExpertProfileInput { ResidenceCountry = "" };
        var input = current with
        {
            ResidenceCountry = (residenceCountry ?? "").Trim(),
            ResidenceCity = (residenceCity ?? "").Trim(),
            EmployerAbroad = (employerAbroad ?? "").Trim(),
            Domains = [.. (domains ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            YearsOfExperience = Number(yearsOfExperience, "YearsOfExperience", ExpertErrors.Experience, errors, 0),
            Mode = DiasporaParsing.Optional(mode, errors, "Mode", ExpertErrors.Mode, MissionMode.Either),
            MinMissionWeeks = Number(minMissionWeeks, "MinMissionWeeks", ExpertErrors.Duration, errors, ExpertService.ShortestMissionWeeks),
            MaxMissionWeeks = Number(maxMissionWeeks, "MaxMissionWeeks", ExpertErrors.Duration, errors, ExpertService.LongestMissionWeeks),
        };
        return await SaveAsync(id, input, errors, ct);
    }

    public Task<IActionResult> OnPostAddOccupationAsync(Guid id, string? uri, CancellationToken ct) =>
        ChangeAsync(id, p => p with { OccupationUris = [.. p.OccupationUris.Where(u => u != uri), uri ?? ""] }, ct);

    public Task<IActionResult> OnPostRemoveOccupationAsync(Guid id, string? uri, CancellationToken ct) =>
        ChangeAsync(id, p => p with { OccupationUris = [.. p.OccupationUris.Where(u => u != uri)] }, ct);

    public Task<IActionResult> OnPostAddSkillAsync(Guid id, string? uri, CancellationToken ct) =>
        ChangeAsync(id, p => p with { SkillUris = [.. p.SkillUris.Where(u => u != uri), uri ?? ""] }, ct);

    public Task<IActionResult> OnPostRemoveSkillAsync(Guid id, string? uri, CancellationToken ct) =>
        ChangeAsync(id, p => p with { SkillUris = [.. p.SkillUris.Where(u => u != uri)] }, ct);

    public Task<IActionResult> OnPostAddLanguageAsync(Guid id, string? language, string? level, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var parsed = DiasporaParsing.Required(level, errors, "Level", ExpertErrors.Level, CefrLevel.A1);
        var code = (language ?? "").Trim().ToLowerInvariant();
        return ChangeAsync(id, p => p with { Languages = [.. p.Languages.Where(x => x.Language != code), new ExpertLanguageInput(code, parsed)] }, ct, errors);
    }

    public Task<IActionResult> OnPostRemoveLanguageAsync(Guid id, string? language, CancellationToken ct) =>
        ChangeAsync(id, p => p with { Languages = [.. p.Languages.Where(x => x.Language != language)] }, ct);

    public Task<IActionResult> OnPostAddDegreeAsync(Guid id, string? title, string? eqfLevel, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var eqf = Number(eqfLevel, "EqfLevel", ExpertErrors.Eqf, errors, 0);
        return ChangeAsync(id, p => p with { Degrees = [.. p.Degrees, new ExpertDegreeInput((title ?? "").Trim(), eqf)] }, ct, errors);
    }

    public Task<IActionResult> OnPostRemoveDegreeAsync(Guid id, int index, CancellationToken ct) =>
        ChangeAsync(id, p => p with { Degrees = [.. p.Degrees.Where((_, i) => i != index)] }, ct);

    public Task<IActionResult> OnPostAddAvailabilityAsync(Guid id, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (from is null || to is null)
        {
            errors.Add("Availability", ExpertErrors.Availability);
        }

        return ChangeAsync(id, p => p with { Availability = [.. p.Availability, new AvailabilityWindow(from ?? default, to ?? default)] }, ct, errors);
    }

    public Task<IActionResult> OnPostRemoveAvailabilityAsync(Guid id, int index, CancellationToken ct) =>
        ChangeAsync(id, p => p with { Availability = [.. p.Availability.Where((_, i) => i != index)] }, ct);

    private static int Number(string? text, string field, string key, FieldErrors errors, int fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(field, key);
        return fallback;
    }

    private async Task<IActionResult> ChangeAsync(Guid id, Func<ExpertProfileInput, ExpertProfileInput> change, CancellationToken ct, FieldErrors? parseErrors = null)
    {
        var record = await experts.GetAsync(id, ct);
        if (record is null)
        {
            return NotFound();
        }

        if (record.Profile is null)
        {
            // Occupations, skills and the rest hang on a profile: its residence comes first.
            var first = new FieldErrors();
            first.Add("ResidenceCountry", ExpertErrors.DetailsFirst);
            return await RefuseAsync(id, first, null, ct);
        }

        return await SaveAsync(id, change(ExpertService.Editable(record.Profile)), parseErrors ?? new FieldErrors(), ct);
    }

    private async Task<IActionResult> SaveAsync(Guid id, ExpertProfileInput input, FieldErrors parseErrors, CancellationToken ct)
    {
        if (!parseErrors.IsEmpty)
        {
            return await RefuseAsync(id, FieldErrorText.Merge(parseErrors, experts.Validate(input)), input, ct);
        }

        var result = await experts.SaveProfileAsync(id, input, ct);
        if (result.Outcome == WriteOutcome.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            return await RefuseAsync(id, result.Errors, input, ct);
        }

        TempData["Diaspora.Message"] = "Diaspora.Expert.Saved";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> RefuseAsync(Guid id, IReadOnlyDictionary<string, string[]> errors, ExpertProfileInput? posted, CancellationToken ct)
    {
        ModelState.Clear();
        FieldErrorText.AddTo(ModelState, errors, l, Label, prefix: "");
        return await ShowAsync(id, posted, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid id, ExpertProfileInput? posted, CancellationToken ct)
    {
        var record = await experts.GetAsync(id, ct);
        if (record is null)
        {
            return NotFound();
        }

        Record = record;
        Details = posted ?? (record.Profile is { } p
            ? ExpertService.Editable(p)
            : new ExpertProfileInput { ResidenceCountry = record.Person.CountryOfResidence });
        OccupationChoices = esco.Occupations(OccupationQuery, Culture);
        SkillChoices = esco.Skills(SkillQuery, Culture);
        return Page();
    }

    public string EscoLabel(string uri) => esco.Find(uri, Culture)?.Label ?? uri;

    private string Label(string field)
    {
        var label = l["Diaspora.Expert.Field." + field];
        return label.ResourceNotFound ? field : label.Value;
    }
}
