using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.Administration;
using Mismes.Web.Administration;

namespace Mismes.Web.Account.Pages;

/// <summary>
/// The second step of signing in (docs/adr/0024-two-step-verification.md): the code of the authenticator app, or one
/// of the recovery codes, each of which works once. Reached only after the right password (Identity's two-factor
/// cookie says whose); posts are limited per client like sign-in, five wrong codes lock the account for 15 minutes
/// (the attacker already has the password), and every failure is a security event without personal data.
/// </summary>
[AllowAnonymous]
public sealed class SignInCodeModel(
    SignInManager<AppUser> signInManager, AuditLog audit, IStringLocalizer<SharedResource> localizer, TimeProvider clock,
    ILogger<SignInCodeModel> logger) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>No password was checked in the last 5 minutes (Identity's two-factor cookie is gone): start again.</summary>
    public bool Expired { get; private set; }

    public async Task OnGetAsync() => Expired = await signInManager.GetTwoFactorAuthenticationUserAsync() is null;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Who is half-way, read before the sign-in ends Identity's two-factor cookie.
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            Expired = true;
            return Page();
        }

        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), localizer["Account.SignInCode.CodeRequired"]);
            return Page();
        }

        return await AnswerAsync(
            user, await signInManager.TwoFactorAuthenticatorSignInAsync(TwoFactorService.Clean(Code), isPersistent: false, rememberClient: false),
            nameof(Code), "wrong-code", ct);
    }

    public async Task<IActionResult> OnPostRecoveryAsync(CancellationToken ct)
    {
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            Expired = true;
            return Page();
        }

        if (string.IsNullOrWhiteSpace(RecoveryCode))
        {
            ModelState.AddModelError(nameof(RecoveryCode), localizer["Account.SignInCode.RecoveryRequired"]);
            return Page();
        }

        return await AnswerAsync(
            user, await signInManager.TwoFactorRecoveryCodeSignInAsync(RecoveryCode.Replace(" ", "", StringComparison.Ordinal).Trim()), nameof(RecoveryCode), "wrong-recovery-code", ct);
    }

    private async Task<IActionResult> AnswerAsync(AppUser user, Microsoft.AspNetCore.Identity.SignInResult result, string field, string reason, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            await SignInModel.CompleteSignInAsync(HttpContext, user, audit, clock, ct);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        SecurityEvents.SignInFailed(logger, result.IsLockedOut ? "second-step-locked-out" : reason, HttpContext.Connection.RemoteIpAddress?.ToString());
        ModelState.AddModelError(field, localizer[field == nameof(Code) ? "Account.SignInCode.CodeIncorrect" : "Account.SignInCode.RecoveryIncorrect"]);
        return Page();
    }
}
