using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Mismes.Core.Catalogue;
using Mismes.Core.Common;
using Mismes.Web.Administration;
using Mismes.Web.Platform;

namespace Mismes.Web.Catalogue.Api;

/// <summary>A measure as the public API returns it; texts in the requested language (French where a text is missing).</summary>
public sealed record MeasureDto(
    Guid Id,
    string Slug,
    string? Reference,
    string? ParentSlug,
    string Origin,
    string Phase,
    string PhaseLabel,
    IReadOnlyList<string> Models,
    IReadOnlyList<string> ModelLabels,
    IReadOnlyList<string> ImplementerCodes,
    IReadOnlyList<string> FunderCodes,
    string Culture,
    string Title,
    IReadOnlyList<string> Implementers,
    IReadOnlyList<string> Funders,
    string? Period,
    int? StartYear,
    int? StartMonth,
    int? EndYear,
    int? EndMonth,
    bool Ongoing,
    string Status,
    bool IsActive,
    string? Budget,
    decimal? BudgetAmount,
    string? BudgetCurrency,
    string? Beneficiaries,
    int? BeneficiariesMin,
    int? BeneficiariesMax,
    IReadOnlyList<string> Activities,
    IReadOnlyList<string> Initiatives,
    string? SourceReference,
    DateTimeOffset UpdatedAt,
    string? ForWhom,
    string? WhatYouGet,
    string? HowToApply,
    string? Contact);

/// <summary>/api/v1/measures: the public catalogue for partner systems (read anonymously; programme managers write).</summary>
internal static class MeasureEndpoints
{
    public static IEndpointRouteBuilder MapMeasureEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/measures").WithTags("Catalogue");

