using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Platform;

public sealed class LayoutTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    [Fact]
    public async Task Layout_Anonymous_SignInLinkAndPublicNavigationOnly()
    {
        var html = await factory.CreateClient().GetStringAsync(new Uri("/?culture=en", UriKind.Relative));

        Assert.Contains("href=\"/Account/SignIn\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Catalogue\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/People\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Administration\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("action=\"/Account/SignOut\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Layout_SignedIn_DisplayNameSignOutAndStaffNavigation()
    {
        var (client, user) = await SignedInAsync(Roles.Advisor, "أمينة بناني");

        var html = await client.GetStringAsync(new Uri("/?culture=ar-MA", UriKind.Relative));

        Assert.Contains(">أمينة بناني</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Email, html, StringComparison.Ordinal);
        Assert.Contains("action=\"/Account/SignOut\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Home\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/People\"", html, StringComparison.Ordinal);
        // The Administration tab would hold only the institutions directory for an advisor (issue 6, 2.7).
        Assert.DoesNotContain("href=\"/Administration\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Account/SignIn\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Layout_SignedInWithoutDisplayName_UserName()
    {
        var (client, user) = await SignedInAsync(Roles.Advisor, "");

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains($">{user.Email}</span>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Administrator, true, true)]
    [InlineData(Roles.Advisor, true, false)]
    [InlineData(Roles.CaseWorker, true, false)]
    [InlineData(Roles.ProgrammeManager, true, true)]
    [InlineData(Roles.Analyst, false, false)]
    [InlineData(Roles.Trainer, false, false)]
    [InlineData(Roles.Beneficiary, false, false)]
    [InlineData(Roles.Employer, false, false)]
    [InlineData(Roles.Expert, false, false)]
    public async Task Layout_Role_ShowsOnlyTheLinksItMayUse(string role, bool people, bool administration)
    {
        var (client, _) = await SignedInAsync(role, "Test " + role);

        var html = await client.GetStringAsync(new Uri("/Catalogue", UriKind.Relative));

        Assert.Equal(people, html.Contains("href=\"/People\"", StringComparison.Ordinal));
        // The Administration tab only where it holds more than the institutions directory (users, keys, audit).
        Assert.Equal(administration, html.Contains("href=\"/Administration\"", StringComparison.Ordinal));
        Assert.Equal(role == Roles.Beneficiary, html.Contains("href=\"/People/MyRecord\"", StringComparison.Ordinal));
        // The links shown lead somewhere the user may go; the registry is closed to the others.
        var registry = await client.GetAsync(new Uri("/People", UriKind.Relative));
        Assert.Equal(people ? HttpStatusCode.OK : HttpStatusCode.Redirect, registry.StatusCode);
        if (administration)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/Administration", UriKind.Relative))).StatusCode);
        }
    }

    [Theory]
    [InlineData("ar-MA", "ar-MA", "rtl")]
    [InlineData("es", "es", "ltr")]
    [InlineData(null, "fr", "ltr")]
    [InlineData("xx-YY", "fr", "ltr")]
    public async Task SignIn_PreferredCulture_AppliedThroughTheCultureCookie(string? preferred, string lang, string dir)
    {
        var (client, _) = await SignedInAsync(Roles.Advisor, "Test", preferred);

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains($"<html lang=\"{lang}\" dir=\"{dir}\">", html, StringComparison.Ordinal);
    }

    /// <summary>A user of <paramref name="role"/> with this display name and preferred culture, signed in through the real page.</summary>
    private async Task<(HttpClient Client, TestUser User)> SignedInAsync(string role, string displayName, string? preferredCulture = null)
    {
        var user = await factory.CreateUserAsync(role, "TEST-LAYOUT");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var appUser = await users.FindByIdAsync(user.Id.ToString());
            appUser!.DisplayName = displayName;
            appUser.PreferredCulture = preferredCulture;
            var updated = await users.UpdateAsync(appUser);
            Assert.True(updated.Succeeded);
        }

        var client = factory.CreateCookieClient();
        // The browser asks for French: only the preferred culture can make the page another language.
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var signIn = await client.SignInAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return (client, user);
    }
}
