using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Mismes.Core.Administration;
using Mismes.Core.Common;
using Mismes.Core.Data;
using Mismes.Core.Notifications;
using Mismes.Core.Seeding;
using Mismes.TestCommon;

namespace Mismes.Core.Tests.Administration;

/// <summary>A migrated database (SQLite or PostgreSQL, per MISMES_TEST_DB) with the Administration services wired as the host wires them.</summary>
public sealed class AccountsDatabase() : MigratedTestDatabase("mismes_accounts_")
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    /// <summary>A scope whose services act as <paramref name="actor"/>.</summary>
    public AsyncServiceScope Scope(ICurrentUser actor)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddScoped(_ => NewContext());
        services.AddScoped(_ => actor);
        services.AddCore();
        services.AddAdministrationCore();
        services.AddNotificationsCore();
        services.AddDataProtection().SetApplicationName("Mismes.Tests");
        services.AddIdentityCore<AppUser>(o => o.User.RequireUniqueEmail = true)
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }).CreateAsyncScope();
    }

    protected override async Task SeedAsync(AppDbContext db)
    {
        await using var scope = Scope(new SystemUser());
        await scope.ServiceProvider.GetRequiredService<SeedRunner>().SeedReferenceDataAsync(CancellationToken.None);
    }
}

/// <summary>UserAdministrationService and PasswordResetService on a real database (issue 6, 2.8).</summary>
public sealed class UserAdministrationServiceTests(AccountsDatabase database) : IClassFixture<AccountsDatabase>
{
    private const string ResetPage = "https://mismes.test/Account/ResetPassword";

