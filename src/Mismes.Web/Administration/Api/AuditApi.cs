using Microsoft.AspNetCore.Http.HttpResults;
using Mismes.Core.Administration;
using Mismes.Core.Common;
using Mismes.Web.Platform;
using Microsoft.Extensions.Localization;

namespace Mismes.Web.Administration.Api;

/// <summary>
/// The body of POST /api/v1/audit/search: the user filter may be an e-mail address (personal data), so it travels
/// here, never in the URL (ADR 0018). <see cref="User"/> is a user id or an e-mail.
/// </summary>
public sealed record AuditSearchInput(string? RecordType, string? RecordId, string? User, DateTimeOffset? From, DateTimeOffset? To, int? Page, int? PageSize);

internal static class AuditApi
{
    /// <summary>The error of an e-mail address sent in the URL of GET /api/v1/audit.</summary>
    public const string UserEmailInBody = "Administration.Audit.Error.UserEmailInBody";

    private const int MaxFilterText = 320;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/audit", ListAsync)
            .WithName("ListAudit")
            .WithSummary("Audit trail entries, newest first, filtered by record, user id and dates, paged (own institution unless administrator). To filter by a user's e-mail, use POST /api/v1/audit/search.")
            .WithTags("Administration")
            .RequireAuthorization(Policies.ReadAudit)
            .RequireApiScope(AdministrationModule.AuditReadScope);
        app.MapPost("/api/v1/audit/search", SearchAsync)
            .WithName("SearchAudit")
            .WithSummary("The same entries, the filters in the JSON body, so a user's e-mail stays out of URLs and logs.")
            .WithTags("Administration")
            .RequireAuthorization(Policies.ReadAudit)
            .RequireApiScope(AdministrationModule.AuditReadScope);
        return app;
    }

    private static Task<Results<Ok<Paged<AuditRow>>, ValidationProblem>> ListAsync(
        AuditTrailService audit,
        IStringLocalizer<SharedResource> l,
        string? recordType,
        string? recordId,
        string? user,
        DateTimeOffset? from,
        DateTimeOffset? to,
        string? page,
        string? pageSize,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = ApiPaging.Read(page, pageSize, errors, AuditTrailService.DefaultPageSize);
        if (user is not null && !Guid.TryParse(user, out _))
        {
            errors.Add("user", UserEmailInBody);
        }

        return RunAsync(audit, l, new AuditFilter { RecordType = recordType, RecordId = recordId, User = user, From = from, To = to, Paging = paging }, errors, ct);
    }

    private static Task<Results<Ok<Paged<AuditRow>>, ValidationProblem>> SearchAsync(
        AuditSearchInput input, AuditTrailService audit, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = new PageRequest(input.Page ?? 1, input.PageSize ?? AuditTrailService.DefaultPageSize);
        paging.Validate(errors);
        foreach (var (field, value) in new[] { ("recordType", input.RecordType), ("recordId", input.RecordId), ("user", input.User) })
        {
            TextRules.Check(errors, field, value);
            if (value is { Length: > MaxFilterText })
            {
                errors.Add(field, "Administration.Audit.Error.TooLong");
            }
        }

        return RunAsync(
            audit,
            l,
            new AuditFilter { RecordType = input.RecordType, RecordId = input.RecordId, User = input.User, From = input.From, To = input.To, Paging = paging },
            errors,
            ct);
    }

    private static async Task<Results<Ok<Paged<AuditRow>>, ValidationProblem>> RunAsync(
        AuditTrailService audit, IStringLocalizer<SharedResource> l, AuditFilter filter, FieldErrors errors, CancellationToken ct)
    {
        if (filter.From is not null && filter.To is not null && filter.From > filter.To)
        {
            errors.Add("to", "Administration.Audit.Error.ToBeforeFrom");
        }

        if (!errors.IsEmpty)
        {
            return FieldErrorText.Problem(errors, l);
        }

        return TypedResults.Ok(await audit.SearchAsync(filter, ct));
    }
}
