using Microsoft.AspNetCore.Identity;
using Mismes.Core.Common;
using Mismes.Core.Data;

namespace Mismes.Core.Administration;

/// <summary>An authenticator key being set up: the key to type in, and the otpauth:// address its QR code holds.</summary>
public sealed record AuthenticatorSetup(string Key, string OtpAuthUri);

/// <summary>
/// Two-step verification with an authenticator app (TOTP, RFC 6238) and ten single-use recovery codes, built on
/// ASP.NET Core Identity's own authenticator support (docs/adr/0024-two-step-verification.md). Required for
/// Administrator and ProgrammeManager, offered to every other role. Identity keeps the key and the hashed recovery
/// codes in AspNetUserTokens; a recovery code is removed when used.
/// </summary>
public sealed class TwoFactorService(AppDbContext db, UserManager<AppUser> users, AuditLog audit)
{
    public const int RecoveryCodeCount = 10;

    public const string Issuer = "Mismes";

    /// <summary>The roles that may not work without two-step verification: they see every institution or manage users.</summary>
    public static readonly IReadOnlyList<string> RequiredForRoles = [Roles.Administrator, Roles.ProgrammeManager];

    public static bool IsRequiredFor(IEnumerable<string> roles) => roles.Any(r => RequiredForRoles.Contains(r, StringComparer.Ordinal));

    /// <summary>Whether the account must set up two-step verification before it can do anything else.</summary>
    public async Task<bool> IsMissingAsync(AppUser user) =>
        !await users.GetTwoFactorEnabledAsync(user) && IsRequiredFor(await users.GetRolesAsync(user));

    public async Task<bool> IsRequiredAsync(AppUser user) => IsRequiredFor(await users.GetRolesAsync(user));

    /// <summary>The key to scan or type: the one already drawn if setup was started, a new one otherwise.</summary>
    public async Task<AuthenticatorSetup> BeginSetupAsync(AppUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }

        var label = Uri.EscapeDataString($"{Issuer}:{user.Email}");
        return new AuthenticatorSetup(key, $"otpauth://totp/{label}?secret={key}&issuer={Issuer}&digits=6&period=30");
    }

    /// <summary>
    /// Turns two-step verification on once the app shows a valid code, and returns the ten recovery codes, shown once.
    /// Error: field "Code" → "Required" or "Incorrect".
    /// </summary>
    public async Task<WriteResult<IReadOnlyList<string>>> EnableAsync(AppUser user, string? code)
    {
        var cleaned = Clean(code);
        if (cleaned.Length == 0)
        {
            return WriteResult<IReadOnlyList<string>>.Invalid("Code", "Required");
        }

        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user))
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, cleaned))
        {
            return WriteResult<IReadOnlyList<string>>.Invalid("Code", "Incorrect");
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        audit.AddFor(user.Id, user.InstitutionId, AuditAction.TwoFactorEnabled, "User", user.Id.ToString());
        await db.SaveChangesAsync();
        return WriteResult<IReadOnlyList<string>>.Ok(codes);
    }

    /// <summary>Ten new recovery codes; the old ones stop working.</summary>
    public async Task<WriteResult<IReadOnlyList<string>>> RegenerateRecoveryCodesAsync(AppUser user)
    {
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return WriteResult<IReadOnlyList<string>>.Conflict("Account.TwoFactor.NotEnabled");
        }

        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        audit.AddFor(user.Id, user.InstitutionId, AuditAction.RecoveryCodesRegenerated, "User", user.Id.ToString());
        await db.SaveChangesAsync();
        return WriteResult<IReadOnlyList<string>>.Ok(codes);
    }

    public async Task<int> RecoveryCodesLeftAsync(AppUser user) => await users.CountRecoveryCodesAsync(user);

    /// <summary>Turns two-step verification off and forgets the key; refused (Conflict) for a role that requires it.</summary>
    public async Task<WriteResult<bool>> DisableAsync(AppUser user)
    {
        if (await IsRequiredAsync(user))
        {
            return WriteResult<bool>.Conflict("Account.TwoFactor.Required");
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey");
        audit.AddFor(user.Id, user.InstitutionId, AuditAction.TwoFactorDisabled, "User", user.Id.ToString());
        await db.SaveChangesAsync();
        return WriteResult<bool>.Ok(true);
    }

    /// <summary>Authenticator codes are often typed with a space or a dash ("123 456"): compare without them.</summary>
    public static string Clean(string? code) => (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();
}
