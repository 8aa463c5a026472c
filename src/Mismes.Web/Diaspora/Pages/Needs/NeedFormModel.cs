using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.Common;
using Mismes.Core.Diaspora.Experts;
using Mismes.Core.Diaspora.Needs;
using Mismes.Core.Esco;
using Mismes.Web.Diaspora.Api;
using Mismes.Web.Platform;

namespace Mismes.Web.Diaspora.Pages.Needs;

/// <summary>A need as the form posts it: text only, parsed here so a bad value is a field error, never a 400 page.</summary>
public sealed class NeedInput
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Type { get; set; }
    public string? Status { get; set; }
    public string? OccupationUri { get; set; }
    public string[] SkillUris { get; set; } = [];
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public string? Place { get; set; }
    public string? Mode { get; set; }
    public string? BudgetMad { get; set; }

    public static NeedInput From(NeedView n) => new()
    {
        Title = n.Title, Description = n.Description, Type = n.Type.ToString(), Status = n.Status.ToString(), OccupationUri = n.OccupationUri,
        SkillUris = [.. n.SkillUris], StartDate = n.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        EndDate = n.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Place = n.Place, Mode = n.Mode.ToString(),
        BudgetMad = n.BudgetMad?.ToString(CultureInfo.InvariantCulture),
    };

    public SaveNeed ToRequest(FieldErrors errors) => new()
    {
        Title = Title ?? "",
        Description = Description ?? "",
        Type = DiasporaParsing.Required(Type, errors, "Type", NeedErrors.Choice, NeedType.ExpertiseMission),
        Status = DiasporaParsing.Optional(Status, errors, "Status", NeedErrors.Choice, NeedStatus.Open),
        Mode = DiasporaParsing.Optional(Mode, errors, "Mode", NeedErrors.Choice, MissionMode.Either),
        OccupationUri = string.IsNullOrWhiteSpace(OccupationUri) ? null : OccupationUri,
        SkillUris = [.. SkillUris.Where(u => !string.IsNullOrWhiteSpace(u)).Distinct(StringComparer.Ordinal)],
        StartDate = NeedLabels.Date(StartDate, "StartDate", errors),
        EndDate = NeedLabels.Date(EndDate, "EndDate", errors),
        Place = Place ?? "",
        BudgetMad = Budget(errors),
    };

    private decimal? Budget(FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(BudgetMad))
        {
            return null;
        }

        // Both "12 000,50" (French) and "12000.50" are read; anything else is a field error.
        var text = BudgetMad.Replace(" ", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Replace(',', '.');
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add("BudgetMad", NeedErrors.Number);
        return null;
    }
}

/// <summary>
/// What the create and edit pages share. "Propose" asks the taxonomy for occupations and skills from the title and
/// description (a plain POST, no JavaScript); the author keeps or changes them and saves, which confirms the coding.
/// </summary>
public abstract class NeedFormModel(NeedService needs, EscoLookup esco, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public NeedInput Input { get; set; } = new();

    public IReadOnlyList<EscoChoice> OccupationChoices { get; private set; } = [];

    public IReadOnlyList<EscoChoice> SkillChoices { get; private set; } = [];

    public bool Proposed { get; private set; }

    public string Culture { get; } = CultureInfo.CurrentUICulture.Name;

    protected NeedService Needs => needs;

    /// <summary>The options shown: what the taxonomy proposed, plus what the need already holds (so nothing chosen disappears).</summary>
    protected void LoadChoices(NeedCodingProposal? proposal)
    {
        Proposed = proposal is not null;
        var occupations = proposal?.Occupations.ToList() ?? [];
        if (Input.OccupationUri is { Length: > 0 } uri && occupations.All(o => o.Uri != uri) && esco.Find(uri, Culture) is { } current)
        {
            occupations.Insert(0, current);
        }

        var skills = proposal?.Skills.ToList() ?? [];
        foreach (var s in Input.SkillUris.Reverse())
        {
            if (skills.All(c => c.Uri != s) && esco.Find(s, Culture) is { } held)
            {
                skills.Insert(0, held);
            }
        }

        OccupationChoices = occupations;
        SkillChoices = skills;
    }

    public IActionResult OnPostPropose()
    {
        ModelState.Clear();
        var proposal = needs.ProposeCoding(Input.Title, Input.Description, Culture);
        if (Input.SkillUris.Length == 0)
        {
            // First proposal on a need with no skills yet: the proposed skills start ticked, for the author to untick.
            Input.SkillUris = [.. proposal.Skills.Select(s => s.Uri)];
            Input.OccupationUri ??= proposal.Occupations.Count > 0 ? proposal.Occupations[0].Uri : null;
        }

        LoadChoices(proposal);
        return Page();
    }

    protected IActionResult Refuse(IReadOnlyDictionary<string, string[]> errors)
    {
        ModelState.Clear();
        FieldErrorText.AddTo(ModelState, errors, l, NeedLabels.For(l));
        LoadChoices(null);
        return Page();
    }
}