        group.MapGet("/", ListAsync).AllowAnonymous().RequireRateLimiting(RateLimits.Search)
            .WithName("ListMeasures")
            .WithSummary("Lists the support measures of the catalogue, filtered and paged, in one language.");
        group.MapGet("/{id}", GetAsync).AllowAnonymous()
            .WithName("GetMeasure")
            .WithSummary("One support measure, by id or slug.");
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.ManageCatalogue).RequireApiScope(CatalogueModule.WriteScope)
            .WithName("CreateMeasure")
            .WithSummary("Adds a support measure with its translations (programme managers).");
        group.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(Policies.ManageCatalogue).RequireApiScope(CatalogueModule.WriteScope)
            .WithName("UpdateMeasure")
            .WithSummary("Changes a support measure and its translations (programme managers).");
        return app;
    }

    private static async Task<Results<Ok<Paged<MeasureDto>>, ValidationProblem>> ListAsync(
        CatalogueService catalogue,
        CatalogueLabels labels,
        string? phase,
        string? model,
        string? implementer,
        string? status,
        string? q,
        string? culture,
        string? page,
        string? pageSize,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var filter = CatalogueParsing.Filter(phase, model, implementer, status, q, errors);
        var paging = ApiPaging.Read(page, pageSize, errors, defaultPageSize: 20);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(Localize(errors, labels));
        }

        var language = CatalogueCultures.Normalize(culture ?? CultureInfo.CurrentUICulture.Name);
        var all = await catalogue.SearchAsync(filter, language, ct);
        var items = all.Skip(paging.Skip).Take(paging.PageSize).Select(m => ToDto(m, labels)).ToList();
        return TypedResults.Ok(new Paged<MeasureDto>(items, all.Count, paging.Page, paging.PageSize));
    }

    private static async Task<Results<Ok<MeasureDto>, ProblemHttpResult>> GetAsync(
        string id, string? culture, CatalogueService catalogue, CatalogueLabels labels, CancellationToken ct)
    {
        var language = CatalogueCultures.Normalize(culture ?? CultureInfo.CurrentUICulture.Name);
        var measure = await catalogue.FindAsync(id, language, ct);
        return measure is null
            ? NotFound(labels)
            : TypedResults.Ok(ToDto(measure, labels));
    }

    private static async Task<Results<Created<MeasureDto>, ValidationProblem>> CreateAsync(
        MeasureInput input, CatalogueService catalogue, CatalogueLabels labels, CancellationToken ct)
    {
        var parseErrors = new FieldErrors();
        var request = input.ToRequest(parseErrors);
        if (!parseErrors.IsEmpty)
        {
            var check = await catalogue.ValidateAsync(null, request, ct);
            return TypedResults.ValidationProblem(Localize(FieldErrorText.Merge(parseErrors, check.Errors), labels));
        }

        var result = await catalogue.CreateAsync(request, ct);
        if (!result.Succeeded)
        {
            return TypedResults.ValidationProblem(Localize(result.Errors, labels));
        }

        var saved = await catalogue.FindAsync(result.Value!.Id.ToString(), CatalogueCultures.Normalize(CultureInfo.CurrentUICulture.Name), ct);
        return TypedResults.Created($"/api/v1/measures/{result.Value.Id}", ToDto(saved!, labels));
    }

    /// <summary>
    /// Another institution's measure answers 403, not 404: the catalogue is public (anyone may GET the measure), so
    /// hiding it would protect nothing, and 403 tells a partner why the write failed.
    /// </summary>
    private static async Task<Results<Ok<MeasureDto>, ProblemHttpResult, ValidationProblem>> UpdateAsync(
        Guid id, MeasureInput input, CatalogueService catalogue, CatalogueLabels labels, CancellationToken ct)
    {
        var parseErrors = new FieldErrors();
        var request = input.ToRequest(parseErrors);
        var result = parseErrors.IsEmpty
            ? Outcome(await catalogue.UpdateAsync(id, request, ct))
            : Outcome(await catalogue.ValidateAsync(id, request, ct));
        switch (result.Outcome)
        {
            case WriteOutcome.NotFound:
                return NotFound(labels);
            case WriteOutcome.Forbidden:
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: labels["Catalogue.Forbidden.Title"], detail: labels["Catalogue.Forbidden.Lead"]);
            case WriteOutcome.Invalid:
                return TypedResults.ValidationProblem(Localize(FieldErrorText.Merge(parseErrors, result.Errors), labels));
        }

        if (!parseErrors.IsEmpty)
        {
            return TypedResults.ValidationProblem(Localize(parseErrors, labels));
        }

        var saved = await catalogue.FindAsync(id.ToString(), CatalogueCultures.Normalize(CultureInfo.CurrentUICulture.Name), ct);
        return TypedResults.Ok(ToDto(saved!, labels));
    }

    private static (WriteOutcome Outcome, FieldErrors Errors) Outcome<T>(WriteResult<T> result) => (result.Outcome, result.Errors);

    private static ProblemHttpResult NotFound(CatalogueLabels labels) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: labels["Catalogue.NotFound.Title"], detail: labels["Catalogue.NotFound.Lead"]);

    internal static Dictionary<string, string[]> Localize(IReadOnlyDictionary<string, string[]> errors, CatalogueLabels labels) =>
        errors.ToDictionary(e => e.Key, e => e.Value.Select(key => labels[key]).ToArray(), StringComparer.Ordinal);

    internal static MeasureDto ToDto(MeasureView m, CatalogueLabels labels) => new(
        m.Id,
        m.Slug,
        m.Reference,
        m.ParentSlug,
        m.Origin.ToString(),
        m.Phase.ToString(),
        labels.Phase(m.Phase),
        m.Models.Select(x => x.ToString()).ToList(),
        m.Models.Select(labels.Model).ToList(),
        m.ImplementerCodes,
        m.FunderCodes,
        m.Culture,
        m.Title,
        m.Implementers,
        m.Funders,
        m.Period,
        m.StartYear,
        m.StartMonth,
        m.EndYear,
        m.EndMonth,
        m.Ongoing,
        m.Status.ToString(),
        m.Status == MeasureStatus.Active,
        m.Budget,
        m.BudgetAmount,
        m.BudgetCurrency,
        m.Beneficiaries,
        m.BeneficiariesMin,
        m.BeneficiariesMax,
        m.Activities,
        m.Initiatives.Select(i => i.Slug).ToList(),
        m.SourceReference,
        m.UpdatedAt,
        m.ForWhom,
        m.WhatYouGet,
        m.HowToApply,
        m.Contact);
}
