using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.Notifications;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Administration;

/// <summary>
/// Issue 6, 2.8: administrators edit, deactivate and reactivate accounts and send reset links, through the real pages;
/// every change is audited and shown as a sentence; access changes end the account's sessions at once.
/// </summary>
public sealed partial class AccountAdministrationTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private static readonly Uri Me = new("/api/v1/me", UriKind.Relative);

    [Fact]
    public async Task Edit_AdministratorChangesNameEmailAndLanguage_SavedAuditedAndSessionKept()
    {
        var admin = await factory.CreateSignedInClientAsync(Roles.Administrator, InstitutionCodes.Mcmream);
        var user = await factory.CreateUserAsync(Roles.Advisor, "TEST-ACC-EDIT");
        var (_, cookie) = await factory.SignInKeepingCookieAsync(user);
        var newEmail = $"renamed-{Guid.NewGuid():N}@test.mismes.ma";

        using var response = await PostEditAsync(admin, user.Id, fields =>
        {
            Set(fields, "Email", newEmail);
            Set(fields, "DisplayName", "Nadia Renommée");
            Set(fields, "PreferredCulture", "ar-MA");
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Administration/Users/Edit/{user.Id:D}?done=Saved", response.Headers.Location?.OriginalString);
        var saved = await FindAsync(user.Id);
        Assert.Equal(newEmail, saved.Email);
        Assert.Equal(newEmail, saved.UserName);
        Assert.Equal("Nadia Renommée", saved.DisplayName);
        Assert.Equal("ar-MA", saved.PreferredCulture);
        Assert.Equal("DisplayName,Email,PreferredCulture", string.Join(',', (await AuditDetailsAsync(user.Id, AuditAction.Update)).Single()!.Split(',').Order(StringComparer.Ordinal)));
        // No access changed: the session lives on (the e-mail change rotates the stamp, checked within a minute).
        using var browser = factory.CreateReplayClient(cookie);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Me)).StatusCode);
    }

    [Fact]
    public async Task Edit_RolesOrInstitutionChanged_EveryOldCookieIsRefusedAtOnce()
    {
        var admin = await factory.CreateSignedInClientAsync(Roles.Administrator, InstitutionCodes.Mcmream);
        var roleChanged = await factory.CreateUserAsync(Roles.Advisor, "TEST-ACC-ROLE");
        var moved = await factory.CreateUserAsync(Roles.Advisor, "TEST-ACC-ROLE");
        var (_, roleCookie) = await factory.SignInKeepingCookieAsync(roleChanged);
        var (_, movedCookie) = await factory.SignInKeepingCookieAsync(moved);
        var otherInstitution = await factory.InstitutionIdAsync("TEST-ACC-ROLE-2");

        await PostEditAsync(admin, roleChanged.Id, fields =>
        {
            fields.RemoveAll(f => f.Key == "SelectedRoles");
            fields.Add(new("SelectedRoles", Roles.CaseWorker));
        });
        await PostEditAsync(admin, moved.Id, fields => Set(fields, "InstitutionId", otherInstitution.ToString()));

        using var first = factory.CreateReplayClient(roleCookie);
        using var second = factory.CreateReplayClient(movedCookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync(Me)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync(Me)).StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.Equal([Roles.CaseWorker], await users.GetRolesAsync((await users.FindByIdAsync(roleChanged.Id.ToString()))!));
        Assert.Equal(otherInstitution, (await users.FindByIdAsync(moved.Id.ToString()))!.InstitutionId);
    }

    [Fact]
    public async Task Deactivate_ExistingCookieStopsWorkingOnTheNextRequest_AndSignInGetsTheGenericAnswer()
    {
        var admin = await factory.CreateSignedInClientAsync(Roles.Administrator, InstitutionCodes.Mcmream);
        var user = await factory.CreateUserAsync(Roles.Advisor, "TEST-ACC-DEACT");
        var (client, cookie) = await factory.SignInKeepingCookieAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Me)).StatusCode);

        using var response = await admin.PostFormAsync($"/Administration/Users/Edit/{user.Id:D}", [], $"/Administration/Users/Edit/{user.Id:D}?handler=Deactivate");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Me)).StatusCode);
        using var replay = factory.CreateReplayClient(cookie);
        var page = await replay.GetAsync(new Uri("/People", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/SignIn", page.Headers.Location?.PathAndQuery ?? page.Headers.Location?.OriginalString, StringComparison.Ordinal);

        // The right password now answers exactly what a wrong one answers.
        var right = await factory.CreateCookieClient().SignInAsync(user.Email, user.Password, "en");
        var wrong = await factory.CreateCookieClient().SignInAsync(user.Email, "not the password at all", "en");
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(ErrorText(await wrong.Content.ReadAsStringAsync()), ErrorText(await right.Content.ReadAsStringAsync()));
        Assert.Contains("Incorrect e-mail address or password.", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(factory.Logs.Entries, e => e.EventId == SecurityEvents.SignInFailedId && e.Message.Contains("(deactivated)", StringComparison.Ordinal));
        Assert.NotNull((await FindAsync(user.Id)).DeactivatedAt);
        Assert.Single(await AuditDetailsAsync(user.Id, AuditAction.Deactivate));
    }

    [Fact]
    public async Task Reactivate_DeactivatedAccount_SignsInAgain_AndTheAuditPageTellsBothInSentences()
    {
        var admin = await factory.CreateSignedInClientAsync(Roles.Administrator, InstitutionCodes.Mcmream);
        var user = await factory.CreateUserAsync(Roles.Trainer, "TEST-ACC-REACT");
        var edit = $"/Administration/Users/Edit/{user.Id:D}";
        await admin.PostFormAsync(edit, [], edit + "?handler=Deactivate");
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateCookieClient().SignInAsync(user.Email, user.Password)).StatusCode);

        using var response = await admin.PostFormAsync(edit, [], edit + "?handler=Reactivate");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateCookieClient().SignInAsync(user.Email, user.Password)).StatusCode);
        Assert.Null((await FindAsync(user.Id)).DeactivatedAt);
        var audit = await admin.GetStringAsync(new Uri($"/Administration/Audit?RecordType=User&RecordId={user.Id:D}&culture=en", UriKind.Relative));
        Assert.Contains("deactivated the account of Test Trainer.", audit, StringComparison.Ordinal);
        Assert.Contains("reactivated the account of Test Trainer.", audit, StringComparison.Ordinal);
        var french = await admin.GetStringAsync(new Uri($"/Administration/Audit?RecordType=User&RecordId={user.Id:D}&culture=fr", UriKind.Relative));
        Assert.Contains("a désactivé le compte de Test Trainer.", WebUtility.HtmlDecode(french), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivate_OwnAccount_RefusedWithAReason()
    {
        var me = await factory.CreateUserAsync(Roles.Administrator, InstitutionCodes.Mcmream);
        var admin = await factory.CreateSignedInClientAsync(me);
        var edit = $"/Administration/Users/Edit/{me.Id:D}";

        using var response = await admin.PostFormAsync(edit + "?culture=en", [], edit + "?handler=Deactivate&culture=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You cannot deactivate your own account", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await FindAsync(me.Id)).DeactivatedAt);
    }

    [Fact]
    public async Task Edit_ProgrammeManager_OwnInstitutionOnly_AndNeverAnAdministrator()
    {
        var manager = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, "TEST-ACC-PM");
        var colleague = await factory.CreateUserAsync(Roles.Advisor, "TEST-ACC-PM");
        var stranger = await factory.CreateUserAsync(Roles.Advisor, "TEST-ACC-PM-OTHER");
        var localAdmin = await factory.CreateUserAsync(Roles.Administrator, "TEST-ACC-PM");

        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(new Uri($"/Administration/Users/Edit/{colleague.Id:D}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(new Uri($"/Administration/Users/Edit/{stranger.Id:D}", UriKind.Relative))).StatusCode);
        var adminPage = await manager.GetAsync(new Uri($"/Administration/Users/Edit/{localAdmin.Id:D}", UriKind.Relative));
        Assert.Contains("/Account/AccessDenied", adminPage.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);

        // Granting Administrator is refused even on a colleague's account.
        using var escalate = await PostEditAsync(manager, colleague.Id, fields => fields.Add(new("SelectedRoles", Roles.Administrator)), "en");
        Assert.Equal(HttpStatusCode.OK, escalate.StatusCode);
        Assert.Contains("You are not allowed to choose this value for the “Roles” field.", await escalate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.False(await users.IsInRoleAsync((await users.FindByIdAsync(colleague.Id.ToString()))!, Roles.Administrator));
    }

    [Fact]
    public async Task Edit_InvalidForm_NamesEachField()
    {
        var admin = await factory.CreateSignedInClientAsync(Roles.Administrator, InstitutionCodes.Mcmream);
        var user = await factory.CreateUserAsync(Roles.Advisor, "TEST-ACC-INVALID");
        var taken = await factory.CreateUserAsync(Roles.Advisor, "TEST-ACC-INVALID");

        using var response = await PostEditAsync(admin, user.Id, fields =>
        {
            Set(fields, "Email", taken.Email);
            Set(fields, "DisplayName", "");
            Set(fields, "PreferredCulture", "de");
            fields.RemoveAll(f => f.Key == "SelectedRoles");
        }, "en");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("An account with this e-mail address already exists.", html, StringComparison.Ordinal);
        Assert.Contains("The “Display name” field is required.", html, StringComparison.Ordinal);
        Assert.Contains("The “Roles” field is required.", html, StringComparison.Ordinal);
        Assert.Contains("You are not allowed to choose this value for the “Preferred language” field.", html, StringComparison.Ordinal);
        Assert.Equal(user.Email, (await FindAsync(user.Id)).Email);
    }

    [Fact]
    public async Task UsersList_LinksToEachAccount_AndShowsDeactivated()
    {
        var admin = await factory.CreateSignedInClientAsync(Roles.Administrator, InstitutionCodes.Mcmream);
        var user = await factory.CreateUserAsync(Roles.Analyst, "TEST-ACC-LIST");
        var edit = $"/Administration/Users/Edit/{user.Id:D}";
        await admin.PostFormAsync(edit, [], edit + "?handler=Deactivate");

        var html = await admin.GetStringAsync(new Uri("/Administration/Users?culture=en", UriKind.Relative));

        Assert.Matches($"<a href=\"{Regex.Escape(edit)}\">{Regex.Escape(user.Email)}</a>", html);
        Assert.Contains("deactivated", html, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostEditAsync(HttpClient client, Guid userId, Action<List<KeyValuePair<string, string>>> change, string culture = "fr")
    {
        var url = $"/Administration/Users/Edit/{userId:D}?culture={culture}";
        var html = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        var fields = HtmlForms.PostedFields(html, "save-user");
        change(fields);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    private static void Set(List<KeyValuePair<string, string>> fields, string name, string value)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.Add(new(name, value));
    }

    private async Task<AppUser> FindAsync(Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<AppUser>().AsNoTracking().SingleAsync(u => u.Id == id);
    }

    private async Task<List<string?>> AuditDetailsAsync(Guid userId, AuditAction action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var id = userId.ToString();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<AuditEntry>()
            .Where(a => a.RecordType == "User" && a.RecordId == id && a.Action == action).Select(a => a.Details).ToListAsync();
    }

    /// <summary>The error summary's text, the part of the page that could tell accounts apart.</summary>
    private static string ErrorText(string html) => ErrorSummary().Match(html).Value;

    [GeneratedRegex("<div class=\"alert alert-danger error-summary\"[\\s\\S]*?</div>")]
    private static partial Regex ErrorSummary();
}
