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

/// <summary>
/// E-mail and password sign-in (docs/adr/0020-sign-in-throttling.md). Every refusal gives the same answer after the
/// same work, one password hash, whether the account exists, is locked or the password is wrong; failures are
/// throttled by client before an account is ever locked; each sign-in is audited.
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(
    SignInManager<AppUser> signInManager, SignInThrottle throttle, UserSessions sessions, AuditLog audit,
    IStringLocalizer<SharedResource> localizer, TimeProvider clock, ILogger<SignInModel> logger) : PageModel
{
    private static readonly AppUser UnknownAccount = new() { DisplayName = "" };

    /// <summary>The hash an unknown e-mail's password is checked against, so it costs what a real account costs.</summary>
    private static string? unknownAccountHash;

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

        var email = Email!.Trim();
        var client = ClientAddress.Of(HttpContext);
        var gate = await throttle.CheckAsync(email, client, ct);
        if (gate == SignInGate.ClosedForThisClient)
        {
            // Says nothing about the account: the same for every e-mail tried from this client.
            logger.LogWarning("Sign-in refused: too many failed sign-ins from this client");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError(string.Empty, localizer["Account.SignIn.TooManyAttempts"]);
            return Page();
        }

        var users = signInManager.UserManager;
        var user = await users.FindByEmailAsync(email);
        bool passwordMatches;
        if (user is null)
        {
            // The same work as for a real account (one hash verification), and never a match, so neither the text
            // nor the response time reveals which e-mails have accounts.
            unknownAccountHash ??= users.PasswordHasher.HashPassword(UnknownAccount, Guid.NewGuid().ToString());
            users.PasswordHasher.VerifyHashedPassword(UnknownAccount, unknownAccountHash, Password!);
            passwordMatches = false;
        }
        else
        {
            // Checked even when the account is locked: a locked account costs what any other refusal costs.
            passwordMatches = await users.CheckPasswordAsync(user, Password!);
        }

        var refusal = user is null ? "unknown-account"
            : gate == SignInGate.ClosedForThisAccount ? "throttled"
            : IsLockedOut(user) ? "locked-out"
            : user.DeactivatedAt is not null ? "deactivated"
            : !passwordMatches || !await signInManager.CanSignInAsync(user) ? "wrong-password"
            : null;
        if (refusal is not null)
        {
            await RecordFailureAsync(email, client, user, refusal, ct);
            ModelState.AddModelError(string.Empty, localizer["Account.SignIn.Failed"]);
            return Page();
        }

        // The password was checked above: sign in without checking it (and paying for a hash) a second time.
        await throttle.ClearAsync(email, client, ct);
        await signInManager.SignInAsync(user!, isPersistent: false);
        await SessionCookieManager.EndHiddenSessionAsync(HttpContext);
        await audit.RecordForAsync(user!.Id, user.InstitutionId, AuditAction.SignIn, "User", user.Id.ToString(), ct);
        // The user's preferred language, when set, wins over the browser's from now on (the switcher can change it).
        CultureSelection.Remember(HttpContext, clock, user.PreferredCulture);
        // To the page the user was sent away from, or else to their role home and its work queue.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : WorkQueueRegistration.HomePath);
    }

    /// <summary>
    /// Logs the refusal as a security event and counts it for this client; once the account has failed from many
    /// clients together (a distributed attack: one client is stopped long before), locks it and ends its sessions.
    /// </summary>
    private async Task RecordFailureAsync(string email, string client, AppUser? user, string reason, CancellationToken ct)
    {
        SecurityEvents.SignInFailed(logger, reason, HttpContext.Connection.RemoteIpAddress?.ToString());
        var lockAccount = await throttle.RecordFailureAsync(email, client, ct);
        if (lockAccount && user is not null && !IsLockedOut(user))
        {
            await signInManager.UserManager.SetLockoutEndDateAsync(user, clock.GetUtcNow() + SignInThrottle.Window);
            await sessions.RevokeAllAsync(user.Id, ct);
            logger.LogWarning("Account {UserId} locked: failed sign-ins from many clients", user.Id);
        }
    }

    /// <summary>Identity's lockout end against the app's clock (Identity's own check reads the system clock).</summary>
    private bool IsLockedOut(AppUser user) => user.LockoutEnabled && user.LockoutEnd > clock.GetUtcNow();
}
