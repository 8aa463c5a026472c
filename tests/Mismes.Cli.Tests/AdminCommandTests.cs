using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Notifications;

namespace Mismes.Cli.Tests;

/// <summary>`mismes admin create` on a migrated database of its own, on the provider of MISMES_TEST_DB (issue 6, 2.8).</summary>
public sealed class AdminCommandTests : IDisposable
{
    private const string Password = "Atlas-Cedar-Morning-2026";

    private readonly CliDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Create_PasswordOnStdin_AdministratorOfTheInstitutionWhoCanSignIn()
    {
        await MigrateAsync();

        var result = await CliRun.InvokeWithInputAsync(Password + "\n",
            ["admin", "create", .. _database.Args("--environment", "Production", "--email", "first.admin@mcmream.gov.ma", "--name", "Première administratrice", "--institution", "MCMREAM", "--password-stdin")]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"{_database.DisplayName}: administrator first.admin@mcmream.gov.ma created in MCMREAM.", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, result.Output, StringComparison.Ordinal);
        await using var db = _database.NewContext();
        var user = await db.Set<AppUser>().SingleAsync(u => u.Email == "first.admin@mcmream.gov.ma");
        Assert.Equal("Première administratrice", user.DisplayName);
        Assert.Equal(await db.Set<Institution>().Where(i => i.Code == "MCMREAM").Select(i => i.Id).SingleAsync(), user.InstitutionId);
        var roles = await db.Set<IdentityUserRole<Guid>>().Where(r => r.UserId == user.Id)
            .Join(db.Set<IdentityRole<Guid>>(), ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
        Assert.Equal([Roles.Administrator], roles);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<AppUser>().VerifyHashedPassword(user, user.PasswordHash!, Password));
        Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.RecordType == "User" && a.RecordId == user.Id.ToString() && a.Action == AuditAction.Create));
    }

    [Theory]
    [InlineData("Password1234", "too common")]
    [InlineData("short", "at least 12 characters")]
    [InlineData("Zineb-Alaoui-2026", "name or e-mail")]
    public async Task Create_WeakPassword_RefusedWithThePolicysMessage_NothingCreated(string password, string message)
    {
        await MigrateAsync();

        var result = await CliRun.InvokeWithInputAsync(password + "\n",
            ["admin", "create", .. _database.Args("--email", "first.admin@mcmream.gov.ma", "--name", "Zineb Alaoui", "--institution", "MCMREAM", "--password-stdin")]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        await using var db = _database.NewContext();
        Assert.False(await db.Set<AppUser>().AnyAsync());
    }

    [Fact]
    public async Task Create_SecondRunWithTheSameEmail_RefusedAndNothingChanged()
    {
        await MigrateAsync();
        string[] args = ["admin", "create", .. _database.Args("--email", "first.admin@mcmream.gov.ma", "--name", "Admin", "--institution", "MCMREAM", "--password-stdin")];
        Assert.Equal(0, (await CliRun.InvokeWithInputAsync(Password + "\n", args)).ExitCode);
        await using var before = _database.NewContext();
        var hash = (await before.Set<AppUser>().SingleAsync()).PasswordHash;

        var second = await CliRun.InvokeWithInputAsync("Other-Passphrase-Entirely-99\n", args);

        Assert.Equal(2, second.ExitCode);
        Assert.Contains("already exists", second.Error, StringComparison.Ordinal);
        await using var after = _database.NewContext();
        Assert.Equal(hash, (await after.Set<AppUser>().SingleAsync()).PasswordHash);
    }

    [Fact]
    public async Task Create_UnknownInstitutionOrUnmigratedDatabase_Refused()
    {
        var unmigrated = await CliRun.InvokeWithInputAsync(Password + "\n",
            ["admin", "create", .. _database.Args("--email", "a@mcmream.gov.ma", "--name", "Admin", "--institution", "MCMREAM", "--password-stdin")]);
        await MigrateAsync();
        var unknown = await CliRun.InvokeWithInputAsync(Password + "\n",
            ["admin", "create", .. _database.Args("--email", "a@mcmream.gov.ma", "--name", "Admin", "--institution", "NOPE", "--password-stdin")]);

        Assert.Equal(2, unmigrated.ExitCode);
        Assert.Contains("mismes migrate", unmigrated.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no institution has the code 'NOPE'", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithoutPassword_QueuesAWelcomeMessageLinkingToForgotPassword()
    {
        await MigrateAsync();

        var result = await CliRun.InvokeWithInputAsync("",
            ["admin", "create", .. _database.Args("--email", "first.admin@mcmream.gov.ma", "--name", "Admin MCMREAM", "--institution", "MCMREAM", "--public-base-url", "https://mismes.example.ma")]);

        Assert.Equal(0, result.ExitCode);
        await using var db = _database.NewContext();
        var user = await db.Set<AppUser>().SingleAsync();
        Assert.Null(user.PasswordHash);
        var message = await db.Set<OutboxMessage>().SingleAsync();
        Assert.Equal(MessageKinds.AccountCreated, message.Kind);
        Assert.Equal("first.admin@mcmream.gov.ma", message.Recipient);
        Assert.Contains("https://mismes.example.ma/Account/ForgotPassword", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithoutPasswordNorPublicBaseUrl_Refused()
    {
        await MigrateAsync();

        var result = await CliRun.InvokeWithInputAsync("",
            ["admin", "create", .. _database.Args("--email", "first.admin@mcmream.gov.ma", "--name", "Admin", "--institution", "MCMREAM")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("PublicBaseUrl", result.Error, StringComparison.Ordinal);
    }

    private async Task MigrateAsync() => Assert.Equal(0, (await CliRun.InvokeAsync(["migrate", .. _database.Args()])).ExitCode);
}
