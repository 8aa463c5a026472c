using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Administration;

public sealed class UsersPageTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    [Fact]
    public async Task CreateUser_AdministratorPostsForm_UserExistsWithRolesAndCanSignIn()
    {
        var admin = await factory.CreateSignedInClientAsync(Roles.Administrator, InstitutionCodes.Mcmream);
        var institution = await factory.InstitutionIdAsync(InstitutionCodes.Ofppt);

        var response = await admin.PostFormAsync("/Administration/Users/Create",
        [
            new("Email", "new.trainer@test.mismes.ma"),
            new("DisplayName", "Nouvelle formatrice"),
            new("InstitutionId", institution.ToString()),
            new("SelectedRoles", Roles.Trainer),
            new("SelectedRoles", Roles.Analyst),
            new("Password", "Strong-Password-2026"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync("new.trainer@test.mismes.ma");
        Assert.NotNull(user);
        Assert.Equal(institution, user.InstitutionId);
        Assert.Equal([Roles.Analyst, Roles.Trainer], (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal));
        var signIn = await factory.CreateCookieClient().SignInAsync("new.trainer@test.mismes.ma", "Strong-Password-2026");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task CreateUser_InvalidForm_ShowsLocalizedFieldErrorsAndCreatesNothing()
    {
        var admin = await factory.CreateSignedInClientAsync(Roles.Administrator, InstitutionCodes.Mcmream);

        var response = await admin.PostFormAsync("/Administration/Users/Create?culture=en",
        [
            new("Email", "not-an-email"),
            new("DisplayName", ""),
            new("InstitutionId", Guid.NewGuid().ToString()),
            new("Password", "short"),
        ]);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The value of the “E-mail address” field is not valid.", html, StringComparison.Ordinal);
        Assert.Contains("The “Display name” field is required.", html, StringComparison.Ordinal);
        Assert.Contains("You are not allowed to choose this value for the “Institution” field.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#SelectedRoles\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Password\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TEST-USERS-OTHER", Roles.Advisor)]
    [InlineData("TEST-USERS-MINE", Roles.Administrator)]
    public async Task CreateUser_ManagerOutsideTheirRights_IsRefused(string institutionCode, string role)
    {
        var manager = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, "TEST-USERS-MINE");
        var institution = await factory.InstitutionIdAsync(institutionCode);
        var email = $"refused-{Guid.NewGuid():N}@test.mismes.ma";

        var response = await manager.PostFormAsync("/Administration/Users/Create",
        [
            new("Email", email),
            new("DisplayName", "Refusé"),
            new("InstitutionId", institution.ToString()),
            new("SelectedRoles", role),
            new("Password", "Strong-Password-2026"),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task UsersList_Manager_SeesOnlyOwnInstitution_AdministratorSeesAll()
    {
        var mine = await factory.CreateUserAsync(Roles.Advisor, "TEST-USERS-L1");
        var theirs = await factory.CreateUserAsync(Roles.Advisor, "TEST-USERS-L2");
        var manager = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, "TEST-USERS-L1");
        var admin = await factory.CreateSignedInClientAsync(Roles.Administrator, InstitutionCodes.Mcmream);

        var managerHtml = await manager.GetStringAsync(new Uri("/Administration/Users", UriKind.Relative));
        var adminHtml = await admin.GetStringAsync(new Uri("/Administration/Users", UriKind.Relative));

        Assert.Contains(mine.Email, managerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.Email, managerHtml, StringComparison.Ordinal);
        Assert.Contains(mine.Email, adminHtml, StringComparison.Ordinal);
        Assert.Contains(theirs.Email, adminHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstitutionsPage_ListsNationalInstitutionsWithLocalizedKind()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Analyst, InstitutionCodes.MinistryOfEmployment);

        var html = await client.GetStringAsync(new Uri("/Administration/Institutions?culture=en", UriKind.Relative));

        Assert.Contains("<code>ANAPEC</code>", html, StringComparison.Ordinal);
        Assert.Contains("<code>OFII</code>", html, StringComparison.Ordinal);
        Assert.Contains("Public employment service", html, StringComparison.Ordinal);
    }
}
