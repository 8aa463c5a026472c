using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.Seeding;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Administration;

/// <summary>A host started as Production (with migrations at start, as a test needs) and Demo:Seed asked for.</summary>
public sealed class ProductionWebFactory : MismesWebFactory
{
    private readonly string _certificate = TestCertificate.CreatePfxFile();

    public ProductionWebFactory()
    {
        Settings["Demo:Seed"] = "true";
        Settings["PublicBaseUrl"] = "https://mismes.example";
        this.Use(_certificate);
        // Production refuses to start without an SMTP server; nothing is sent to it here.
        Settings["Smtp:Host"] = "smtp.invalid";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(_certificate);
    }
}

/// <summary>A host started as Development with no Demo:Seed setting: the demo data set is on by default there.</summary>
public sealed class DevelopmentWebFactory : MismesWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
    }
}

public sealed class DevelopmentDataTests(DevelopmentWebFactory factory) : IClassFixture<DevelopmentWebFactory>
{
    [Fact]
    public async Task Development_ByDefault_HasEveryDemoAccount()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var emails = await db.Users.Select(u => u.Email!).ToListAsync();

        Assert.All(DemoAccounts.All, a => Assert.Contains(a.Email, emails));
    }
}

public sealed class DemoWebFactory : MismesWebFactory
{
    public DemoWebFactory() => Settings["Demo:Seed"] = "true";
}

public sealed class DemoAccountsTests(DemoWebFactory factory) : IClassFixture<DemoWebFactory>
{
    [Fact]
    public async Task DemoSeed_On_CreatesOneAccountPerRoleInItsInstitution()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.Equal(Roles.All.Order(StringComparer.Ordinal), DemoAccounts.All.Select(a => a.Role).Order(StringComparer.Ordinal));
        foreach (var account in DemoAccounts.All)
        {
            var user = await users.FindByEmailAsync(account.Email);
            Assert.NotNull(user);
            Assert.Equal([account.Role], await users.GetRolesAsync(user));
            var institution = await db.Set<Institution>().SingleAsync(i => i.Id == user.InstitutionId);
            Assert.Equal(account.InstitutionCode, institution.Code);
        }
    }

    [Fact]
    public async Task DemoSeed_On_CreatesDemoInstitutionsMarkedAsDemo()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var demo = await db.Set<Institution>().Where(i => DemoInstitutions.All.Contains(i.Code)).ToListAsync();

        Assert.Equal(DemoInstitutions.All.Count, demo.Count);
        Assert.All(demo, i => Assert.True(i.IsDemo));
        var anapec = await db.Set<Institution>().SingleAsync(i => i.Code == InstitutionCodes.Anapec);
        Assert.Equal(anapec.Id, demo.Single(i => i.Code == DemoInstitutions.AnapecTanger).ParentId);
    }

    [Fact]
    public async Task DemoAccount_SignsInWithTheDemoPassword()
    {
        var client = factory.CreateCookieClient();

        var response = await client.SignInAsync("advisor@demo.mismes.ma", DemoAccounts.DefaultPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Theory]
    [InlineData("admin@demo.mismes.ma")]
    [InlineData("manager@demo.mismes.ma")]
    public async Task DemoAccount_RoleRequiringTwoStep_SignsInWithThePrintedKey(string email)
    {
        var demo = DemoAccounts.All.Single(a => a.Email == email);
        var client = factory.CreateCookieClient();

        var response = await client.SignInFullyAsync(new TestUser(Guid.Empty, email, DemoAccounts.DefaultPassword, Guid.Empty, demo.Role, DemoAccounts.DefaultAuthenticatorKey));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        Assert.Contains(DemoAccounts.DefaultAuthenticatorKey, DemoAccounts.Table(DemoAccounts.DefaultPassword), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoSeed_RunTwice_AddsNothing()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = await db.Users.CountAsync();
        var institutions = await db.Set<Institution>().CountAsync();

        var seeds = scope.ServiceProvider.GetRequiredService<SeedRunner>();
        await seeds.SeedReferenceDataAsync(CancellationToken.None);
        await seeds.SeedDemoDataAsync(CancellationToken.None);

        Assert.Equal(users, await db.Users.CountAsync());
        Assert.Equal(institutions, await db.Set<Institution>().CountAsync());
    }
}

public sealed class ProductionDataTests(ProductionWebFactory factory) : IClassFixture<ProductionWebFactory>
{
    [Fact]
    public async Task Production_EvenWithDemoSeedOn_HasNoUsersAndNoDemoInstitutions()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.Equal(0, await db.Users.CountAsync());
        Assert.False(await db.Set<Institution>().AnyAsync(i => i.IsDemo));
    }

    [Fact]
    public async Task Production_ReferenceData_RolesAndNationalInstitutionsAreSeeded()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var roles = await db.Roles.Select(r => r.Name!).ToListAsync();
        var codes = await db.Set<Institution>().Select(i => i.Code).ToListAsync();

        Assert.Equal(Roles.All.Order(StringComparer.Ordinal), roles.Order(StringComparer.Ordinal));
        string[] national =
        [
            InstitutionCodes.Anapec, InstitutionCodes.Cnrst, InstitutionCodes.Giz, InstitutionCodes.IomMorocco,
            InstitutionCodes.Mcmream, InstitutionCodes.MinistryOfEmployment, InstitutionCodes.Ofii, InstitutionCodes.Ofppt,
        ];
        Assert.All(national, code => Assert.Contains(code, codes));
    }
}

public sealed class TestingEnvironmentTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    [Fact]
    public async Task Testing_WithoutDemoSeed_HasNoDemoAccounts()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var emails = await db.Users.Select(u => u.Email!).ToListAsync();

        Assert.DoesNotContain(emails, e => e.EndsWith("@" + DemoAccounts.EmailDomain, StringComparison.Ordinal));
    }

    [Fact]
    public void DemoAccountTable_ListsEveryAccountWithThePassword()
    {
        var table = DemoAccounts.Table("Pw-Of-The-Day-1");

        foreach (var account in DemoAccounts.All)
        {
            Assert.Contains(account.Email, table, StringComparison.Ordinal);
        }

        Assert.Equal(DemoAccounts.All.Count, table.Split('\n').Count(l => l.TrimEnd().EndsWith("Pw-Of-The-Day-1", StringComparison.Ordinal)));
    }
}
