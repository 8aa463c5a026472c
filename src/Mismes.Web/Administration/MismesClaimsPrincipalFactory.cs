using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Mismes.Core.Administration;
using Mismes.Web.Platform;

namespace Mismes.Web.Administration;

public static class MismesClaims
{
    public const string Institution = HttpCurrentUser.InstitutionClaim;
    public const string InstitutionName = "mismes:institution_name";
    public const string DisplayName = "mismes:display_name";
    public const string ApiKeyId = HttpCurrentUser.ApiKeyClaim;

    /// <summary>One claim per scope of the API key (docs/adr/0019-api-key-scopes.md).</summary>
    public const string Scope = "mismes:scope";

    /// <summary>When the user last proved who they are (sign-in or "confirm it's you"), Unix seconds.</summary>
    public const string ConfirmedAt = "mismes:confirmed_at";

    /// <summary>Present while a role that requires two-step verification has not set it up: only the setup page opens.</summary>
    public const string TwoFactorMissing = "mismes:2fa_missing";
}

/// <summary>Puts the user's institution (id and name) and display name into the sign-in cookie.</summary>
internal sealed class MismesClaimsPrincipalFactory(
    UserManager<AppUser> userManager, RoleManager<IdentityRole<Guid>> roleManager, IOptions<IdentityOptions> options, InstitutionDirectory institutions)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(MismesClaims.DisplayName, user.DisplayName));
        if (!await UserManager.GetTwoFactorEnabledAsync(user) && TwoFactorService.IsRequiredFor(await UserManager.GetRolesAsync(user)))
        {
            identity.AddClaim(new Claim(MismesClaims.TwoFactorMissing, "true"));
        }

        if (user.InstitutionId is { } institutionId)
        {
            var name = await institutions.NameAsync(institutionId, CancellationToken.None);
            identity.AddClaim(new Claim(MismesClaims.Institution, institutionId.ToString()));
            if (name is not null)
            {
                identity.AddClaim(new Claim(MismesClaims.InstitutionName, name));
            }
        }

        return identity;
    }
}
