using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.Administration;
using Mismes.Web.Administration;
using Mismes.Web.Platform;

namespace Mismes.Web.Account.Pages;

/// <summary>E-mail and password sign-in; locks the account after repeated failures; audits each sign-in.</summary>
[AllowAnonymous]
public sealed class SignInModel(
    SignInManager<AppUser> signInManager, AuditLog audit, IStringLocalizer<SharedResource> localizer,
    TimeProvider clock, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Account.SignIn.EmailRequired")]
    [Display(Name = "Account.SignIn.Email")]
    public string? Email { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Account.SignIn.PasswordRequired")]
    [Display(Name = "Account.SignIn.Password")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await signInManager.UserManager.FindByEmailAsync(Email!.Trim());
        if (user is null)
        {
            // Same answer as a wrong password, after about the same work (one password hash), so neither the text
            // nor the response time reveals which e-mails have accounts.
            signInManager.UserManager.PasswordHasher.HashPassword(new AppUser { DisplayName = "" }, Password!);
            SecurityEvents.SignInFailed(logger, "unknown-account", HttpContext.Connection.RemoteIpAddress?.ToString());
            ModelState.AddModelError(string.Empty, localizer["Account.SignIn.Failed"]);
            return Page();
        }

        var result = await signInManager.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await SessionCookieManager.EndHiddenSessionAsync(HttpContext);
            await audit.RecordForAsync(user.Id, user.InstitutionId, AuditAction.SignIn, "User", user.Id.ToString(), ct);
            // The user's preferred language, when set, wins over the browser's from now on (the switcher can change it).
            CultureSelection.Remember(HttpContext, clock, user.PreferredCulture);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused: account {UserId} is locked out", user.Id);
            SecurityEvents.SignInFailed(logger, "locked-out", HttpContext.Connection.RemoteIpAddress?.ToString());
            ModelState.AddModelError(string.Empty, localizer["Account.SignIn.LockedOut"]);
            return Page();
        }

        SecurityEvents.SignInFailed(logger, "wrong-password", HttpContext.Connection.RemoteIpAddress?.ToString());
        ModelState.AddModelError(string.Empty, localizer["Account.SignIn.Failed"]);
        return Page();
    }
}
