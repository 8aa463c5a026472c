using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Mismes.Core.Common;
using Mismes.Core.Diaspora.Experts;
using Mismes.Core.Diaspora.Needs;
using Mismes.Web.Platform;

namespace Mismes.Web.Diaspora.Api;

public sealed record NeedDto(
    Guid Id, string Title, string Description, string Type, string Status, string? OccupationUri, IReadOnlyList<string> SkillUris,
    bool CodingConfirmed, DateOnly StartDate, DateOnly EndDate, string Place, string Mode, decimal? BudgetMad, DateTimeOffset UpdatedAt)
{
    public static NeedDto From(NeedView n) => new(
        n.Id, n.Title, n.Description, n.Type.ToString(), n.Status.ToString(), n.OccupationUri, n.SkillUris, n.CodingConfirmed,
        n.StartDate, n.EndDate, n.Place, n.Mode.ToString(), n.BudgetMad, n.UpdatedAt);
}

public sealed record NeedBody(
    string? Title, string? Description, string? Type, string? Status, string? OccupationUri, IReadOnlyList<string>? SkillUris,
    bool? CodingConfirmed, string? StartDate, string? EndDate, string? Place, string? Mode, decimal? BudgetMad);

public sealed record CodingBody(string? Title, string? Description);

public sealed record EscoChoiceDto(string Uri, string Label);

public sealed record NeedCodingDto(IReadOnlyList<EscoChoiceDto> Occupations, IReadOnlyList<EscoChoiceDto> Skills);

