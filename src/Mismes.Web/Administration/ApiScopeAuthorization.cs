using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Mismes.Web.Platform;

namespace Mismes.Web.Administration;

/// <summary>
/// A staff role, or — for a partner system's API key — the scopes the endpoint declares with
/// <see cref="ApiScopeRegistration.RequireApiScope"/>. A key holds no staff role, so a policy built on this
/// requirement lets a key through only on endpoints that name a scope; <see cref="RequiredApiScope"/> then checks the
/// key holds it. An endpoint that names no scope stays closed to keys (docs/adr/0019-api-key-scopes.md).
/// </summary>
internal sealed record StaffRoleOrApiScope(IReadOnlyList<string> Roles) : IAuthorizationRequirement;

internal sealed class StaffRoleOrApiScopeHandler : AuthorizationHandler<StaffRoleOrApiScope>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffRoleOrApiScope requirement)
    {
        if (ApiKeyAuthentication.IsApiKey(context.User))
        {
            if (ApiScopeHandler.ScopesOf(context.Resource).Count > 0)
            {
                context.Succeed(requirement);
            }
        }
        else if (requirement.Roles.Any(context.User.IsInRole))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>An API key must hold the scope; a signed-in staff member always meets it (their role policy decides).</summary>
internal sealed class ApiScopeHandler : AuthorizationHandler<RequiredApiScope>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RequiredApiScope requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask;
        }

        if (!ApiKeyAuthentication.IsApiKey(context.User) || context.User.HasClaim(MismesClaims.Scope, requirement.Scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    /// <summary>The scopes the endpoint being authorized declares (the resource is the request's HttpContext).</summary>
    public static IReadOnlyList<RequiredApiScope> ScopesOf(object? resource)
    {
        var endpoint = resource switch
        {
            HttpContext http => http.GetEndpoint(),
            Endpoint e => e,
            _ => null,
        };
        return endpoint?.Metadata.GetOrderedMetadata<RequiredApiScope>() ?? [];
    }
}

internal static class StaffRoleOrApiScopeExtensions
{
    /// <summary>Staff in one of <paramref name="roles"/> (cookie), or an API key holding the endpoint's scope.</summary>
    public static AuthorizationPolicyBuilder RequireStaffRoleOrApiScope(this AuthorizationPolicyBuilder policy, params string[] roles) =>
        policy.AddRequirements(new StaffRoleOrApiScope(roles));

    /// <summary>The scopes of the key this principal authenticated with (empty for a cookie).</summary>
    public static IReadOnlyList<string> ApiScopes(this ClaimsPrincipal user) =>
        [.. user.FindAll(MismesClaims.Scope).Select(c => c.Value).Order(StringComparer.Ordinal)];
}
