using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Mismes.Core.Administration;

namespace Mismes.Web.Administration.Api;

/// <summary>Who am I (for partner systems checking their key) and the list of institutions.</summary>
internal static class AdministrationApi
{
    /// <summary>Scopes: what an API key may do (docs/adr/0019-api-key-scopes.md); empty for a signed-in staff member, whose roles decide.</summary>
    public sealed record Me(string Id, string Name, Guid? InstitutionId, string AuthenticationType, IReadOnlyList<string> Roles, IReadOnlyList<string> Scopes);

    public static IEndpointRouteBuilder MapAdministrationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Administration");
        group.MapGet("/me", GetMe)
            .WithName("GetMe")
            .WithSummary("The signed-in user or API key: institution, roles and (for a key) scopes.")
            .RequireAuthorization();
        group.MapGet("/institutions", ListInstitutionsAsync)
            .WithName("ListInstitutions")
            .WithSummary("All institutions (reference and, where loaded, demo ones).")
            .RequireAuthorization(Policies.StaffOnly);
        return app;
    }

    private static Ok<Me> GetMe(ClaimsPrincipal user, ICurrentUser current) =>
        TypedResults.Ok(new Me(
            user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            user.Identity?.Name ?? "",
            current.InstitutionId,
            user.Identity?.AuthenticationType ?? "",
            user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal).ToList(),
            user.ApiScopes()));

    private static async Task<Ok<IReadOnlyList<InstitutionView>>> ListInstitutionsAsync(UserAdministrationService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListInstitutionsAsync(ct));
}
