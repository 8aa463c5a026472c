using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Mismes.Core.Common;
using Mismes.Core.Placement.Candidates;
using Mismes.Core.Placement.Matching;
using Mismes.Matching;
using Mismes.Web.Platform;
using CefrLevel = Mismes.Matching.CefrLevel;

namespace Mismes.Web.Placement.Api;

public sealed record CandidateOccupationDto(string OccupationUri, int ExperienceMonths);

public sealed record CandidateSkillDto(string SkillUri, string Evidence);

public sealed record CandidateLanguageDto(string Language, string Level);

/// <summary>A candidate's profile; the person's own record (names, contact, consents) is read from /api/v1/people.</summary>
public sealed record CandidateDto(
    Guid PersonId,
    long CandidateId,
    string Source,
    IReadOnlyList<CandidateOccupationDto> Occupations,
    IReadOnlyList<CandidateSkillDto> Skills,
    IReadOnlyList<CandidateLanguageDto> Languages,
    int? EqfLevel,
    DateOnly? AvailableFrom,
    DateOnly? AvailableTo,
    IReadOnlyList<string> CountriesWanted,
    bool SharesProfileWithForeignEmployers,
    DateTimeOffset UpdatedAt)
{
    public static CandidateDto From(CandidateProfileView p, bool consent) => new(
        p.PersonId, p.Id, p.Source.ToString(),
        [.. p.Occupations.Select(o => new CandidateOccupationDto(o.OccupationUri, o.ExperienceMonths))],
        [.. p.Skills.Select(s => new CandidateSkillDto(s.SkillUri, s.Evidence.ToString()))],
        [.. p.Languages.Select(l => new CandidateLanguageDto(l.Language, l.Level.ToString()))],
        p.EqfLevel, p.AvailableFrom, p.AvailableTo, p.CountriesWanted, consent, p.UpdatedAt);
}

/// <summary>A person's candidacy: whether they may be proposed to foreign employers, and their profile (null until one is made).</summary>
public sealed record CandidacyDto(Guid PersonId, bool SharesProfileWithForeignEmployers, CandidateDto? Profile);

public sealed record CandidateProfileBody(
    IReadOnlyList<CandidateOccupationDto>? Occupations,
    IReadOnlyList<CandidateSkillDto>? Skills,
    IReadOnlyList<CandidateLanguageDto>? Languages,
    int? EqfLevel,
    DateOnly? AvailableFrom,
    DateOnly? AvailableTo,
    IReadOnlyList<string>? CountriesWanted);

public sealed record RankLanguageBody(string? Language, string? Minimum);

/// <summary>What a vacancy asks, in ESCO URIs; k is how many candidates to return (1–500, 50 by default).</summary>
public sealed record RankBody(
    string? OccupationUri,
    IReadOnlyList<string>? EssentialSkillUris,
    IReadOnlyList<string>? OptionalSkillUris,
    IReadOnlyList<RankLanguageBody>? Languages,
    int? MinimumEqfLevel,
    int? MinimumExperienceMonths,
    string? Country,
    DateOnly? StartDate,
    DateOnly? EndDate,
    Guid? InstitutionId,
    int? K);

