using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mismes.Core.Data;

namespace Mismes.Core.Administration;

public sealed record InstitutionView(Guid Id, string Code, string Name, InstitutionKind Kind, string Country, string? ParentCode, bool IsDemo);

public sealed record UserView(Guid Id, string Email, string DisplayName, string? InstitutionCode, IReadOnlyList<string> Roles, bool LockedOut);

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
/// </summary>
public sealed class UserAdministrationService(AppDbContext db, UserManager<AppUser> users, ICurrentUser currentUser, AuditLog audit, TimeProvider clock)
{
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
                rolesByUser[r.Id].Order(StringComparer.Ordinal).ToList(), r.LockoutEnd > now))
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

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Creating the user failed: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }
}
