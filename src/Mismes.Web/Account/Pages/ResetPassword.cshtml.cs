using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.Administration;
using Mismes.Core.Common;

namespace Mismes.Web.Account.Pages;

/// <summary>
/// The page a reset link opens (?user=…&amp;token=…): choose a new password under the password policy. The link works
/// once and for an hour; using it ends every session of the account (docs/adr/0021-account-administration.md).
/// </summary>
[AllowAnonymous]
public sealed class ResetPasswordModel(PasswordResetService resets, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public Guid? AccountId { get; set; }

    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool LinkValid { get; private set; }

    public bool Changed { get; private set; }

    public async Task OnGetAsync() => LinkValid = AccountId is { } id && await resets.IsLinkValidAsync(id, Token);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        LinkValid = true;
        if (!string.Equals(NewPassword, ConfirmPassword, StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(ConfirmPassword), localizer["Account.ChangePassword.Mismatch"]);
            LinkValid = AccountId is { } id && await resets.IsLinkValidAsync(id, Token);
            return Page();
        }

        var result = await resets.ResetAsync(
            new ResetPassword { UserId = AccountId ?? Guid.Empty, Token = Token ?? "", NewPassword = NewPassword ?? "" }, ct);
        if (result.Outcome == WriteOutcome.Ok)
        {
            Changed = true;
            return Page();
        }

        if (result.Errors.ContainsKey(nameof(ResetPassword.Token)))
        {
            LinkValid = false;
            return Page();
        }

        foreach (var (field, codes) in result.Errors)
        {
            foreach (var message in PasswordMessages.Describe(field, codes, localizer))
            {
                ModelState.AddModelError(field, message);
            }
        }

        return Page();
    }
}
