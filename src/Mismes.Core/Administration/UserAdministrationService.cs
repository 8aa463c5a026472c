using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mismes.Core.Common;
using Mismes.Core.Data;

namespace Mismes.Core.Administration;

public sealed record InstitutionView(Guid Id, string Code, string Name, InstitutionKind Kind, string Country, string? ParentCode, bool IsDemo);

public sealed record UserView(Guid Id, string Email, string DisplayName, string? InstitutionCode, IReadOnlyList<string> Roles, bool LockedOut, bool Deactivated = false);

/// <summary>One account as the edit page shows it.</summary>
public sealed record UserDetails(
    Guid Id, string Email, string DisplayName, Guid? InstitutionId, string? InstitutionCode, IReadOnlyList<string> Roles,
    string? PreferredCulture, DateTimeOffset? DeactivatedAt, bool LockedOut)
{
    public bool IsActive => DeactivatedAt is null;
}

/// <summary>An administrator's (or programme manager's) change to an account. Null <see cref="PreferredCulture"/>: follow the browser.</summary>
public sealed record UpdateUser
{
    public required Guid UserId { get; init; }

    public required string Email { get; init; }

    public required string DisplayName { get; init; }

    public required Guid InstitutionId { get; init; }

    public required IReadOnlyList<string> Roles { get; init; }

    public required string? PreferredCulture { get; init; }
}

public sealed record CreateUser
{
    public required string Email { get; init; }

    public required string DisplayName { get; init; }

    public required Guid InstitutionId { get; init; }

    public required IReadOnlyList<string> Roles { get; init; }

    public required string Password { get; init; }
}

