using Microsoft.AspNetCore.Http.HttpResults;
using Mismes.Core.Administration;
using Mismes.Core.Common;
using Mismes.Web.Platform;
using Microsoft.Extensions.Localization;

namespace Mismes.Web.Administration.Api;

internal static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/audit", SearchAsync)
            .WithName("SearchAudit")
            .WithSummary("Audit trail entries, newest first, filtered and paged (own institution unless administrator).")
            .WithTags("Administration")
            .RequireAuthorization(Policies.ReadAudit)
            .RequireApiScope(AdministrationModule.AuditReadScope);
        return app;
    }

    private static async Task<Results<Ok<Paged<AuditRow>>, ValidationProblem>> SearchAsync(
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
        if (from is not null && to is not null && from > to)
        {
            errors.Add("to", "Administration.Audit.Error.ToBeforeFrom");
        }

        if (!errors.IsEmpty)
        {
            return FieldErrorText.Problem(errors, l);
        }

        var result = await audit.SearchAsync(
            new AuditFilter
            {
                RecordType = recordType,
                RecordId = recordId,
                User = user,
                From = from,
                To = to,
                Paging = paging,
            },
            ct);
        return TypedResults.Ok(result);
    }
}
