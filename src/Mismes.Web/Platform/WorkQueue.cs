using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Mismes.Web.Platform;

/// <summary>How soon a work item wants attention: the home page lists "now" first and colours each badge by it.</summary>
public enum WorkUrgency
{
    /// <summary>Worth knowing (e.g. records created this week).</summary>
    Info,

    /// <summary>To do in the coming days (e.g. a measure ending soon).</summary>
    Soon,

    /// <summary>Something is stuck or at risk until someone acts (e.g. a failed message, a locked-out colleague).</summary>
    Now,
}

/// <summary>
/// One line of a signed-in user's work queue on their home page: <paramref name="TextKey"/> is a key of the
/// capability's resource set, formatted with <paramref name="Count"/> as {0}; <paramref name="Link"/> is a local path
/// to the page where the work is done (it must admit everyone the source's policy admits).
/// </summary>
public sealed record WorkItem(string TextKey, int Count, string Link, WorkUrgency Urgency);

/// <summary>
/// What a capability puts in its users' work queue (docs/architecture.md, "Role homes and the work queue"). A source is
/// scoped: it computes its items for the request's user through its Core services, which apply the institution scope.
/// The home page asks a source only when the user satisfies <see cref="Policy"/>, and shows only items with a count.
/// </summary>
public interface IWorkQueueSource
{
    /// <summary>The authorization policy a user needs for these items: the policy of the pages they link to.</summary>
    string Policy { get; }

    Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct);
}

/// <summary>
/// A shortcut on the home page to a page the user may open but which has no tab of its own (the institutions
/// directory, a beneficiary's own record). Shown only to users <see cref="Policy"/> admits.
/// </summary>
public sealed record HomeLink(string TextKey, string Path, string Policy, int Order);

public static class WorkQueueRegistration
{
    /// <summary>The role home every signed-in user lands on after signing in (unless a local return URL was given).</summary>
    public const string HomePath = "/Home";

    /// <summary>Any signed-in user (for the home page's navigation entry; the fallback policy guards the page itself).</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>Registers a capability's work queue source (call it from the module's Add&lt;Cap&gt;()).</summary>
    public static IServiceCollection AddWorkQueueSource<T>(this IServiceCollection services)
        where T : class, IWorkQueueSource
    {
        services.AddScoped<IWorkQueueSource, T>();
        return services;
    }

    public static IServiceCollection AddHomeLink(this IServiceCollection services, HomeLink link)
    {
        services.AddSingleton(link);
        return services;
    }

    /// <summary>The role home: its page's navigation entry, the "signed in" policy and the queue that gathers the sources.</summary>
    internal static IServiceCollection AddRoleHome(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        services.AddNavigationEntry(new("Home.Nav", HomePath, SignedIn, 0));
        services.AddScoped<WorkQueue>();
        return services;
    }
}

/// <summary>Gathers the work items of every source the user's policies admit, most urgent first.</summary>
public sealed class WorkQueue(IEnumerable<IWorkQueueSource> sources, IEnumerable<HomeLink> links, IAuthorizationService authorization)
{
    public async Task<IReadOnlyList<WorkItem>> ItemsForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var items = new List<WorkItem>();
        foreach (var source in sources)
        {
            if (await AdmitsAsync(user, source.Policy))
            {
                items.AddRange((await source.ItemsAsync(ct)).Where(i => i.Count > 0));
            }
        }

        // A stable sort: within one urgency, items keep their modules' registration order.
        return [.. items.OrderByDescending(i => i.Urgency)];
    }

    public async Task<IReadOnlyList<HomeLink>> LinksForAsync(ClaimsPrincipal user)
    {
        var visible = new List<HomeLink>();
        foreach (var link in links.OrderBy(l => l.Order).ThenBy(l => l.Path, StringComparer.Ordinal))
        {
            if (await AdmitsAsync(user, link.Policy))
            {
                visible.Add(link);
            }
        }

        return visible;
    }

    private async Task<bool> AdmitsAsync(ClaimsPrincipal user, string policy) =>
        user.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(user, policy)).Succeeded;
}
