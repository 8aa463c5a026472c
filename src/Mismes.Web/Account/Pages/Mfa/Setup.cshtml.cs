using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.Administration;
using QRCoder;

namespace Mismes.Web.Account.Pages.Mfa;

/// <summary>
/// Sets up two-step verification: scan the QR code (drawn on the server as a PNG, so no script is needed) or type
/// the key into an authenticator app, confirm with a code, and see the ten recovery codes once.
/// </summary>
public sealed class SetupModel(TwoFactorService twoFactor, SignInManager<AppUser> signInManager, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public AuthenticatorSetup? Setup { get; private set; }

    /// <summary>The key in groups of four, easier to type.</summary>
    public string GroupedKey => string.Join(' ', Enumerable.Range(0, (Setup!.Key.Length + 3) / 4).Select(i => Setup.Key.Substring(i * 4, Math.Min(4, Setup.Key.Length - i * 4))));

    public string QrImage { get; private set; } = "";

    /// <summary>Shown once, right after setup.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public bool Required { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await signInManager.UserManager.GetUserAsync(User) ?? throw new InvalidOperationException("Setting up two-step verification needs a signed-in user.");
        if (await signInManager.UserManager.GetTwoFactorEnabledAsync(user))
        {
            return LocalRedirect("/Account/Mfa");
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signInManager.UserManager.GetUserAsync(User) ?? throw new InvalidOperationException("Setting up two-step verification needs a signed-in user.");
        var result = await twoFactor.EnableAsync(user, Code);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Code), localizer["Account.TwoFactor.Code." + result.Errors["Code"][0]]);
            await LoadAsync(user);
            return Page();
        }

        // A new ticket without the "set up first" claim: every page opens again.
        await signInManager.RefreshSignInAsync(user);
        RecoveryCodes = result.Value;
        return Page();
    }

    private async Task LoadAsync(AppUser user)
    {
        Required = await twoFactor.IsRequiredAsync(user);
        Setup = await twoFactor.BeginSetupAsync(user);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Setup.OtpAuthUri, QRCodeGenerator.ECCLevel.Q);
        QrImage = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6));
    }
}
