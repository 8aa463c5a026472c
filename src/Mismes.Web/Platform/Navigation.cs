using Microsoft.AspNetCore.Authorization;
using System.Security.Claims;

namespace Mismes.Web.Platform;

/// <summary>
/// One link of the main navigation, contributed by the capability it leads to (in its Add&lt;Cap&gt;()), so the layout
/// never names a capability. <paramref name="TextKey"/> is a key of the capability's resource set;
/// <paramref name="Policy"/> is the authorization policy the target page demands (null: everyone, signed in or not),
/// so nobody is shown a link that would answer 403. Lower <paramref name="Order"/> comes first.
/// </summary>
public sealed record NavigationEntry(string TextKey, string Path, string? Policy, int Order);

public static class NavigationRegistration
{
    public static IServiceCollection AddNavigationEntry(this IServiceCollection services, NavigationEntry entry)
    {
        services.AddSingleton(entry);
        return services;
    }
}

/// <summary>The entries a given user may follow, in order: what the layout renders.</summary>
public sealed class NavigationMenu(IEnumerable<NavigationEntry> entries, IAuthorizationService authorization)
{
    public async Task<IReadOnlyList<NavigationEntry>> VisibleToAsync(ClaimsPrincipal user)
    {
        var visible = new List<NavigationEntry>();
        foreach (var entry in entries.OrderBy(e => e.Order).ThenBy(e => e.Path, StringComparer.Ordinal))
        {
            if (entry.Policy is null
                || (user.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(user, entry.Policy)).Succeeded))
            {
                visible.Add(entry);
            }
        }

        return visible;
    }
}
