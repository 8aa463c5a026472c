using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mismes.Web.Pages;

/// <summary>
/// The friendly error page: re-executed by the status code pages (/Error/404 …) and the exception handler
/// (/Error/500). Shows a message in the user's language and a reference to quote, never exception details.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
internal sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string TraceId { get; private set; } = "";

    public bool IsNotFound => Status == StatusCodes.Status404NotFound;

    public void OnGet(int? code) => Describe(code);

    // Errors of a POST (an expired form, a failed save) are re-executed as POST; they get the same page.
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        Status = code is >= 400 and <= 599 ? code.Value : StatusCodes.Status500InternalServerError;
        if (!reExecuted || Response.StatusCode < 400)
        {
            Response.StatusCode = Status;
        }

        TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
    }
}
