using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Mismes.Core.Common;
using Mismes.Core.Diaspora.Experts;
using Mismes.Matching;
using Mismes.Web.Platform;

namespace Mismes.Web.Diaspora.Api;

public sealed record ExpertLanguageDto(string Language, string Level);

public sealed record ExpertDegreeDto(string Title, int EqfLevel);

public sealed record AvailabilityDto(DateOnly From, DateOnly To);

/// <summary>An expert's profile; the person's own record (names, contact) is read from /api/v1/people.</summary>
public sealed record ExpertDto(
    Guid PersonId,
    long ExpertId,
    string Source,
    string ResidenceCountry,
    string ResidenceCity,
    string EmployerAbroad,
    IReadOnlyList<string> OccupationUris,
    IReadOnlyList<string> SkillUris,
    IReadOnlyList<string> Domains,
    IReadOnlyList<ExpertDegreeDto> Degrees,
    int YearsOfExperience,
    IReadOnlyList<ExpertLanguageDto> Languages,
    IReadOnlyList<AvailabilityDto> Availability,
    string Mode,
    int MinMissionWeeks,
    int MaxMissionWeeks,
    DateTimeOffset UpdatedAt)
{
    public static ExpertDto From(ExpertProfileView p) => new(
        p.PersonId, p.Id, p.Source.ToString(), p.ResidenceCountry, p.ResidenceCity, p.EmployerAbroad,
        p.OccupationUris, p.SkillUris, p.Domains,
        [.. p.Degrees.Select(d => new ExpertDegreeDto(d.Title, d.EqfLevel))],
        p.YearsOfExperience,
        [.. p.Languages.Select(l => new ExpertLanguageDto(l.Language, l.Level.ToString()))],
        [.. p.Availability.Select(a => new AvailabilityDto(a.From, a.To))],
        p.Mode.ToString(), p.MinMissionWeeks, p.MaxMissionWeeks, p.UpdatedAt);
}

/// <summary>A person's expert record: their profile, null until one is made.</summary>
public sealed record ExpertRecordDto(Guid PersonId, ExpertDto? Profile);

public sealed record ExpertProfileBody(
    string? ResidenceCountry,
    string? ResidenceCity,
    string? EmployerAbroad,
    IReadOnlyList<string>? OccupationUris,
    IReadOnlyList<string>? SkillUris,
    IReadOnlyList<string>? Domains,
    IReadOnlyList<ExpertDegreeDto>? Degrees,
    int? YearsOfExperience,
    IReadOnlyList<ExpertLanguageDto>? Languages,
    IReadOnlyList<AvailabilityDto>? Availability,
    string? Mode,
    int? MinMissionWeeks,
    int? MaxMissionWeeks);

/// <summary>/api/v1/diaspora/experts: the same ExpertService the pages use. A person of another institution is 404.</summary>
internal static class ExpertEndpoints
{
    public static IEndpointRouteBuilder MapExpertEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/diaspora/experts").WithTags("Diaspora").RequireAuthorization(DiasporaPolicies.ManageExperts);
        group.MapGet("/", ListAsync).RequireRateLimiting(RateLimits.Search).WithName("ListExperts").WithSummary("The institution's experts abroad, most recently updated first; filter by country of residence.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetExpert").WithSummary("A person's expert profile (audited read).");
        group.MapPut("/{id:guid}", SaveAsync).WithName("SaveExpert").WithSummary("Create or replace a person's expert profile.");
        return app;
    }

    private static async Task<Results<Ok<Paged<ExpertListItem>>, ValidationProblem>> ListAsync(
        ExpertService experts, IStringLocalizer<SharedResource> l, string? country, string? page, string? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = ApiPaging.Read(page, pageSize, errors);
        if (country is not null && !ExpertService.IsCountryCode(country))
        {
            errors.Add("country", ExpertErrors.Country);
        }

        if (!errors.IsEmpty)
        {
            return FieldErrorText.Problem(errors, l, l["Diaspora.Expert.Error.Title"], Label(l));
        }

        return TypedResults.Ok(await experts.ListAsync(new ExpertSearch { Country = country, Paging = paging }, ct));
    }

    private static async Task<Results<Ok<ExpertRecordDto>, NotFound>> GetAsync(Guid id, ExpertService experts, CancellationToken ct)
    {
        var record = await experts.GetAsync(id, ct);
        return record is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new ExpertRecordDto(id, record.Profile is { } profile ? ExpertDto.From(profile) : null));
    }

    private static async Task<Results<Ok<ExpertDto>, NotFound, ValidationProblem>> SaveAsync(
        Guid id, ExpertProfileBody body, ExpertService experts, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = ToInput(body, errors);
        if (!errors.IsEmpty)
        {
            return FieldErrorText.Problem(errors, l, l["Diaspora.Expert.Error.Title"], Label(l));
        }

        var result = await experts.SaveProfileAsync(id, input, ct);
        if (result.Outcome == WriteOutcome.NotFound)
        {
            return TypedResults.NotFound();
        }

        return result.Succeeded
            ? TypedResults.Ok(ExpertDto.From(result.Value!))
            : FieldErrorText.Problem(result.Errors, l, l["Diaspora.Expert.Error.Title"], Label(l));
    }

    /// <summary>Field names as people read them in the error messages (the JSON name when there is no label).</summary>
    private static Func<string, string> Label(IStringLocalizer l) => field =>
    {
        var label = l["Diaspora.Expert.Field." + field];
        return label.ResourceNotFound ? FieldErrorText.CamelCase(field) : label.Value;
    };

    private static ExpertProfileInput ToInput(ExpertProfileBody body, FieldErrors errors) => new()
    {
        ResidenceCountry = body.ResidenceCountry ?? "",
        ResidenceCity = body.ResidenceCity ?? "",
        EmployerAbroad = body.EmployerAbroad ?? "",
        OccupationUris = [.. (body.OccupationUris ?? []).Select(u => u ?? "")],
        SkillUris = [.. (body.SkillUris ?? []).Select(u => u ?? "")],
        Domains = [.. (body.Domains ?? []).Select(d => d ?? "")],
        Degrees = [.. (body.Degrees ?? []).OfType<ExpertDegreeDto>().Select(d => new ExpertDegreeInput(d.Title ?? "", d.EqfLevel))],
        YearsOfExperience = body.YearsOfExperience ?? 0,
        Languages = [.. (body.Languages ?? []).OfType<ExpertLanguageDto>().Select(x => new ExpertLanguageInput(x.Language ?? "",
            DiasporaParsing.Required(x.Level, errors, "Level", ExpertErrors.Level, CefrLevel.A1)))],
        Availability = [.. (body.Availability ?? []).OfType<AvailabilityDto>().Select(a => new AvailabilityWindow(a.From, a.To))],
        Mode = DiasporaParsing.Optional(body.Mode, errors, "Mode", ExpertErrors.Mode, MissionMode.Either),
        MinMissionWeeks = body.MinMissionWeeks ?? ExpertService.ShortestMissionWeeks,
        MaxMissionWeeks = body.MaxMissionWeeks ?? ExpertService.LongestMissionWeeks,
    };
}