/// <summary>
/// Institutions and user accounts as the administration pages need them. Field errors come back as codes
/// (Required, TooLong, Invalid, Taken, NotAllowed, or Identity's own codes for passwords) for the page to localise.
/// Who may change an account (docs/adr/0021-account-administration.md): an administrator any account; a programme
/// manager the accounts of their own institution that are not administrators'. Nobody deactivates their own account
/// or changes their own roles or institution (so an administrator cannot lock everybody out by mistake). A change of
/// roles or institution, and a deactivation, end every session of the account at once.
/// </summary>
public sealed class UserAdministrationService(
    AppDbContext db, UserManager<AppUser> users, ICurrentUser currentUser, AuditLog audit, TimeProvider clock,
    UserSessions sessions, PasswordResetService passwordResets)
{
    /// <summary>The languages a user may prefer (null: follow the browser).</summary>
    public static readonly IReadOnlyList<string> Cultures = ["fr", "ar-MA", "en", "es"];

    public const string SelfConflict = "Administration.Users.Conflict.Self";

    public async Task<IReadOnlyList<InstitutionView>> ListInstitutionsAsync(CancellationToken ct)
    {
        var all = await db.Set<Institution>().AsNoTracking().ToListAsync(ct);
        var codes = all.ToDictionary(i => i.Id, i => i.Code);
        return all
            .OrderBy(i => i.IsDemo).ThenBy(i => i.Code, StringComparer.Ordinal)
            .Select(i => new InstitutionView(i.Id, i.Code, i.Name, i.Kind, i.Country, i.ParentId is { } p ? codes[p] : null, i.IsDemo))
            .ToList();
    }

    /// <summary>Institutions the current user may create users or keys for: their own, or all for an administrator.</summary>
    public async Task<IReadOnlyList<InstitutionView>> ListManageableInstitutionsAsync(CancellationToken ct) =>
        (await ListInstitutionsAsync(ct)).Where(i => InstitutionScope.CanSee(currentUser, i.Id)).ToList();

    public async Task<IReadOnlyList<UserView>> ListUsersAsync(CancellationToken ct)
    {
        var rows = await db.Set<AppUser>().AsNoTracking()
            .VisibleTo(currentUser, u => u.InstitutionId)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                u.LockoutEnd,
                u.DeactivatedAt,
                Institution = db.Set<Institution>().Where(i => i.Id == u.InstitutionId).Select(i => i.Code).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var userIds = rows.Select(r => r.Id).ToList();
        var roles = await db.Set<IdentityUserRole<Guid>>()
            .Where(ur => userIds.Contains(ur.UserId))
            .Join(db.Set<IdentityRole<Guid>>(), ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var rolesByUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        var now = clock.GetUtcNow();
        return rows
            .OrderBy(r => r.Institution, StringComparer.Ordinal).ThenBy(r => r.Email, StringComparer.Ordinal)
            .Select(r => new UserView(r.Id, r.Email ?? "", r.DisplayName, r.Institution,
                rolesByUser[r.Id].Order(StringComparer.Ordinal).ToList(), r.LockoutEnd > now, r.DeactivatedAt is not null))
            .ToList();
    }

    public async Task<(Guid? UserId, Dictionary<string, string[]> Errors)> CreateUserAsync(CreateUser request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var email = request.Email.Trim();
        var displayName = request.DisplayName.Trim();
        if (email.Length == 0)
        {
            errors[nameof(CreateUser.Email)] = ["Required"];
        }
        else if (email.Length > 256 || !email.Contains('@', StringComparison.Ordinal) || email.StartsWith('@') || email.EndsWith('@'))
        {
            errors[nameof(CreateUser.Email)] = ["Invalid"];
        }
        else if (await users.FindByEmailAsync(email) is not null)
        {
            errors[nameof(CreateUser.Email)] = ["Taken"];
        }

        if (displayName.Length == 0)
        {
            errors[nameof(CreateUser.DisplayName)] = ["Required"];
        }
        else if (displayName.Length > 200)
        {
            errors[nameof(CreateUser.DisplayName)] = ["TooLong"];
        }

        if (!await db.Set<Institution>().AnyAsync(i => i.Id == request.InstitutionId, ct)
            || !InstitutionScope.CanSee(currentUser, request.InstitutionId))
        {
            errors[nameof(CreateUser.InstitutionId)] = ["NotAllowed"];
        }

        if (request.Roles.Count == 0)
        {
            errors[nameof(CreateUser.Roles)] = ["Required"];
        }
        else if (request.Roles.Any(r => !Roles.All.Contains(r, StringComparer.Ordinal))
                 || (request.Roles.Contains(Roles.Administrator, StringComparer.Ordinal) && !InstitutionScope.SeesAllInstitutions(currentUser)))
        {
            // Only an administrator may make another administrator: the role sees every institution.
            errors[nameof(CreateUser.Roles)] = ["NotAllowed"];
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors[nameof(CreateUser.Password)] = ["Required"];
        }
        else
        {
            var probe = new AppUser { UserName = email, Email = email, DisplayName = displayName };
            if (await AccountService.PasswordErrorsAsync(users, probe, request.Password) is { Length: > 0 } passwordErrors)
            {
                errors[nameof(CreateUser.Password)] = passwordErrors;
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new AppUser
        {
            Id = Guid.NewGuid(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            InstitutionId = request.InstitutionId,
            LockoutEnabled = true,
        };
        Check(await users.CreateAsync(user, request.Password));
        Check(await users.AddToRolesAsync(user, request.Roles.Distinct(StringComparer.Ordinal)));
        audit.Add(AuditAction.Create, "User", user.Id.ToString(), "Email,DisplayName,InstitutionId,Roles");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (user.Id, errors);
    }

    /// <summary>The account, or null when it does not exist or lies outside the current user's institution.</summary>
    public async Task<UserDetails?> GetUserAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Set<AppUser>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        return user is null || !InstitutionScope.CanSee(currentUser, user.InstitutionId) ? null : await DetailsAsync(user, ct);
    }

    /// <summary>Whether the current user may change this account (the page hides the forms otherwise).</summary>
    public bool CanChange(UserDetails user) =>
        InstitutionScope.SeesAllInstitutions(currentUser) || !user.Roles.Contains(Roles.Administrator, StringComparer.Ordinal);

    public async Task<WriteResult<UserDetails>> UpdateUserAsync(UpdateUser request, CancellationToken ct)
    {
        var (user, refusal) = await FindChangeableAsync(request.UserId, ct);
        if (user is null)
        {
            return refusal!;
        }

        var errors = new FieldErrors();
        var email = request.Email.Trim();
        var displayName = request.DisplayName.Trim();
        if (email.Length == 0)
        {
            errors.Add(nameof(UpdateUser.Email), "Required");
        }
        else if (email.Length > 256 || !email.Contains('@', StringComparison.Ordinal) || email.StartsWith('@') || email.EndsWith('@') || !TextRules.IsClean(email))
        {
            errors.Add(nameof(UpdateUser.Email), "Invalid");
        }
        else if (await users.FindByEmailAsync(email) is { } holder && holder.Id != user.Id)
        {
            errors.Add(nameof(UpdateUser.Email), "Taken");
        }

        if (displayName.Length == 0)
        {
            errors.Add(nameof(UpdateUser.DisplayName), "Required");
        }
        else if (displayName.Length > 200)
        {
            errors.Add(nameof(UpdateUser.DisplayName), "TooLong");
        }
        else if (!TextRules.IsClean(displayName))
        {
            errors.Add(nameof(UpdateUser.DisplayName), "Invalid");
        }

        if (!await db.Set<Institution>().AnyAsync(i => i.Id == request.InstitutionId, ct)
            || !InstitutionScope.CanSee(currentUser, request.InstitutionId))
        {
            errors.Add(nameof(UpdateUser.InstitutionId), "NotAllowed");
        }

        var roles = request.Roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (roles.Count == 0)
        {
            errors.Add(nameof(UpdateUser.Roles), "Required");
        }
        else if (roles.Any(r => !Roles.All.Contains(r, StringComparer.Ordinal))
                 || (roles.Contains(Roles.Administrator, StringComparer.Ordinal) && !InstitutionScope.SeesAllInstitutions(currentUser)))
        {
            errors.Add(nameof(UpdateUser.Roles), "NotAllowed");
        }

        if (request.PreferredCulture is { } culture && !Cultures.Contains(culture, StringComparer.Ordinal))
        {
            errors.Add(nameof(UpdateUser.PreferredCulture), "NotAllowed");
        }

        if (!errors.IsEmpty)
        {
            return WriteResult<UserDetails>.Invalid(errors);
        }

        var currentRoles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        var accessChanges = !currentRoles.SequenceEqual(roles, StringComparer.Ordinal) || user.InstitutionId != request.InstitutionId;
        if (accessChanges && user.Id == currentUser.UserId)
        {
            return WriteResult<UserDetails>.Conflict(SelfConflict);
        }

        var changed = new List<string>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!string.Equals(user.Email, email, StringComparison.Ordinal))
        {
            Check(await users.SetEmailAsync(user, email));
            Check(await users.SetUserNameAsync(user, email));
            user.EmailConfirmed = true;
            changed.Add("Email");
        }

        if (!string.Equals(user.DisplayName, displayName, StringComparison.Ordinal))
        {
            user.DisplayName = displayName;
            changed.Add("DisplayName");
        }

        if (!string.Equals(user.PreferredCulture, request.PreferredCulture, StringComparison.Ordinal))
        {
            user.PreferredCulture = request.PreferredCulture;
            changed.Add("PreferredCulture");
        }

        if (user.InstitutionId != request.InstitutionId)
        {
            user.InstitutionId = request.InstitutionId;
            changed.Add("InstitutionId");
        }

        if (!currentRoles.SequenceEqual(roles, StringComparer.Ordinal))
        {
            Check(await users.RemoveFromRolesAsync(user, currentRoles.Except(roles, StringComparer.Ordinal)));
            Check(await users.AddToRolesAsync(user, roles.Except(currentRoles, StringComparer.Ordinal)));
            changed.Add("Roles");
        }

        if (changed.Count > 0)
        {
            // The new roles or institution must not wait for the next sign-in: the cookie holds the old ones.
            if (accessChanges)
            {
                await users.UpdateSecurityStampAsync(user);
                await sessions.RevokeAllAsync(user.Id, ct);
            }

            Check(await users.UpdateAsync(user));
            audit.Add(AuditAction.Update, "User", user.Id.ToString(), string.Join(',', changed));
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return WriteResult<UserDetails>.Ok(await DetailsAsync(user, ct));
    }

    /// <summary>Deactivates the account and ends its sessions at once; its holder can no longer sign in.</summary>
    public async Task<WriteResult<UserDetails>> DeactivateAsync(Guid userId, CancellationToken ct)
    {
        var (user, refusal) = await FindChangeableAsync(userId, ct);
        if (user is null)
        {
            return refusal!;
        }

        if (user.Id == currentUser.UserId)
        {
            return WriteResult<UserDetails>.Conflict(SelfConflict);
        }

        if (user.DeactivatedAt is null)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            user.DeactivatedAt = clock.GetUtcNow();
            audit.Add(AuditAction.Deactivate, "User", user.Id.ToString());
            // Saves the account and the entry; the new stamp also refuses any copy of a ticket the store no longer holds.
            Check(await users.UpdateSecurityStampAsync(user));
            await sessions.RevokeAllAsync(user.Id, ct);
            await transaction.CommitAsync(ct);
        }

        return WriteResult<UserDetails>.Ok(await DetailsAsync(user, ct));
    }

    public async Task<WriteResult<UserDetails>> ReactivateAsync(Guid userId, CancellationToken ct)
    {
        var (user, refusal) = await FindChangeableAsync(userId, ct);
        if (user is null)
        {
            return refusal!;
        }

        if (user.DeactivatedAt is not null)
        {
            user.DeactivatedAt = null;
            Check(await users.UpdateAsync(user));
            audit.Add(AuditAction.Reactivate, "User", user.Id.ToString());
            await db.SaveChangesAsync(ct);
        }

        return WriteResult<UserDetails>.Ok(await DetailsAsync(user, ct));
    }

    /// <summary>E-mails the account a link to choose a new password (the same message as "forgot password").</summary>
    /// <param name="resetPageUrl">The absolute address of the reset page.</param>
    public async Task<WriteResult<UserDetails>> SendPasswordResetAsync(Guid userId, string resetPageUrl, CancellationToken ct)
    {
        var (user, refusal) = await FindChangeableAsync(userId, ct);
        if (user is null)
        {
            return refusal!;
        }

        if (user.DeactivatedAt is not null)
        {
            return WriteResult<UserDetails>.Conflict("Administration.Users.Conflict.Deactivated");
        }

        await passwordResets.EnqueueAsync(user, resetPageUrl, byCurrentUser: true);
        await db.SaveChangesAsync(ct);
        return WriteResult<UserDetails>.Ok(await DetailsAsync(user, ct));
    }

    /// <summary>The tracked account when the current user may change it; otherwise NotFound (not visible) or Forbidden.</summary>
    private async Task<(AppUser? User, WriteResult<UserDetails>? Refusal)> FindChangeableAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Set<AppUser>().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null || !InstitutionScope.CanSee(currentUser, user.InstitutionId))
        {
            return (null, WriteResult<UserDetails>.NotFound());
        }

        // An administrator's account sees every institution: only another administrator may change it.
        if (!InstitutionScope.SeesAllInstitutions(currentUser) && await users.IsInRoleAsync(user, Roles.Administrator))
        {
            return (null, WriteResult<UserDetails>.Forbidden());
        }

        return (user, null);
    }

    private async Task<UserDetails> DetailsAsync(AppUser user, CancellationToken ct)
    {
        var roles = await db.Set<IdentityUserRole<Guid>>()
            .Where(ur => ur.UserId == user.Id)
            .Join(db.Set<IdentityRole<Guid>>(), ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(ct);
        var code = user.InstitutionId is { } id
            ? await db.Set<Institution>().Where(i => i.Id == id).Select(i => i.Code).FirstOrDefaultAsync(ct)
            : null;
        return new UserDetails(user.Id, user.Email ?? "", user.DisplayName, user.InstitutionId, code,
            roles.Order(StringComparer.Ordinal).ToList(), user.PreferredCulture, user.DeactivatedAt, user.LockoutEnd > clock.GetUtcNow());
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Changing the user failed: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }
}
