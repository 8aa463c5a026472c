using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.Common;
using Mismes.Core.Esco;
using Mismes.Core.People;
using Mismes.Core.Placement.Candidates;
using Mismes.Matching;
using Mismes.Web.Platform;
using CefrLevel = Mismes.Matching.CefrLevel;

namespace Mismes.Web.Placement.Pages.Candidates;

/// <summary>
/// A person's placement profile, for advisors: occupations and skills found by searching ESCO in the advisor's language
/// (a plain GET form, so it works without JavaScript), languages, education, availability and countries wanted, and the
/// consent that makes the candidate rankable. Each change is one small POST that saves the whole profile.
/// </summary>
[Authorize(Policy = PlacementPolicies.ManageCandidates)]
public sealed class ProfileModel(CandidateService candidates, PersonService people, EscoLookup esco, IStringLocalizer<SharedResource> l) : PageModel
{
    public static readonly IReadOnlyList<string> LanguageCodes = ["ar", "fr", "es", "en", "de", "it", "pt", "nl", "zgh"];

    public static readonly IReadOnlyList<string> Countries = ["ES", "FR", "DE", "IT", "BE", "NL", "PT", "CA", "GB", "QA", "SA", "AE"];

    public CandidateRecord Record { get; private set; } = null!;

    public EscoLookup Esco => esco;

    public string Culture { get; } = CultureInfo.CurrentUICulture.Name;

    [BindProperty(SupportsGet = true, Name = "oq")]
    public string? OccupationQuery { get; set; }

    [BindProperty(SupportsGet = true, Name = "sq")]
    public string? SkillQuery { get; set; }

    public IReadOnlyList<EscoChoice> OccupationChoices { get; private set; } = [];

    public IReadOnlyList<EscoChoice> SkillChoices { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Message = TempData["Placement.Message"] as string;
        return await ShowAsync(id, ct);
    }

    public Task<IActionResult> OnPostAddOccupationAsync(Guid id, string? uri, int? months, CancellationToken ct) =>
        ChangeAsync(id, p => p with
        {
            Occupations = [.. p.Occupations.Where(o => o.OccupationUri != uri), new OccupationExperienceInput(uri ?? "", months ?? 0)],
        }, ct);

    public Task<IActionResult> OnPostRemoveOccupationAsync(Guid id, string? uri, CancellationToken ct) =>
        ChangeAsync(id, p => p with { Occupations = [.. p.Occupations.Where(o => o.OccupationUri != uri)] }, ct);

    public Task<IActionResult> OnPostAddSkillAsync(Guid id, string? uri, string? evidence, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var parsed = PlacementParsing.Required(evidence, errors, "Evidence", CandidateErrors.Evidence, SkillEvidence.Declared);
        return ChangeAsync(id, p => p with
        {
            Skills = [.. p.Skills.Where(s => s.SkillUri != uri), new SkillEvidenceInput(uri ?? "", parsed)],
        }, ct, errors);
    }

    public Task<IActionResult> OnPostRemoveSkillAsync(Guid id, string? uri, CancellationToken ct) =>
        ChangeAsync(id, p => p with { Skills = [.. p.Skills.Where(s => s.SkillUri != uri)] }, ct);

    public Task<IActionResult> OnPostAddLanguageAsync(Guid id, string? language, string? level, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var parsed = PlacementParsing.Required(level, errors, "Level", CandidateErrors.Level, CefrLevel.A1);
        var code = (language ?? "").Trim().ToLowerInvariant();
        return ChangeAsync(id, p => p with
        {
            Languages = [.. p.Languages.Where(x => x.Language != code), new LanguageLevelInput(code, parsed)],
        }, ct, errors);
    }

    public Task<IActionResult> OnPostRemoveLanguageAsync(Guid id, string? language, CancellationToken ct) =>
        ChangeAsync(id, p => p with { Languages = [.. p.Languages.Where(x => x.Language != language)] }, ct);

    public Task<IActionResult> OnPostDetailsAsync(Guid id, int? eqf, DateOnly? availableFrom, DateOnly? availableTo, string[]? countries, CancellationToken ct) =>
        ChangeAsync(id, p => p with
        {
            EqfLevel = eqf, AvailableFrom = availableFrom, AvailableTo = availableTo, CountriesWanted = countries ?? [],
        }, ct);

    public async Task<IActionResult> OnPostConsentAsync(Guid id, bool given, CancellationToken ct)
    {
        var result = given
            ? await people.GiveConsentAsync(id, ConsentPurpose.ShareProfileWithForeignEmployers, ConsentChannel.InPerson, null, ct)
            : await people.WithdrawConsentAsync(id, ConsentPurpose.ShareProfileWithForeignEmployers, ConsentChannel.InPerson, ct);
        if (result.Outcome == PersonOutcome.NotFound)
        {
            return NotFound();
        }

        TempData["Placement.Message"] = given ? "Placement.Candidate.Consent.Recorded" : "Placement.Candidate.Consent.Withdrawn";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> ChangeAsync(Guid id, Func<CandidateProfileInput, CandidateProfileInput> change, CancellationToken ct, FieldErrors? parseErrors = null)
    {
        var current = await candidates.EditableAsync(id, ct);
        if (current is null)
        {
            return NotFound();
        }

        if (parseErrors is { IsEmpty: false })
        {
            FieldErrorText.AddTo(ModelState, parseErrors, l, prefix: "");
            return await ShowAsync(id, ct);
        }

        var result = await candidates.SaveProfileAsync(id, change(current), ct);
        if (result.Outcome == WriteOutcome.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            FieldErrorText.AddTo(ModelState, result.Errors, l, prefix: "");
            return await ShowAsync(id, ct);
        }

        TempData["Placement.Message"] = "Placement.Candidate.Saved";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        var record = await candidates.GetAsync(id, ct);
        if (record is null)
        {
            return NotFound();
        }

        Record = record;
        OccupationChoices = esco.Occupations(OccupationQuery, Culture);
        SkillChoices = esco.Skills(SkillQuery, Culture);
        return Page();
    }

    public string Label(string uri) => esco.Find(uri, Culture)?.Label ?? uri;
}
