using Microsoft.AspNetCore.Identity;
using Mismes.Core.Common;
using Mismes.Core.Data;
using Mismes.Core.Notifications;

namespace Mismes.Core.Administration;

/// <summary>A new password chosen through the link of a <see cref="MessageKinds.PasswordReset"/> message.</summary>
public sealed record ResetPassword
{
    public required Guid UserId { get; init; }

    /// <summary>Identity's reset token, as the link carried it.</summary>
    public required string Token { get; init; }

    public required string NewPassword { get; init; }
}

/// <summary>
/// "Forgot password" and the reset links administrators send (docs/adr/0021-account-administration.md). The link
/// carries an Identity reset token: it expires (the token provider's lifespan, one hour) and works once, because
/// choosing the password rotates the security stamp the token was made from. Choosing a new password ends every
/// session of the user. Field errors: "Token" → "Invalid"; "NewPassword" → "Required" or "Identity." + the code of the
/// password policy that refused it.
/// </summary>
public sealed class PasswordResetService(
    AppDbContext db, UserManager<AppUser> users, UserSessions sessions, NotificationService notifications, AuditLog audit)
{
    /// <summary>How long a reset link works (set on Identity's token provider by the web host).</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(1);

    /// <summary>
    /// Sends a reset link to the account with this e-mail, if there is one and it is active; otherwise does nothing.
    /// The caller answers the same either way, so the form tells nobody which e-mails have accounts.
    /// </summary>
    /// <param name="resetPageUrl">The absolute address of the page that applies the link, e.g. https://…/Account/ResetPassword.</param>
    public async Task RequestAsync(string email, string resetPageUrl, CancellationToken ct)
    {
        var address = email.Trim();
        if (!NotificationService.IsValidAddress(address) || await users.FindByEmailAsync(address) is not { DeactivatedAt: null } user)
        {
            return;
        }

        // Nobody is signed in: the audit entry names no actor ("the system sent a link").
        await EnqueueAsync(user, resetPageUrl, byCurrentUser: false);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds the reset message and its audit entry to the unit of work, without saving.</summary>
    /// <param name="byCurrentUser">An administrator asked for it (the audit names them), or the user's own "forgot password".</param>
    internal async Task EnqueueAsync(AppUser user, string resetPageUrl, bool byCurrentUser)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"{resetPageUrl}?user={user.Id:D}&token={Uri.EscapeDataString(token)}";
        notifications.Enqueue(MessageKinds.PasswordReset, user.Email!, user.PreferredCulture, new PasswordResetMail(user.DisplayName, link), user.InstitutionId);
        if (byCurrentUser)
        {
            audit.Add(AuditAction.PasswordResetSent, "User", user.Id.ToString());
        }
        else
        {
            audit.AddFor(null, user.InstitutionId, AuditAction.PasswordResetSent, "User", user.Id.ToString());
        }
    }

    /// <summary>Whether a link still works, so the page can say so before anything is typed.</summary>
    public async Task<bool> IsLinkValidAsync(Guid userId, string? token)
    {
        if (string.IsNullOrEmpty(token) || await users.FindByIdAsync(userId.ToString()) is not { DeactivatedAt: null } user)
        {
            return false;
        }

        return await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token);
    }

    /// <summary>Sets the new password, ends every session of the user and audits it; the link stops working.</summary>
    public async Task<WriteResult<Guid>> ResetAsync(ResetPassword request, CancellationToken ct)
    {
        if (!await IsLinkValidAsync(request.UserId, request.Token))
        {
            return WriteResult<Guid>.Invalid(nameof(ResetPassword.Token), "Invalid");
        }

        var user = (await users.FindByIdAsync(request.UserId.ToString()))!;
        if (string.IsNullOrEmpty(request.NewPassword))
        {
            return WriteResult<Guid>.Invalid(nameof(ResetPassword.NewPassword), "Required");
        }

        if (await AccountService.PasswordErrorsAsync(users, user, request.NewPassword) is { Length: > 0 } codes)
        {
            var errors = new FieldErrors();
            foreach (var code in codes)
            {
                errors.Add(nameof(ResetPassword.NewPassword), code);
            }

            return WriteResult<Guid>.Invalid(errors);
        }

        // Rotates the security stamp: this token, and any other reset link sent before, stops working.
        var result = await users.ResetPasswordAsync(user, request.Token, request.NewPassword);
        if (!result.Succeeded)
        {
            // Only a race with another use of the same link gets here: the first one won.
            return WriteResult<Guid>.Invalid(nameof(ResetPassword.Token), "Invalid");
        }

        await sessions.RevokeAllAsync(user.Id, ct);
        audit.AddFor(user.Id, user.InstitutionId, AuditAction.PasswordReset, "User", user.Id.ToString());
        await db.SaveChangesAsync(ct);
        return WriteResult<Guid>.Ok(user.Id);
    }
}
