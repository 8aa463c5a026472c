using Microsoft.AspNetCore.Identity;
using Mismes.Core.Data;

namespace Mismes.Core.Administration;

/// <summary>
/// What users do with their own account. Field errors come back as codes (Required, Incorrect, Mismatch, or
/// "Identity." + Identity's own code for a password the policy refuses) for the page to localise.
/// </summary>
public sealed class AccountService(AppDbContext db, UserManager<AppUser> users, UserSessions sessions, AuditLog audit)
{
    /// <summary>
    /// Changes the password and ends every session of the user, this browser's too: a cookie stolen before the
    /// change must not outlive it. The user signs in again with the new password.
    /// </summary>
    public async Task<Dictionary<string, string[]>> ChangePasswordAsync(
        Guid userId, string currentPassword, string newPassword, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
        if (string.IsNullOrEmpty(currentPassword))
        {
            errors["CurrentPassword"] = ["Required"];
        }
        else if (!await users.CheckPasswordAsync(user, currentPassword))
        {
            errors["CurrentPassword"] = ["Incorrect"];
        }

        if (string.IsNullOrEmpty(newPassword))
        {
            errors["NewPassword"] = ["Required"];
        }
        else if (await PasswordErrorsAsync(users, user, newPassword) is { Length: > 0 } passwordErrors)
        {
            errors["NewPassword"] = passwordErrors;
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Changing the password failed: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }

        await sessions.RevokeAllAsync(user.Id, ct);
        audit.AddFor(user.Id, user.InstitutionId, AuditAction.Update, "User", user.Id.ToString(), "Password");
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>The codes ("Identity." + code) of every password validator that refuses <paramref name="password"/>.</summary>
    public static async Task<string[]> PasswordErrorsAsync(UserManager<AppUser> users, AppUser user, string password)
    {
        var codes = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            codes.AddRange(result.Errors.Select(e => "Identity." + e.Code));
        }

        return codes.Distinct(StringComparer.Ordinal).ToArray();
    }
}
