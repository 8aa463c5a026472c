using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Mismes.Web.Administration;

/// <summary>
/// The sign-in cookie's manager. On the sign-in pages it does not read the session cookie a browser still sends, so
/// signing in always starts a new session with a new key and never carries on an existing one: the cookie handler
/// would otherwise renew the old key with the new user's ticket (session fixation, ASVS 7.2.4). The key it hid is
/// kept for <see cref="HiddenCookie"/>, so the sign-in can end that old session.
/// </summary>
internal sealed class SessionCookieManager(ICookieManager inner) : ICookieManager
{
    public const string SignInPath = "/Account/SignIn";

    /// <summary>The pages that sign in: the password page and the second step.</summary>
    private static readonly string[] SignInPaths = [SignInPath, "/Account/SignInCode"];

    /// <summary>The claim in which the cookie handler keeps the session key (its private constant).</summary>
    private const string SessionIdClaim = "Microsoft.AspNetCore.Authentication.Cookies-SessionId";

    private static readonly object HiddenItem = new();

    /// <summary>The session cookie the browser sent to a sign-in page (not read as a session there), if any.</summary>
    public static string? HiddenCookie(HttpContext context) => context.Items[HiddenItem] as string;

    /// <summary>After a sign-in: ends the session of the cookie the browser came with, so it cannot be used again.</summary>
    public static async Task EndHiddenSessionAsync(HttpContext context)
    {
        if (HiddenCookie(context) is not { } cookie)
        {
            return;
        }

        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme);
        if (options.TicketDataFormat.Unprotect(cookie)?.Principal.FindFirstValue(SessionIdClaim) is { } key)
        {
            await options.SessionStore!.RemoveAsync(key, context, context.RequestAborted);
        }
    }

    public string? GetRequestCookie(HttpContext context, string key)
    {
        var value = inner.GetRequestCookie(context, key);
        if (value is not null && SignInPaths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            context.Items[HiddenItem] = value;
            return null;
        }

        return value;
    }

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        inner.AppendResponseCookie(context, key, value, options);

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        inner.DeleteCookie(context, key, options);
}