/// <summary>/api/v1/diaspora/needs: the same NeedService the pages use. Another institution's need is 404.</summary>
internal static class NeedEndpoints
{
    public static IEndpointRouteBuilder MapNeedEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/diaspora/needs").WithTags("Diaspora").RequireAuthorization(DiasporaPolicies.ManageNeeds);
        group.MapGet("/", ListAsync).WithName("ListNeeds").WithSummary("The institution's needs, soonest first; filter by status and type.");
        group.MapPost("/", CreateAsync).WithName("CreateNeed").WithSummary("Post a need (expertise coded to ESCO; say codingConfirmed once the author accepts it).");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetNeed").WithSummary("One of the institution's needs.");
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateNeed").WithSummary("Replace a need; changed expertise must be confirmed again.");
        group.MapPost("/coding", ProposeAsync).RequireRateLimiting(RateLimits.Search).WithName("ProposeNeedCoding")
            .WithSummary("ESCO occupations and skills proposed from a need's text, in the request's language.");
        return app;
    }

    private static async Task<Results<Ok<Paged<NeedDto>>, ValidationProblem>> ListAsync(
        NeedService needs, IStringLocalizer<SharedResource> l, string? status, string? type, string? page, string? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = ApiPaging.Read(page, pageSize, errors);
        var parsedStatus = string.IsNullOrEmpty(status) ? null : DiasporaParsing.ParseEnum<NeedStatus>(status);
        var parsedType = string.IsNullOrEmpty(type) ? null : DiasporaParsing.ParseEnum<NeedType>(type);
        if (!string.IsNullOrEmpty(status) && parsedStatus is null)
        {
            errors.Add("status", NeedErrors.Choice);
        }

        if (!string.IsNullOrEmpty(type) && parsedType is null)
        {
            errors.Add("type", NeedErrors.Choice);
        }

        if (!errors.IsEmpty)
        {
            return FieldErrorText.Problem(errors, l, l["Diaspora.Need.Error.Title"], NeedLabels.For(l));
        }

        var result = await needs.ListAsync(new NeedSearch { Status = parsedStatus, Type = parsedType, Paging = paging }, ct);
        return TypedResults.Ok(new Paged<NeedDto>([.. result.Items.Select(NeedDto.From)], result.Total, result.Page, result.PageSize));
    }

    private static async Task<Results<Ok<NeedDto>, NotFound>> GetAsync(Guid id, NeedService needs, CancellationToken ct) =>
        await needs.GetAsync(id, ct) is { } need ? TypedResults.Ok(NeedDto.From(need)) : TypedResults.NotFound();

    private static async Task<Results<Created<NeedDto>, ValidationProblem>> CreateAsync(NeedBody body, NeedService needs, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var request = ToRequest(body, errors);
        if (!errors.IsEmpty)
        {
            return FieldErrorText.Problem(FieldErrorText.Merge(errors, needs.Validate(request)), l, l["Diaspora.Need.Error.Title"], NeedLabels.For(l));
        }

        var result = await needs.CreateAsync(request, ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/diaspora/needs/{result.Value!.Id}", NeedDto.From(result.Value))
            : FieldErrorText.Problem(result.Errors, l, l["Diaspora.Need.Error.Title"], NeedLabels.For(l));
    }

    private static async Task<Results<Ok<NeedDto>, NotFound, ValidationProblem>> UpdateAsync(Guid id, NeedBody body, NeedService needs, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var request = ToRequest(body, errors);
        if (await needs.GetAsync(id, ct) is null)
        {
            return TypedResults.NotFound();
        }

        if (!errors.IsEmpty)
        {
            return FieldErrorText.Problem(FieldErrorText.Merge(errors, needs.Validate(request)), l, l["Diaspora.Need.Error.Title"], NeedLabels.For(l));
        }

        var result = await needs.UpdateAsync(id, request, ct);
        if (result.Outcome == WriteOutcome.NotFound)
        {
            return TypedResults.NotFound();
        }

        return result.Succeeded
            ? TypedResults.Ok(NeedDto.From(result.Value!))
            : FieldErrorText.Problem(result.Errors, l, l["Diaspora.Need.Error.Title"], NeedLabels.For(l));
    }

    private static Results<Ok<NeedCodingDto>, ValidationProblem> ProposeAsync(CodingBody body, NeedService needs, IStringLocalizer<SharedResource> l)
    {
        if (string.IsNullOrWhiteSpace(body.Title) && string.IsNullOrWhiteSpace(body.Description))
        {
            var errors = new FieldErrors();
            errors.Add("Title", NeedErrors.Required);
            return FieldErrorText.Problem(errors, l, l["Diaspora.Need.Error.Title"], NeedLabels.For(l));
        }

        var proposal = needs.ProposeCoding(body.Title, body.Description, CultureInfo.CurrentUICulture.Name);
        return TypedResults.Ok(new NeedCodingDto(
            [.. proposal.Occupations.Select(c => new EscoChoiceDto(c.Uri, c.Label))],
            [.. proposal.Skills.Select(c => new EscoChoiceDto(c.Uri, c.Label))]));
    }

    private static SaveNeed ToRequest(NeedBody body, FieldErrors errors) => new()
    {
        Title = body.Title ?? "",
        Description = body.Description ?? "",
        Type = DiasporaParsing.Required(body.Type, errors, "Type", NeedErrors.Choice, NeedType.ExpertiseMission),
        Status = DiasporaParsing.Optional(body.Status, errors, "Status", NeedErrors.Choice, NeedStatus.Open),
        Mode = DiasporaParsing.Optional(body.Mode, errors, "Mode", NeedErrors.Choice, MissionMode.Either),
        OccupationUri = body.OccupationUri,
        SkillUris = [.. (body.SkillUris ?? []).Select(u => u ?? "")],
        CodingConfirmed = body.CodingConfirmed ?? false,
        StartDate = NeedLabels.Date(body.StartDate, "StartDate", errors),
        EndDate = NeedLabels.Date(body.EndDate, "EndDate", errors),
        Place = body.Place ?? "",
        BudgetMad = body.BudgetMad,
    };
}

/// <summary>Field names of needs as people read them, and the one date format the API and forms accept.</summary>
internal static class NeedLabels
{
    public static Func<string, string> For(IStringLocalizer l) => field =>
    {
        var label = l["Diaspora.Need.Field." + field];
        return label.ResourceNotFound ? FieldErrorText.CamelCase(field) : label.Value;
    };

    public static DateOnly Date(string? text, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, NeedErrors.Date);
        return default;
    }
}
