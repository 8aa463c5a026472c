using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Mismes.Core.Catalogue;
using Mismes.Core.Catalogue.Eligibility;
using Mismes.Web.Platform;

namespace Mismes.Web.Catalogue.Pages.Eligibility;

/// <summary>The finder's pages, in the order they are asked.</summary>
public enum FinderStep
{
    Start,
    Situation,
    Schooling,
    Languages,
    Field,
    Country,
    Results,
}

/// <summary>
/// /Eligibility: "which measures are for me?", for the 89 % of returnees who never heard of any programme. GOV.UK
/// pattern: one plain question per page, every answer but the first may be skipped, then the measures that fit, each
/// with why and what to do next. Anonymous and without JavaScript; every step is a POST (antiforgery-protected), and
/// the answers travel only in one hidden field — never in a URL, never stored (they are not personal data, but
/// nobody needs to keep them).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.PublicForm)]
public sealed class IndexModel(EligibilityService eligibility, IStringLocalizer<SharedResource> l) : PageModel
{
    public FinderStep Step { get; private set; } = FinderStep.Start;

    public FinderAnswers Answers { get; private set; } = new();

    public IReadOnlyList<FinderMatch> Matches { get; private set; } = [];

    public string State => Write(Answers);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? state, string? step, string? action, CancellationToken ct)
    {
        Answers = Read(state);
        var current = Enum.TryParse<FinderStep>(step, out var s) && Enum.IsDefined(s) ? s : FinderStep.Start;
        if (action is { } a && a.StartsWith("change:", StringComparison.Ordinal)
            && Enum.TryParse<FinderStep>(a["change:".Length..], out var target) && target is > FinderStep.Start and < FinderStep.Results)
        {
            Step = target;
            return Page();
        }

        if (action == "back")
        {
            Step = current <= FinderStep.Situation ? FinderStep.Start : current - 1;
            return Page();
        }

        if (current == FinderStep.Situation)
        {
            var situation = ParseEnum<Situation>(Request.Form["Situation"]);
            if (situation is null)
            {
                // The one question that cannot be skipped: every rule starts from where a person stands.
                ModelState.AddModelError("Situation", l["Catalogue.Finder.Error.Situation"]);
                Step = FinderStep.Situation;
                return Page();
            }

            Answers = Answers with { Situation = situation };
        }
        else if (current == FinderStep.Schooling)
        {
            Answers = Answers with { Schooling = action == "skip" ? null : ParseEnum<Schooling>(Request.Form["Schooling"]) };
        }
        else if (current == FinderStep.Languages)
        {
            Answers = Answers with { Languages = action == "skip" ? [] : Known(Request.Form["Languages"], EligibilityVocabulary.Languages) };
        }
        else if (current == FinderStep.Field)
        {
            Answers = Answers with { Field = action == "skip" ? null : ParseEnum<WorkField>(Request.Form["Field"]) };
        }
        else if (current == FinderStep.Country)
        {
            Answers = Answers with { Country = action == "skip" ? null : Known(Request.Form["Country"], EligibilityVocabulary.Countries).FirstOrDefault() };
        }

        Step = current == FinderStep.Results ? FinderStep.Results : current + 1;
        if (Answers.Situation is null && Step > FinderStep.Situation)
        {
            Step = FinderStep.Situation;
        }

        if (Step == FinderStep.Results)
        {
            Matches = await eligibility.FindAsync(Answers, CatalogueCultures.Normalize(CultureInfo.CurrentUICulture), ct);
        }

        return Page();
    }

    /// <summary>The one hidden field: "s=Returned;e=Vocational;l=ar,fr;f=Construction;c=ES". Anything unknown is dropped.</summary>
    public static string Write(FinderAnswers a) => string.Join(';', new[]
    {
        a.Situation is { } s ? "s=" + s : null,
        a.Schooling is { } e ? "e=" + e : null,
        a.Languages.Count > 0 ? "l=" + string.Join(',', a.Languages) : null,
        a.Field is { } f ? "f=" + f : null,
        a.Country is { } c ? "c=" + c : null,
    }.Where(x => x is not null));

    public static FinderAnswers Read(string? state)
    {
        var answers = new FinderAnswers();
        if (string.IsNullOrEmpty(state) || state.Length > 500)
        {
            return answers;
        }

        foreach (var part in state.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = part.IndexOf('=', StringComparison.Ordinal) is var i and > 0 ? (part[..i], part[(i + 1)..]) : (part, "");
            answers = key switch
            {
                "s" => answers with { Situation = ParseEnum<Situation>(value) },
                "e" => answers with { Schooling = ParseEnum<Schooling>(value) },
                "l" => answers with { Languages = Known(value.Split(','), EligibilityVocabulary.Languages) },
                "f" => answers with { Field = ParseEnum<WorkField>(value) },
                "c" => answers with { Country = Known([value], EligibilityVocabulary.Countries).FirstOrDefault() },
                _ => answers,
            };
        }

        return answers;
    }

    private static T? ParseEnum<T>(string? value)
        where T : struct, Enum =>
        value is not null && value.All(char.IsAsciiLetter) && Enum.TryParse<T>(value, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;

    private static List<string> Known(IEnumerable<string?> values, IReadOnlyList<string> allowed) =>
        allowed.Where(x => values.Contains(x, StringComparer.Ordinal)).ToList();
}
