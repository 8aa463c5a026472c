using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mismes.Core.Administration;
using Mismes.Web.Platform;

namespace Mismes.Web.Account.Pages;

/// <summary>
/// "Forgot password": asks for an e-mail and always gives the same answer, whether an account has it or not, so the
/// form tells nobody who has an account (docs/adr/0021-account-administration.md). An active account gets a link to
/// choose a new password. Posts are limited per client like sign-in (RateLimits.AccountFormPaths).
/// </summary>
[AllowAnonymous]
public sealed class ForgotPasswordModel(PasswordResetService resets, PublicLinks links) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Account.SignIn.EmailRequired")]
    [Display(Name = "Account.SignIn.Email")]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await resets.RequestAsync(Email!, links.Absolute("/Account/ResetPassword"), ct);
        Sent = true;
        return Page();
    }
}
