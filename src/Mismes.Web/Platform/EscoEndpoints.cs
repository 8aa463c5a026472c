using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Mismes.Core.Common;
using Mismes.Core.Esco;

namespace Mismes.Web.Platform;

/// <summary>An ESCO concept as the search API returns it: the URI to store, the label to show, the label that matched.</summary>
public sealed record EscoChoiceDto(string Uri, string Label, string Code, string? MatchedLabel, string? MatchedLanguage, double Score);

/// <summary>
/// /api/v1/esco/occupations and /skills: ESCO searched in the reader's language, for every capability's type-ahead
/// (the pages also search server-side, so nothing depends on JavaScript). ESCO is public reference data with no
/// personal data, so the search is open to anyone, like the catalogue, under the search rate limit.
/// </summary>
internal static class EscoEndpoints
{
    public static IEndpointRouteBuilder MapEscoEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/esco").WithTags("ESCO");
        group.MapGet("/occupations", (string? q, string? culture, string? k, EscoLookup esco, IStringLocalizer<SharedResource> text) =>
                Search(q, culture, k, text, (query, c, n) => esco.Occupations(query, c, n)))
            .AllowAnonymous().RequireRateLimiting(RateLimits.Search)
            .WithName("SearchEscoOccupations")
            .WithSummary("ESCO occupations for a job title, best first, labelled in the requested language.");
        group.MapGet("/skills", (string? q, string? culture, string? k, EscoLookup esco, IStringLocalizer<SharedResource> text) =>
                Search(q, culture, k, text, (query, c, n) => esco.Skills(query, c, n)))
            .AllowAnonymous().RequireRateLimiting(RateLimits.Search)
            .WithName("SearchEscoSkills")
            .WithSummary("ESCO skills and knowledge for a skill phrase, best first, labelled in the requested language.");
        return app;
    }

    private static Results<Ok<IReadOnlyList<EscoChoiceDto>>, ValidationProblem> Search(
        string? q, string? culture, string? k, IStringLocalizer text, Func<string, string, int, IReadOnlyList<EscoChoice>> find)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(q))
        {
            errors.Add("q", "Validation.Required");
        }
        else if (q.Length > EscoLookup.MaxQueryLength)
        {
            errors.Add("q", "Validation.EscoQueryTooLong");
        }

        var size = 10;
        if (k is not null && (!int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > EscoLookup.MaxResults))
        {
            errors.Add("k", "Validation.EscoResultCount");
        }

        if (!errors.IsEmpty)
        {
            return FieldErrorText.Problem(errors, text, label: field => field);
        }

        var choices = find(q!, culture ?? CultureInfo.CurrentUICulture.Name, size);
        return TypedResults.Ok<IReadOnlyList<EscoChoiceDto>>(
            choices.Select(c => new EscoChoiceDto(c.Uri, c.Label, c.Code, c.MatchedLabel, c.MatchedLanguage, Math.Round(c.Score, 4))).ToList());
    }
}
