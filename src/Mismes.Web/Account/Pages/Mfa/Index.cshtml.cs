using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.Administration;
using Mismes.Core.Common;
using Mismes.Web.Administration;

namespace Mismes.Web.Account.Pages.Mfa;

/// <summary>
/// Two-step verification of my account: on or off, recovery codes left, new recovery codes, turning it off (not for a
/// role that requires it). Both changes ask for a fresh authentication first ("confirm it's you").
/// </summary>
public sealed class IndexModel(TwoFactorService twoFactor, SignInManager<AppUser> signInManager, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public bool Enabled { get; private set; }

    public bool Required { get; private set; }

    public int CodesLeft { get; private set; }

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public bool Disabled { get; private set; }

    public async Task OnGetAsync() => await LoadAsync(await CurrentAsync());

    [RequireRecentAuthentication]
    public async Task<IActionResult> OnPostRegenerateAsync()
    {
        var user = await CurrentAsync();
        var result = await twoFactor.RegenerateRecoveryCodesAsync(user);
        if (result.Outcome == WriteOutcome.Conflict)
        {
            ModelState.AddModelError(string.Empty, localizer[result.ConflictKey!]);
        }

        RecoveryCodes = result.Value;
        await LoadAsync(user);
        return Page();
    }

    [RequireRecentAuthentication]
    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await CurrentAsync();
        var result = await twoFactor.DisableAsync(user);
        if (result.Outcome == WriteOutcome.Conflict)
        {
            ModelState.AddModelError(string.Empty, localizer[result.ConflictKey!]);
        }
        else
        {
            Disabled = true;
            await signInManager.RefreshSignInAsync(user);
        }

        await LoadAsync(user);
        return Page();
    }

    private async Task<AppUser> CurrentAsync() =>
        await signInManager.UserManager.GetUserAsync(User) ?? throw new InvalidOperationException("Two-step verification needs a signed-in user.");

    private async Task LoadAsync(AppUser user)
    {
        Enabled = await signInManager.UserManager.GetTwoFactorEnabledAsync(user);
        Required = await twoFactor.IsRequiredAsync(user);
        CodesLeft = Enabled ? await twoFactor.RecoveryCodesLeftAsync(user) : 0;
    }
}
