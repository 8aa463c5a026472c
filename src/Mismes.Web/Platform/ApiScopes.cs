using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Mismes.Web.Platform;

/// <summary>
/// One thing a partner system's API key may be allowed to do, e.g. <c>people:read</c>, declared by the capability whose
/// endpoints need it (in its Add&lt;Cap&gt;(), as it adds navigation entries), so a new capability brings its own scopes
/// (placement: <c>vacancies:read</c>) without editing a central list (docs/adr/0019-api-key-scopes.md).
/// <paramref name="TextKey"/> says in plain words what the key may then do (a key of the capability's resource set);
/// <paramref name="GrantPolicy"/> is the policy a staff member must pass to grant it, so nobody gives a key more than
/// they may do themselves. Lower <paramref name="Order"/> is listed first.
/// </summary>
public sealed record ApiScope(string Name, string TextKey, string GrantPolicy, int Order);

/// <summary>
/// Endpoint metadata: an API key must hold <see cref="Scope"/> to call this endpoint. Being an authorization
/// requirement, it is checked together with the endpoint's policy; for a staff member signed in with a cookie it is
/// always met (their role policy decides, as before).
/// </summary>
public sealed record RequiredApiScope(string Scope) : IAuthorizationRequirement, IAuthorizationRequirementData
{
    public IEnumerable<IAuthorizationRequirement> GetRequirements() => [this];
}

public static class ApiScopeRegistration
{
    public static IServiceCollection AddApiScope(this IServiceCollection services, ApiScope scope)
    {
        services.AddSingleton(scope);
        return services;
    }

    /// <summary>An API key calling these endpoints needs <paramref name="scope"/> (declared by some module's <see cref="AddApiScope"/>).</summary>
    public static TBuilder RequireApiScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredApiScope(scope));
}

/// <summary>The scopes the modules declared, and which of them a given staff member may grant.</summary>
public sealed class ApiScopeCatalog(IEnumerable<ApiScope> scopes, IAuthorizationService authorization)
{
    public IReadOnlyList<ApiScope> All { get; } =
        [.. scopes.DistinctBy(s => s.Name, StringComparer.Ordinal).OrderBy(s => s.Order).ThenBy(s => s.Name, StringComparer.Ordinal)];

    public ApiScope? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    /// <summary>The scopes <paramref name="user"/> holds the rights of, and so may put on a key.</summary>
    public async Task<IReadOnlySet<string>> GrantableByAsync(ClaimsPrincipal user)
    {
        var grantable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scope in All)
        {
            if (user.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(user, scope.GrantPolicy)).Succeeded)
            {
                grantable.Add(scope.Name);
            }
        }

        return grantable;
    }
}
