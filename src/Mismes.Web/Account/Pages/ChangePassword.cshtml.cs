using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.Administration;

namespace Mismes.Web.Account.Pages;

/// <summary>
/// A signed-in user changes their own password. Every session of the user ends, this one too (a stolen copy of
/// its cookie must die with the old password); the user signs in again with the new one.
/// </summary>
public sealed class ChangePasswordModel(
    AccountService accounts, SignInManager<AppUser> signInManager, ICurrentUser currentUser, IStringLocalizer<SharedResource> localizer)
    : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool Changed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var userId = currentUser.UserId ?? throw new InvalidOperationException("Changing a password needs a signed-in user.");
        if (!string.Equals(NewPassword, ConfirmPassword, StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(ConfirmPassword), localizer["Account.ChangePassword.Mismatch"]);
            return Page();
        }

        var errors = await accounts.ChangePasswordAsync(userId, CurrentPassword ?? "", NewPassword ?? "", ct);
        if (errors.Count > 0)
        {
            foreach (var (field, codes) in errors)
            {
                foreach (var message in PasswordMessages.Describe(field, codes, localizer))
                {
                    ModelState.AddModelError(field, message);
                }
            }

            return Page();
        }

        // Every session has ended, this one too: clear its cookie; the page offers to sign in again.
        await signInManager.SignOutAsync();
        Changed = true;
        return Page();
    }
}
