using Microsoft.AspNetCore.Http.HttpResults;
using Mismes.Core.Administration;

namespace Mismes.Web.Administration.Api;

internal static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/audit", SearchAsync)
            .WithName("SearchAudit")
            .WithSummary("Audit trail entries, newest first, filtered and paged (own institution unless administrator).")
            .WithTags("Administration")
            .RequireAuthorization(Policies.ReadAudit);
        return app;
    }

    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> SearchAsync(
        AuditTrailService audit,
        string? recordType,
        string? recordId,
        string? user,
        DateTimeOffset? from,
        DateTimeOffset? to,
        int? page,
        int? pageSize,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (page is < 1)
        {
            errors["page"] = ["page must be 1 or more."];
        }

        if (pageSize is < 1 or > AuditTrailService.MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {AuditTrailService.MaxPageSize}."];
        }

        if (from is not null && to is not null && from > to)
        {
            errors["to"] = ["to must not be before from."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await audit.SearchAsync(
            new AuditFilter
            {
                RecordType = recordType,
                RecordId = recordId,
                User = user,
                From = from,
                To = to,
                Page = page ?? 1,
                PageSize = pageSize ?? 50,
            },
            ct);
        return TypedResults.Ok(result);
    }
}
