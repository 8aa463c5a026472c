using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.Administration;
using Mismes.Web.Administration;

namespace Mismes.Web.Account.Pages;

/// <summary>
/// "Confirm it's you": the password again, and the authenticator code when two-step verification is on, before an
/// export of personal data or a change to how one signs in (<see cref="RequireRecentAuthenticationAttribute"/>). A
/// success stamps the session with the time (MismesSignInManager), good for five minutes.
/// </summary>
public sealed class ConfirmModel(
    SignInManager<AppUser> signInManager, IStringLocalizer<SharedResource> localizer, ILogger<ConfirmModel> logger) : PageModel
{
    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool NeedsCode { get; private set; }

    public async Task OnGetAsync() => NeedsCode = await signInManager.UserManager.GetTwoFactorEnabledAsync(await CurrentAsync());

    public async Task<IActionResult> OnPostAsync()
    {
        var users = signInManager.UserManager;
        var user = await CurrentAsync();
        NeedsCode = await users.GetTwoFactorEnabledAsync(user);
        var passwordOk = !string.IsNullOrEmpty(Password) && await users.CheckPasswordAsync(user, Password);
        var codeOk = !NeedsCode || (TwoFactorService.Clean(Code) is { Length: > 0 } code
            && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code));
        if (!passwordOk || !codeOk)
        {
            SecurityEvents.SignInFailed(logger, "confirm-failed", HttpContext.Connection.RemoteIpAddress?.ToString());
            ModelState.AddModelError(NeedsCode ? string.Empty : nameof(Password), localizer[NeedsCode ? "Account.Confirm.Failed" : "Account.Confirm.PasswordIncorrect"]);
            return Page();
        }

        // Re-issues the session's ticket, stamped with the time of this confirmation; the "mfa" method is kept.
        var method = User.FindFirst("amr") is { } amr ? [new System.Security.Claims.Claim("amr", amr.Value)] : Array.Empty<System.Security.Claims.Claim>();
        await signInManager.SignInWithClaimsAsync(user, isPersistent: false, method);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Account");
    }

    private async Task<AppUser> CurrentAsync() =>
        await signInManager.UserManager.GetUserAsync(User) ?? throw new InvalidOperationException("Confirming needs a signed-in user.");
}
