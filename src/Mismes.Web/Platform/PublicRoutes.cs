namespace Mismes.Web.Platform;

/// <summary>
/// The explicit public allow-list: the only route patterns that may be reached without signing in.
/// Everything else falls under the fallback policy (signed-in user). tests/Mismes.Web.Tests/Platform/AnonymousAccessTests
/// enumerates every endpoint of the running host and fails when an endpoint marked [AllowAnonymous] /
/// .AllowAnonymous() is not covered here — so making something public is a reviewed, one-line change in this file.
/// </summary>
/// <remarks>
/// An entry ending in "..." covers every route starting with what precedes it (e.g. "/Catalogue..." covers
/// "/Catalogue", "/Catalogue/{slug}" and "/Catalogue/Export"); any other entry is one exact route pattern.
/// Comparison ignores case, and a Razor page's "/Index" alias counts as its folder ("/Index" is "/").
/// </remarks>
public static class PublicRoutes
{
    public static readonly IReadOnlyList<string> Patterns =
    [
        // Platform
        "/",
        "/health",
        "/culture",
        "/Error...",
        "/openapi/{documentName}.json",
        "/api-reference...",

        // Administration: signing in must be possible without being signed in.
        "/Account/SignIn",

        // Catalogue of support measures: public pages, export and read-only API.
        "/Catalogue...",
        "/api/v1/measures...",

        // Eligibility pages for citizens.
        "/Eligibility...",
    ];

    public static bool IsPublic(string routePattern)
    {
        var route = Normalize(routePattern);
        foreach (var entry in Patterns)
        {
            if (entry.EndsWith("...", StringComparison.Ordinal))
            {
                if (route.StartsWith(entry[..^3], StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            else if (route.Equals(entry, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"People/Index" and "/people/index/" become "/people"; "" and "Index" become "/".</summary>
    public static string Normalize(string routePattern)
    {
        var route = "/" + routePattern.Trim().Trim('/');
        if (route.EndsWith("/Index", StringComparison.OrdinalIgnoreCase))
        {
            route = route[..^"/Index".Length];
        }

        return route.Length == 0 ? "/" : route;
    }
}
