using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.Common;
using Mismes.Core.Esco;
using Mismes.Core.Recognition;
using Mismes.Web.Platform;

namespace Mismes.Web.Recognition.Pages;

/// <summary>
/// One application, from evidence to certificate: the skills to assess (ESCO search, no JavaScript needed), the
/// assessment session (date, assessors, level reached, skills validated), issuing the signed certificate, and
/// revoking it. Each step is a small POST; the page is another institution's "not found".
/// </summary>
[Authorize(Policy = RecognitionPolicies.ManageValidations)]
public sealed class ApplicationModel(ValidationService validations, EscoLookup esco, PublicLinks links, IStringLocalizer<SharedResource> l) : PageModel
{
    public ValidationApplicationView Application { get; private set; } = null!;

    public CertificateDisplay? Certificate { get; private set; }

    [BindProperty(SupportsGet = true, Name = "sq")]
    public string? SkillQuery { get; set; }

    public IReadOnlyList<EscoChoice> Found { get; private set; } = [];

    public string? Message { get; private set; }

    public sealed class AssessmentModel
    {
        public DateOnly? AssessedOn { get; set; }
        public string? Assessors { get; set; }
        public int? EqfLevel { get; set; }
        public List<string> Validated { get; set; } = [];
    }

    [BindProperty]
    public AssessmentModel Assessment { get; set; } = new();

    public string Culture { get; } = CultureInfo.CurrentUICulture.Name;

    public string Label(string uri) => esco.Find(uri, Culture)?.Label ?? uri;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Message = TempData["Recognition.Message"] as string;
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Assessment = new()
        {
            AssessedOn = Application.AssessedOn,
            Assessors = Application.Assessors,
            EqfLevel = Application.EqfLevel,
            Validated = [.. Application.Skills.Where(s => s.Outcome == SkillOutcome.Validated).Select(s => s.Uri)],
        };
        return Page();
    }

    public Task<IActionResult> OnPostAddSkillAsync(Guid id, string? uri, CancellationToken ct) =>
        AfterAsync(id, validations.AddSkillAsync(id, uri, ct), "Recognition.Application.Saved", "", ct);

    public Task<IActionResult> OnPostRemoveSkillAsync(Guid id, string? uri, CancellationToken ct) =>
        AfterAsync(id, validations.RemoveSkillAsync(id, uri, ct), "Recognition.Application.Saved", "", ct);

    public async Task<IActionResult> OnPostAssessAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var missing = new FieldErrors();
        if (Assessment.AssessedOn is null)
        {
            missing.Add(nameof(AssessmentInput.AssessedOn), RecognitionErrors.Date);
        }

        if (Assessment.EqfLevel is null)
        {
            missing.Add(nameof(AssessmentInput.EqfLevel), RecognitionErrors.Eqf);
        }

        if (!missing.IsEmpty)
        {
            if (!await LoadAsync(id, ct))
            {
                return NotFound();
            }

            RecognitionForm.AddErrors(ModelState, missing, l, "Assessment.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return await AfterAsync(id, validations.AssessAsync(id, new AssessmentInput
        {
            AssessedOn = Assessment.AssessedOn!.Value,
            Assessors = Assessment.Assessors ?? "",
            EqfLevel = Assessment.EqfLevel!.Value,
            Validated = Assessment.Validated,
        }, ct), "Recognition.Application.Assessed", "Assessment.", ct);
    }

    public async Task<IActionResult> OnPostCertifyAsync(Guid id, CancellationToken ct)
    {
        var result = await validations.CertifyAsync(id, links.BaseUrl, ct);
        return await AfterAsync(id, result, "Recognition.Certificate.Issued", "", ct);
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, Guid certificateId, string? reason, CancellationToken ct)
    {
        var application = await validations.GetAsync(id, ct);
        if (application?.Certificate is null || application.Certificate.Id != certificateId)
        {
            return NotFound();
        }

        return await AfterAsync(id, validations.RevokeAsync(certificateId, reason, ct), "Recognition.Certificate.RevokedNow", "", ct);
    }

    private async Task<IActionResult> AfterAsync<T>(Guid id, Task<WriteResult<T>> change, string savedKey, string prefix, CancellationToken ct) =>
        await AfterAsync(id, await change, savedKey, prefix, ct);

    private async Task<IActionResult> AfterAsync<T>(Guid id, WriteResult<T> result, string savedKey, string prefix, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Ok:
                TempData["Recognition.Message"] = savedKey;
                return RedirectToPage(new { id });
        }

        ModelState.Clear();
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (result.Outcome == WriteOutcome.Conflict)
        {
            ModelState.AddModelError("", l[result.ConflictKey!].Value);
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        else
        {
            RecognitionForm.AddErrors(ModelState, result.Errors, l, prefix);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var application = await validations.GetAsync(id, ct);
        if (application is null)
        {
            return false;
        }

        Application = application;
        Certificate = application.Certificate is null ? null : CertificateDisplay.Of(application.Certificate, esco, links);
        var chosen = application.Skills.Select(s => s.Uri).ToHashSet(StringComparer.Ordinal);
        Found = SkillQuery is { Length: > 0 and <= 200 } && TextRules.IsClean(SkillQuery)
            ? [.. esco.Skills(SkillQuery, Culture, 10).Where(s => !chosen.Contains(s.Uri))]
            : [];
        return true;
    }
}
