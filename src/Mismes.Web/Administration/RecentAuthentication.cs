using System.Globalization;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Mismes.Web.Administration;

/// <summary>
/// Marks a page (or one of its handler methods) that needs a fresh authentication: the user signed in, or confirmed
/// their password (and code, with two-step verification on), at most <see cref="RecentAuthentication.Window"/> ago.
/// Otherwise the page sends them to /Account/Confirm and back. For exports of personal data and changes to how one
/// signs in (docs/adr/0024-two-step-verification.md).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
internal sealed class RequireRecentAuthenticationAttribute : Attribute;

internal static class RecentAuthentication
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public const string ConfirmPath = "/Account/Confirm";

    public static bool IsRecent(ClaimsPrincipal user, TimeProvider clock) =>
        long.TryParse(user.FindFirstValue(MismesClaims.ConfirmedAt), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) <= Window;

    /// <summary>
    /// "/Account/Confirm?returnUrl=…" back to this page: the same address for a GET (an export link), the page itself
    /// for a POST (a post cannot be replayed by a redirect: the user presses the button again).
    /// </summary>
    public static string ConfirmUrl(HttpRequest request) =>
        ConfirmPath + "?returnUrl=" + Uri.EscapeDataString(
            request.PathBase + request.Path + (HttpMethods.IsGet(request.Method) ? request.QueryString.ToString() : ""));
}

/// <summary>Applies <see cref="RequireRecentAuthenticationAttribute"/> to every page (registered once, globally).</summary>
internal sealed class RecentAuthenticationFilter(TimeProvider clock) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var required = context.HandlerInstance.GetType().IsDefined(typeof(RequireRecentAuthenticationAttribute))
            || context.HandlerMethod?.MethodInfo.IsDefined(typeof(RequireRecentAuthenticationAttribute)) == true;
        if (required && !RecentAuthentication.IsRecent(context.HttpContext.User, clock))
        {
            context.Result = new RedirectResult(RecentAuthentication.ConfirmUrl(context.HttpContext.Request));
            return;
        }

        await next();
    }
}
