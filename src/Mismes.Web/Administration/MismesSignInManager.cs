using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Mismes.Core.Administration;

namespace Mismes.Web.Administration;

/// <summary>
/// Identity's sign-in manager, which also refuses a deactivated account (docs/adr/0021-account-administration.md):
/// every way in (password, second step, recovery code) asks <see cref="CanSignInAsync"/> first, so no page can forget it.
/// </summary>
internal sealed class MismesSignInManager(
    UserManager<AppUser> userManager, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) =>
        user.DeactivatedAt is null && await base.CanSignInAsync(user);
}
