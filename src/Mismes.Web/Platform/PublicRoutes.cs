namespace Mismes.Web.Platform;

/// <summary>
/// The explicit public allow-list: the only route patterns that may be reached without signing in.
/// Everything else falls under the fallback policy (signed-in user). tests/Mismes.Web.Tests/Platform/AnonymousAccessTests
/// enumerates every endpoint of the running host and fails when an endpoint marked [AllowAnonymous] /
/// .AllowAnonymous() is not covered here — so making something public is a reviewed, one-line change in this file.
/// </summary>
/// <remarks>
/// Every entry is one exact route pattern, never a prefix: a management page marked anonymous by mistake under
/// /Catalogue/Manage must not slip through because its path starts like a public one. Comparison ignores case, and
/// a Razor page's "/Index" alias counts as its folder ("/Index" is "/").
/// </remarks>
public static class PublicRoutes
{
    public static readonly IReadOnlyList<string> Patterns =
    [
        // Platform
        "/",
        "/health",
        "/alive",
        "/culture",
        "/Error/{code:int?}",
        "/openapi/{documentName}.json",
        "/api-reference/{documentName?}",
        "/api-reference/scalar.js",
        "/api-reference/scalar.aspnetcore.js",
        "/api-reference/favicon.svg",

        // ESCO search (reference data, no personal data): the type-ahead of every occupation and skill picker,
        // including those on citizens' registration pages.
        "/api/v1/esco/occupations",
        "/api/v1/esco/skills",

        // Administration: signing in must be possible without being signed in, and so must choosing a new password.
        "/Account/SignIn",
        "/Account/SignInCode",
        "/Account/ForgotPassword",
        "/Account/ResetPassword",

        // Catalogue of support measures: the list, a measure, the comparison table export and the read-only API.
        "/Catalogue",
        "/Catalogue/{slug}",
        "/Catalogue/Export",
        "/api/v1/measures",
        "/api/v1/measures/{id}",

        // Placement: citizens register themselves as candidates for work abroad (GOV.UK pattern, one page per question).
        "/Placement/Register",

        // The eligibility finder: "which support is for me?", one question per page (Catalogue, issue 10).
        "/Eligibility",

        // Recognition: anyone holding a certificate's code verifies it (an employer abroad has no account), and the
        // published keys let anyone check a credential offline (issue 9).
        "/Verify/{code?}",
        "/api/v1/recognition/keys",
        "/api/v1/recognition/certificates/{code}/credential",
    ];

    public static bool IsPublic(string routePattern)
    {
        var route = Normalize(routePattern);
        return Patterns.Any(entry => route.Equals(entry, StringComparison.OrdinalIgnoreCase));
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
