using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Mismes.Core.Administration;

namespace Mismes.Web.Administration;

/// <summary>
/// Identity's sign-in manager, which also refuses a deactivated account (docs/adr/0021-account-administration.md):
/// every way in (password, second step, recovery code) asks <see cref="CanSignInAsync"/> first, so no page can forget
/// it. Every sign-in stamps the time it happened (<see cref="MismesClaims.ConfirmedAt"/>), which is what "confirm it's
/// you" renews before sensitive actions (docs/adr/0024-two-step-verification.md).
/// </summary>
internal sealed class MismesSignInManager(
    UserManager<AppUser> userManager, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation, TimeProvider clock)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) =>
        user.DeactivatedAt is null && await base.CanSignInAsync(user);

    /// <summary>
    /// After the page has checked the password itself: signs in, or, when the account has two-step verification on,
    /// only remembers who is half-way (Identity's two-factor cookie) and answers TwoFactorRequired.
    /// </summary>
    public Task<SignInResult> SignInAfterPasswordAsync(AppUser user) => SignInOrTwoFactorAsync(user, isPersistent: false);

    public override Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var claims = additionalClaims.Where(c => c.Type != MismesClaims.ConfirmedAt).ToList();
        claims.Add(new Claim(MismesClaims.ConfirmedAt, clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        return base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }
}
