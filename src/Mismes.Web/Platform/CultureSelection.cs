using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.WebUtilities;

namespace Mismes.Web.Platform;

/// <summary>
/// The language switcher's endpoint: <c>GET /culture?c=ar-MA&amp;returnUrl=/Catalogue</c> stores the choice in the
/// culture cookie and sends the user back. A plain link, so it works without JavaScript. Only local return URLs are
/// followed (no open redirect), and a <c>culture</c> query parameter in the return URL is dropped because it would
/// override the cookie just set.
/// </summary>
internal static class CultureSelection
{
    public const string Route = "/culture";

    public static IEndpointRouteBuilder MapCultureSelection(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, (HttpContext context, TimeProvider clock, string? c, string? returnUrl) =>
            {
                Remember(context, clock, c);
                return TypedResults.LocalRedirect(SafeReturnUrl(returnUrl));
            })
            .AllowAnonymous()
            .ExcludeFromDescription()
            .WithName("SelectCulture");
        return app;
    }

    /// <summary>
    /// Stores <paramref name="culture"/> (when it is one of the supported cultures) in the culture cookie, for a
    /// year: used by the switcher and at sign-in with the user's preferred culture; anything else is ignored.
    /// </summary>
    public static void Remember(HttpContext context, TimeProvider clock, string? culture)
    {
        var supported = Cultures.Match(culture);
        if (supported is null)
        {
            return;
        }

        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(supported)),
            new CookieOptions
            {
                Expires = clock.GetUtcNow().AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
            });
    }

    /// <summary>
    /// The switcher's link for one language, returning to the current page — on an error page, to the URL the user
    /// asked for (not /Error/404).
    /// </summary>
    public static string Link(string culture, HttpRequest request) =>
        QueryHelpers.AddQueryString(Route, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["c"] = culture,
            ["returnUrl"] = WithoutCultureParameter(CurrentUrl(request)),
        });

    private static string CurrentUrl(HttpRequest request)
    {
        if (request.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted)
        {
            return reExecuted.OriginalPathBase + reExecuted.OriginalPath + reExecuted.OriginalQueryString;
        }

        if (request.HttpContext.Features.Get<IExceptionHandlerPathFeature>() is { } failed)
        {
            return request.PathBase + failed.Path;
        }

        return request.PathBase + request.Path + request.QueryString;
    }

    /// <summary>A local URL to go back to: the given one when it is local, else the home page.</summary>
    public static string SafeReturnUrl(string? returnUrl)
    {
        if (!IsLocalUrl(returnUrl))
        {
            return "/";
        }

        return WithoutCultureParameter(returnUrl!);
    }

    /// <summary>Same rules as ASP.NET Core's Url.IsLocalUrl: "/x" and "~/x", never "//host" or "/\host".</summary>
    public static bool IsLocalUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return false;
        }

        if (url[0] == '/')
        {
            if (url.Length == 1)
            {
                return true;
            }

            return url[1] != '/' && url[1] != '\\' && !HasControlCharacter(url);
        }

        if (url.Length > 1 && url[0] == '~' && url[1] == '/')
        {
            return url.Length == 2 || (url[2] != '/' && url[2] != '\\' && !HasControlCharacter(url));
        }

        return false;
    }

    private static bool HasControlCharacter(string url) => url.Any(char.IsControl);

    private static string WithoutCultureParameter(string url)
    {
        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        if (queryStart < 0)
        {
            return url;
        }

        var path = url[..queryStart];
        var query = QueryHelpers.ParseQuery(url[queryStart..]);
        var kept = query
            .Where(p => !p.Key.Equals("culture", StringComparison.OrdinalIgnoreCase)
                && !p.Key.Equals("ui-culture", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        return QueryHelpers.AddQueryString(path, kept);
    }
}
