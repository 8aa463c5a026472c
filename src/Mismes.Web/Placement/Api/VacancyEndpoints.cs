using Microsoft.AspNetCore.Http.HttpResults;
using Mismes.Core.Common;
using Mismes.Core.Placement.Vacancies;
using Mismes.Web.Platform;

namespace Mismes.Web.Placement.Api;

/// <summary>A vacancy as the API returns it: ESCO URIs with their labels in the request's language.</summary>
public sealed record VacancyDto(
    Guid Id,
    Guid? EmployerInstitutionId,
    string EmployerName,
    string Country,
    string? Region,
    string Title,
    string? OccupationUri,
    string? OccupationLabel,
    bool CodingConfirmed,
    string? Description,
    IReadOnlyList<string> EssentialSkillUris,
    IReadOnlyList<string> OptionalSkillUris,
    IReadOnlyList<LanguageDto> Languages,
    int? MinimumEqfLevel,
    int ExperienceMonths,
    int Positions,
    decimal? PayAmount,
    string? PayCurrency,
    string? PayPeriod,
    decimal? HoursPerDay,
    decimal? HoursPerWeek,
    decimal? OvertimeRate,
    bool PaidOnlyDaysWorked,
    int? DurationMonths,
    string Housing,
    string? TravelPaidBy,
    decimal? VisaFee,
    string? VisaFeePaidBy,
    DateOnly? StartDate,
    DateOnly ValidUntil,
    int DaysLeft,
    string Status,
    string Source,
    string? SourceId,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? ShortlistSentAt);

public sealed record LanguageDto(string Language, string MinimumLevel);

/// <summary>/api/v1/placement/vacancies: partner employment services send and read their institution's offers.</summary>
internal static class VacancyEndpoints
{
    public static IEndpointRouteBuilder MapVacancyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/placement/vacancies").WithTags("Placement")
            .RequireAuthorization(PlacementPolicies.ManageVacancies);

        group.MapGet("/", ListAsync).RequireApiScope(PlacementModule.ReadScope)
            .WithName("ListVacancies").WithSummary("The caller's institution's vacancies, soonest ending first, paged.");
        group.MapGet("/{id:guid}", GetAsync).RequireApiScope(PlacementModule.ReadScope)
            .WithName("GetVacancy").WithSummary("One vacancy of the caller's institution.");
        group.MapPost("/", CreateAsync).RequireApiScope(PlacementModule.WriteScope)
            .WithName("CreateVacancy").WithSummary("Adds a vacancy; with a sourceId already sent, updates that vacancy instead (200).");
        group.MapPut("/{id:guid}", UpdateAsync).RequireApiScope(PlacementModule.WriteScope)
            .WithName("UpdateVacancy").WithSummary("Changes a vacancy of the caller's institution.");
        return app;
    }

    private static async Task<Results<Ok<Paged<VacancyDto>>, ValidationProblem>> ListAsync(
        VacancyService vacancies, VacancyLabels labels, string? q, string? country, string? page, string? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = ApiPaging.Read(page, pageSize, errors, defaultPageSize: 25);
        if (!errors.IsEmpty)
        {
            return FieldErrorText.Problem(errors, labels.Localizer);
        }

        var list = await vacancies.ListAsync(new VacancyFilter { Query = q, Country = country }, paging, ct);
        return TypedResults.Ok(new Paged<VacancyDto>(list.Items.Select(v => ToDto(v, labels)).ToList(), list.Total, list.Page, list.PageSize));
    }

    private static async Task<Results<Ok<VacancyDto>, ProblemHttpResult>> GetAsync(Guid id, VacancyService vacancies, VacancyLabels labels, CancellationToken ct) =>
        await vacancies.FindAsync(id, ct) is { } v ? TypedResults.Ok(ToDto(v, labels)) : NotFound(labels);

    private static async Task<Results<Created<VacancyDto>, Ok<VacancyDto>, ValidationProblem>> CreateAsync(
        VacancyInput input, VacancyService vacancies, VacancyLabels labels, CancellationToken ct)
    {
        var parseErrors = new FieldErrors();
        var request = input.ToRequest(parseErrors);
        if (!parseErrors.IsEmpty)
        {
            return Problem(FieldErrorText.Merge(parseErrors, vacancies.Validate(request)), labels);
        }

        // A partner's own id makes sending the same offer twice an update, never a duplicate.
        var result = string.IsNullOrWhiteSpace(request.SourceId)
            ? await vacancies.CreateAsync(request, ct)
            : await vacancies.SaveFromSourceAsync(request with { Source = "api" }, ct);
        if (!result.Succeeded)
        {
            return Problem(result.Errors, labels);
        }

        var saved = ToDto((await vacancies.FindAsync(result.Value!.Id, ct))!, labels);
        return result.Value.Outcome == UpsertOutcome.Created
            ? TypedResults.Created($"/api/v1/placement/vacancies/{saved.Id}", saved)
            : TypedResults.Ok(saved);
    }

    private static async Task<Results<Ok<VacancyDto>, ProblemHttpResult, ValidationProblem>> UpdateAsync(
        Guid id, VacancyInput input, VacancyService vacancies, VacancyLabels labels, CancellationToken ct)
    {
        var parseErrors = new FieldErrors();
        var request = input.ToRequest(parseErrors);
        if (!parseErrors.IsEmpty)
        {
            return await vacancies.FindAsync(id, ct) is null
                ? NotFound(labels)
                : Problem(FieldErrorText.Merge(parseErrors, vacancies.Validate(request)), labels);
        }

        var result = await vacancies.UpdateAsync(id, request, ct);
        return result.Outcome switch
        {
            WriteOutcome.NotFound => NotFound(labels),
            WriteOutcome.Ok => TypedResults.Ok(ToDto((await vacancies.FindAsync(id, ct))!, labels)),
            _ => Problem(result.Errors, labels),
        };
    }

    private static ValidationProblem Problem(IReadOnlyDictionary<string, string[]> errors, VacancyLabels labels) =>
        FieldErrorText.Problem(errors, labels.Localizer, labels["Placement.Vacancy.Invalid"], labels.Field);

    private static ProblemHttpResult NotFound(VacancyLabels labels) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: labels["Placement.Vacancy.NotFound.Title"], detail: labels["Placement.Vacancy.NotFound.Lead"]);

    internal static VacancyDto ToDto(VacancyView v, VacancyLabels labels) => new(
        v.Id, v.EmployerInstitutionId, v.EmployerName, v.Country, v.Region, v.Title, v.OccupationUri,
        v.OccupationUri is null ? null : labels.Esco(v.OccupationUri), v.CodingConfirmed, v.Description,
        v.EssentialSkillUris, v.OptionalSkillUris, v.Languages.Select(l => new LanguageDto(l.Language, l.MinimumLevel.ToString())).ToList(),
        v.MinimumEqfLevel, v.ExperienceMonths, v.Positions, v.PayAmount, v.PayCurrency, v.PayPeriod?.ToString(), v.HoursPerDay,
        v.HoursPerWeek, v.OvertimeRate, v.PaidOnlyDaysWorked, v.DurationMonths, v.Housing.ToString(), v.TravelPaidBy?.ToString(),
        v.VisaFee, v.VisaFeePaidBy?.ToString(), v.StartDate, v.ValidUntil, v.DaysLeft, v.Status.ToString(), v.Source, v.SourceId,
        v.ReceivedAt, v.ShortlistSentAt);
}
