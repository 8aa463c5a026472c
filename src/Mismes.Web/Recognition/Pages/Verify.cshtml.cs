using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Mismes.Core.Esco;
using Mismes.Core.Recognition;
using Mismes.Web.Platform;

namespace Mismes.Web.Recognition.Pages;

/// <summary>
/// The public verification of a certificate (no sign-in), reached from its QR code (/Verify/7KQ2M-X9RTA) or by typing
/// the code printed on it: what the certificate states and whether it still holds or was revoked. Plain HTML that
/// works on a phone without JavaScript; rate-limited like every public search.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Search)]
public sealed class VerifyModel(ValidationService validations, EscoLookup esco, PublicLinks links) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "code")]
    public string? Code { get; set; }

    public CertificateDisplay? Certificate { get; private set; }

    /// <summary>A code was given and no certificate has it (or it cannot be a code).</summary>
    public bool NotFoundCode { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            return Page();
        }

        var found = await validations.VerifyAsync(Code, ct);
        if (found is null)
        {
            NotFoundCode = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Certificate = CertificateDisplay.Of(found.Certificate, esco, links);
        return Page();
    }
}