    [Fact]
    public async Task Update_ChangesEveryField_EndsSessionsOnlyForAnAccessChange_AndAudits()
    {
        var institution = await InstitutionAsync("ACC-CORE-1");
        var other = await InstitutionAsync("ACC-CORE-2");
        var user = await CreateUserAsync(institution, Roles.Advisor);
        await SessionAsync(user);
        var admin = new FakeCurrentUser(null, Roles.Administrator);

        var renamed = await UpdateAsync(admin, user, u => u with { DisplayName = "Karim Benali", PreferredCulture = "es" });
        Assert.Equal(WriteOutcome.Ok, renamed.Outcome);
        Assert.Equal(1, await SessionCountAsync(user));

        var moved = await UpdateAsync(admin, user, u => u with { InstitutionId = other, Roles = [Roles.CaseWorker, Roles.Analyst] });

        Assert.Equal(WriteOutcome.Ok, moved.Outcome);
        Assert.Equal(other, moved.Value!.InstitutionId);
        Assert.Equal([Roles.Analyst, Roles.CaseWorker], moved.Value.Roles);
        Assert.Equal("Karim Benali", moved.Value.DisplayName);
        Assert.Equal("es", moved.Value.PreferredCulture);
        Assert.Equal(0, await SessionCountAsync(user));
        Assert.Equal(["DisplayName,PreferredCulture", "InstitutionId,Roles"], (await AuditAsync(user, AuditAction.Update)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Deactivate_EndsSessions_ReactivateRestores_BothAudited()
    {
        var institution = await InstitutionAsync("ACC-CORE-3");
        var user = await CreateUserAsync(institution, Roles.Advisor);
        await SessionAsync(user);
        await SessionAsync(user);
        var manager = new FakeCurrentUser(institution, Roles.ProgrammeManager);

        await using (var scope = database.Scope(manager))
        {
            var deactivated = await scope.ServiceProvider.GetRequiredService<UserAdministrationService>().DeactivateAsync(user, CancellationToken.None);
            Assert.Equal(WriteOutcome.Ok, deactivated.Outcome);
            Assert.Equal(database.Clock.GetUtcNow(), deactivated.Value!.DeactivatedAt);
            Assert.False(deactivated.Value.IsActive);
        }

        Assert.Equal(0, await SessionCountAsync(user));
        await using (var scope = database.Scope(manager))
        {
            var reactivated = await scope.ServiceProvider.GetRequiredService<UserAdministrationService>().ReactivateAsync(user, CancellationToken.None);
            Assert.True(reactivated.Value!.IsActive);
        }

        Assert.Single(await AuditAsync(user, AuditAction.Deactivate));
        Assert.Single(await AuditAsync(user, AuditAction.Reactivate));
    }

    [Fact]
    public async Task Changes_OutsideTheManagersRights_NotFoundOrForbidden()
    {
        var mine = await InstitutionAsync("ACC-CORE-4");
        var theirs = await InstitutionAsync("ACC-CORE-5");
        var stranger = await CreateUserAsync(theirs, Roles.Advisor);
        var administrator = await CreateUserAsync(mine, Roles.Administrator);
        var manager = new FakeCurrentUser(mine, Roles.ProgrammeManager);

        await using var scope = database.Scope(manager);
        var service = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();

        Assert.Null(await service.GetUserAsync(stranger, CancellationToken.None));
        Assert.Equal(WriteOutcome.NotFound, (await service.DeactivateAsync(stranger, CancellationToken.None)).Outcome);
        Assert.Equal(WriteOutcome.NotFound, (await service.SendPasswordResetAsync(stranger, ResetPage, CancellationToken.None)).Outcome);
        Assert.Equal(WriteOutcome.Forbidden, (await service.DeactivateAsync(administrator, CancellationToken.None)).Outcome);
        Assert.Equal(WriteOutcome.Forbidden, (await service.SendPasswordResetAsync(administrator, ResetPage, CancellationToken.None)).Outcome);
        Assert.Null((await FindAsync(administrator)).DeactivatedAt);
    }

    [Fact]
    public async Task OwnAccount_NoDeactivationNorAccessChange()
    {
        var institution = await InstitutionAsync("ACC-CORE-6");
        var me = new FakeCurrentUser(institution, Roles.Administrator);
        var myId = await CreateUserAsync(institution, Roles.Administrator, me.UserId);

        await using var scope = database.Scope(me);
        var service = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();
        var deactivate = await service.DeactivateAsync(myId, CancellationToken.None);
        var demote = await UpdateAsync(me, myId, u => u with { Roles = [Roles.Advisor] });
        var rename = await UpdateAsync(me, myId, u => u with { DisplayName = "Moi-même" });

        Assert.Equal(WriteOutcome.Conflict, deactivate.Outcome);
        Assert.Equal(UserAdministrationService.SelfConflict, deactivate.ConflictKey);
        Assert.Equal(WriteOutcome.Conflict, demote.Outcome);
        Assert.Equal(WriteOutcome.Ok, rename.Outcome);
    }

    [Fact]
    public async Task Update_InvalidFields_EachNamed_NothingWritten()
    {
        var institution = await InstitutionAsync("ACC-CORE-7");
        var user = await CreateUserAsync(institution, Roles.Advisor);
        var taken = await CreateUserAsync(institution, Roles.Advisor);
        var manager = new FakeCurrentUser(institution, Roles.ProgrammeManager);

        var result = await UpdateAsync(manager, user, u => u with
        {
            Email = Email(taken),
            DisplayName = "Nul\0caractère",
            InstitutionId = Guid.NewGuid(),
            Roles = [Roles.Administrator],
            PreferredCulture = "de",
        });

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.Equal(["Taken"], result.Errors[nameof(UpdateUser.Email)]);
        Assert.Equal(["Invalid"], result.Errors[nameof(UpdateUser.DisplayName)]);
        Assert.Equal(["NotAllowed"], result.Errors[nameof(UpdateUser.InstitutionId)]);
        Assert.Equal(["NotAllowed"], result.Errors[nameof(UpdateUser.Roles)]);
        Assert.Equal(["NotAllowed"], result.Errors[nameof(UpdateUser.PreferredCulture)]);
        Assert.Equal("Test user", (await FindAsync(user)).DisplayName);
    }

    [Fact]
    public async Task PasswordReset_RequestedForUnknownOrDeactivated_QueuesNothing_ForActive_OneMessage()
    {
        var institution = await InstitutionAsync("ACC-CORE-8");
        var active = await CreateUserAsync(institution, Roles.Advisor);
        var deactivated = await CreateUserAsync(institution, Roles.Advisor);
        await using (var scope = database.Scope(new FakeCurrentUser(null, Roles.Administrator)))
        {
            await scope.ServiceProvider.GetRequiredService<UserAdministrationService>().DeactivateAsync(deactivated, CancellationToken.None);
        }

        await using (var scope = database.Scope(new FakeCurrentUser(null)))
        {
            var resets = scope.ServiceProvider.GetRequiredService<PasswordResetService>();
            foreach (var email in new[] { Email(active), Email(deactivated), "nobody@test.mismes.ma", "" })
            {
                await resets.RequestAsync(email, ResetPage, CancellationToken.None);
            }
        }

        Assert.Equal(1, await QueuedAsync(active));
        Assert.Equal(0, await QueuedAsync(deactivated));
        var entry = Assert.Single(await AuditEntriesAsync(active, AuditAction.PasswordResetSent));
        Assert.Null(entry.UserId);
        Assert.Equal(institution, entry.InstitutionId);
    }

    [Fact]
    public async Task PasswordReset_TokenWorksOnce_PolicyApplies_SessionsEnd()
    {
        var institution = await InstitutionAsync("ACC-CORE-9");
        var user = await CreateUserAsync(institution, Roles.Advisor);
        await SessionAsync(user);
        string token;
        await using (var scope = database.Scope(new FakeCurrentUser(null)))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            token = await users.GeneratePasswordResetTokenAsync((await users.FindByIdAsync(user.ToString()))!);
        }

        var weak = await ResetAsync(user, token, "Welcome2026!");
        var good = await ResetAsync(user, token, "Copper-Lantern-Harbour-77");
        var again = await ResetAsync(user, token, "Another-Fine-Passphrase-88");

        Assert.Equal(["Identity." + CommonPasswordValidator.Common], weak.Errors[nameof(ResetPassword.NewPassword)]);
        Assert.Equal(WriteOutcome.Ok, good.Outcome);
        Assert.Equal(["Invalid"], again.Errors[nameof(ResetPassword.Token)]);
        Assert.Equal(0, await SessionCountAsync(user));
        await using var check = database.Scope(new FakeCurrentUser(null));
        var manager = check.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await manager.CheckPasswordAsync((await manager.FindByIdAsync(user.ToString()))!, "Copper-Lantern-Harbour-77"));
        Assert.Single(await AuditAsync(user, AuditAction.PasswordReset));
    }

    private async Task<WriteResult<Guid>> ResetAsync(Guid user, string token, string password)
    {
        await using var scope = database.Scope(new FakeCurrentUser(null));
        return await scope.ServiceProvider.GetRequiredService<PasswordResetService>()
            .ResetAsync(new ResetPassword { UserId = user, Token = token, NewPassword = password }, CancellationToken.None);
    }

    private async Task<WriteResult<UserDetails>> UpdateAsync(ICurrentUser actor, Guid userId, Func<UpdateUser, UpdateUser> change)
    {
        await using var scope = database.Scope(actor);
        var service = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();
        await using var reader = database.Scope(new SystemUser());
        var current = (await reader.ServiceProvider.GetRequiredService<UserAdministrationService>().GetUserAsync(userId, CancellationToken.None))!;
        var request = new UpdateUser
        {
            UserId = userId,
            Email = current.Email,
            DisplayName = current.DisplayName,
            InstitutionId = current.InstitutionId!.Value,
            Roles = current.Roles,
            PreferredCulture = current.PreferredCulture,
        };
        return await service.UpdateUserAsync(change(request), CancellationToken.None);
    }

    private async Task<Guid> InstitutionAsync(string code)
    {
        await using var db = database.NewContext();
        return await SignInHelpers.EnsureInstitutionAsync(db, code);
    }

    private async Task<Guid> CreateUserAsync(Guid institutionId, string role, Guid? id = null)
    {
        await using var scope = database.Scope(new SystemUser());
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var userId = id ?? Guid.NewGuid();
        var email = $"acc-{userId:N}@test.mismes.ma";
        var user = new AppUser { Id = userId, UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test user", InstitutionId = institutionId, LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, SignInHelpers.TestPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return userId;
    }

    private static string Email(Guid userId) => $"acc-{userId:N}@test.mismes.ma";

    private async Task SessionAsync(Guid userId)
    {
        await using var scope = database.Scope(new SystemUser());
        await scope.ServiceProvider.GetRequiredService<UserSessions>().CreateAsync(userId, [1, 2, 3], CancellationToken.None);
    }

    private async Task<int> SessionCountAsync(Guid userId)
    {
        await using var db = database.NewContext();
        return await db.Set<UserSession>().CountAsync(s => s.UserId == userId);
    }

    private async Task<AppUser> FindAsync(Guid userId)
    {
        await using var db = database.NewContext();
        return await db.Set<AppUser>().SingleAsync(u => u.Id == userId);
    }

    private async Task<int> QueuedAsync(Guid userId)
    {
        await using var db = database.NewContext();
        var email = Email(userId);
        return await db.Set<OutboxMessage>().CountAsync(m => m.Recipient == email && m.Kind == MessageKinds.PasswordReset);
    }

    private async Task<List<AuditEntry>> AuditEntriesAsync(Guid userId, AuditAction action)
    {
        await using var db = database.NewContext();
        var id = userId.ToString();
        return await db.Set<AuditEntry>().Where(a => a.RecordType == "User" && a.RecordId == id && a.Action == action).ToListAsync();
    }

    private async Task<List<string?>> AuditAsync(Guid userId, AuditAction action) =>
        (await AuditEntriesAsync(userId, action)).Select(a => a.Details).ToList();
}