/// <summary>
/// /api/v1/placement/candidates: the same CandidateService and index the pages use. A person of another institution
/// is 404. Ranking answers candidate and person ids with the explanation, never names: a shortlist discloses them.
/// </summary>
internal static class CandidateEndpoints
{
    public static IEndpointRouteBuilder MapCandidateEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/placement/candidates").WithTags("Placement").RequireAuthorization(PlacementPolicies.ManageCandidates);
        group.MapGet("/", ListAsync).RequireRateLimiting(RateLimits.Search).WithName("ListCandidates").WithSummary("The institution's candidates, most recently updated first; filter by ESCO occupation.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetCandidate").WithSummary("A person's placement profile (audited read).");
        group.MapPut("/{id:guid}", SaveAsync).WithName("SaveCandidate").WithSummary("Create or replace a person's placement profile.");
        group.MapPost("/rank", RankAsync).RequireRateLimiting(RateLimits.Search).WithName("RankCandidates").WithSummary("Candidates with current consent ranked for a vacancy's requirements, with explanations and skill gaps.");
        return app;
    }

    private static async Task<Results<Ok<Paged<CandidateListItem>>, ValidationProblem>> ListAsync(
        CandidateService candidates, IStringLocalizer<SharedResource> l, string? occupation, string? page, string? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = ApiPaging.Read(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return FieldErrorText.Problem(errors, l, l["Placement.Candidate.Error.Title"]);
        }

        return TypedResults.Ok(await candidates.ListAsync(new CandidateSearch { OccupationUri = occupation, Paging = paging }, ct));
    }

    private static async Task<Results<Ok<CandidacyDto>, NotFound>> GetAsync(Guid id, CandidateService candidates, CancellationToken ct)
    {
        var record = await candidates.GetAsync(id, ct);
        return record is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new CandidacyDto(id, record.SharesProfileWithForeignEmployers,
                record.Profile is { } profile ? CandidateDto.From(profile, record.SharesProfileWithForeignEmployers) : null));
    }

    private static async Task<Results<Ok<CandidateDto>, NotFound, ValidationProblem>> SaveAsync(
        Guid id, CandidateProfileBody body, CandidateService candidates, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = ToInput(body, errors);
        if (!errors.IsEmpty)
        {
            return FieldErrorText.Problem(errors, l, l["Placement.Candidate.Error.Title"]);
        }

        var result = await candidates.SaveProfileAsync(id, input, ct);
        if (result.Outcome == WriteOutcome.NotFound)
        {
            return TypedResults.NotFound();
        }

        if (!result.Succeeded)
        {
            return FieldErrorText.Problem(result.Errors, l, l["Placement.Candidate.Error.Title"]);
        }

        var record = await candidates.GetAsync(id, ct);
        return TypedResults.Ok(CandidateDto.From(result.Value!, record?.SharesProfileWithForeignEmployers ?? false));
    }

    private static async Task<Results<Ok<CandidateRanking>, ValidationProblem>> RankAsync(
        RankBody body, CandidateIndex index, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var languages = new List<LanguageMinimum>();
        foreach (var language in (body.Languages ?? []).OfType<RankLanguageBody>())
        {
            var level = PlacementParsing.Required(language.Minimum, errors, "Languages", CandidateErrors.Level, CefrLevel.A1);
            languages.Add(new LanguageMinimum(language.Language ?? "", level));
        }

        var query = new CandidateQuery
        {
            OccupationUri = string.IsNullOrWhiteSpace(body.OccupationUri) ? null : body.OccupationUri,
            EssentialSkillUris = [.. (body.EssentialSkillUris ?? []).Select(u => u ?? "")],
            OptionalSkillUris = [.. (body.OptionalSkillUris ?? []).Select(u => u ?? "")],
            Languages = languages,
            MinimumEqfLevel = body.MinimumEqfLevel,
            MinimumExperienceMonths = body.MinimumExperienceMonths ?? 0,
            Country = string.IsNullOrWhiteSpace(body.Country) ? null : body.Country,
            StartDate = body.StartDate,
            EndDate = body.EndDate,
            InstitutionId = body.InstitutionId,
        };
        foreach (var (field, keys) in index.Validate(query, body.K ?? 50))
        {
            foreach (var key in keys)
            {
                errors.Add(field, key);
            }
        }

        if (!errors.IsEmpty)
        {
            return FieldErrorText.Problem(errors, l, l["Placement.Candidate.Error.Title"]);
        }

        var result = await index.RankAsync(query, body.K ?? 50, ct);
        return TypedResults.Ok(result.Value!);
    }

    private static CandidateProfileInput ToInput(CandidateProfileBody body, FieldErrors errors) => new()
    {
        Occupations = [.. (body.Occupations ?? []).OfType<CandidateOccupationDto>().Select(o => new OccupationExperienceInput(o.OccupationUri ?? "", o.ExperienceMonths))],
        Skills = [.. (body.Skills ?? []).OfType<CandidateSkillDto>().Select(s => new SkillEvidenceInput(s.SkillUri ?? "",
            PlacementParsing.Required(s.Evidence, errors, "Evidence", CandidateErrors.Evidence, SkillEvidence.Declared)))],
        Languages = [.. (body.Languages ?? []).OfType<CandidateLanguageDto>().Select(x => new LanguageLevelInput(x.Language ?? "",
            PlacementParsing.Required(x.Level, errors, "Level", CandidateErrors.Level, CefrLevel.A1)))],
        EqfLevel = body.EqfLevel,
        AvailableFrom = body.AvailableFrom,
        AvailableTo = body.AvailableTo,
        CountriesWanted = [.. (body.CountriesWanted ?? []).Select(c => c ?? "")],
    };

    internal static string Id(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);
}
