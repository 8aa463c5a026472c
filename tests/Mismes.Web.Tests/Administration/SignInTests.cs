using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Administration;

public sealed class SignInTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private sealed record Me(string Id, string Name, Guid? InstitutionId, string AuthenticationType, List<string> Roles);

    [Fact]
    public async Task SignIn_CorrectPassword_RedirectsAndCookieCarriesInstitution()
    {
        var user = await factory.CreateUserAsync(Roles.Advisor, "TEST-SIGNIN-A");
        var client = factory.CreateCookieClient();

        var response = await client.SignInAsync(user.Email, user.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Home", response.Headers.Location?.OriginalString);
        var me = await client.GetFromJsonAsync<Me>(new Uri("/api/v1/me", UriKind.Relative));
        Assert.NotNull(me);
        Assert.Equal(user.InstitutionId, me.InstitutionId);
        Assert.Equal(user.Id.ToString(), me.Id);
        Assert.Equal([Roles.Advisor], me.Roles);
    }

    [Fact]
    public async Task SignIn_ReturnUrl_RedirectsThereOnlyWhenLocal()
    {
        var user = await factory.CreateUserAsync(Roles.Administrator, "TEST-SIGNIN-A");
        var local = factory.CreateCookieClient();
        var external = factory.CreateCookieClient();
        var fields = new Dictionary<string, string> { ["Email"] = user.Email, ["Password"] = user.Password };

        var toLocal = await local.PostFormAsync("/Account/SignIn?ReturnUrl=%2FAdministration%2FAudit", fields);
        var toExternal = await external.PostFormAsync("/Account/SignIn?ReturnUrl=https%3A%2F%2Fevil.example%2F", fields);

        Assert.Equal("/Administration/Audit", toLocal.Headers.Location?.OriginalString);
        Assert.Equal("/Home", toExternal.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("fr", "Adresse e-mail ou mot de passe incorrect.")]
    [InlineData("en", "Incorrect e-mail address or password.")]
    [InlineData("es", "Correo electrónico o contraseña incorrectos.")]
    [InlineData("ar-MA", "البريد الإلكتروني أو كلمة المرور غير صحيحة.")]
    public async Task SignIn_WrongPassword_ShowsLocalizedErrorAndNoCookie(string culture, string message)
    {
        var user = await factory.CreateUserAsync(Roles.Advisor, "TEST-SIGNIN-A");
        var client = factory.CreateCookieClient();

        var response = await client.SignInAsync(user.Email, "Wrong-Password-1", culture);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("id=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task SignIn_UnknownEmail_ShowsSameErrorAsWrongPassword()
    {
        var client = factory.CreateCookieClient();

        var response = await client.SignInAsync("nobody@test.mismes.ma", "Whatever-Password-1", "en");

        Assert.Contains("Incorrect e-mail address or password.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_EmptyFields_ShowsLocalizedFieldErrorsLinkedFromSummary()
    {
        var client = factory.CreateCookieClient();

        var response = await client.PostFormAsync("/Account/SignIn?culture=en", new Dictionary<string, string> { ["Email"] = "", ["Password"] = "" });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter your e-mail address.", html, StringComparison.Ordinal);
        Assert.Contains("Enter your password.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Email\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRejected()
    {
        var user = await factory.CreateUserAsync(Roles.Advisor, "TEST-SIGNIN-A");
        var client = factory.CreateCookieClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = user.Email, ["Password"] = user.Password });

        var response = await client.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_FiveFailures_RefuseThisClientEvenTheRightPasswordWithTheSameAnswer()
    {
        var user = await factory.CreateUserAsync(Roles.Advisor, "TEST-SIGNIN-A");
        var client = factory.CreateCookieClient("203.0.113.41");
        for (var i = 0; i < 5; i++)
        {
            await client.SignInAsync(user.Email, "Wrong-Password-" + i, "en");
        }

        var response = await client.SignInAsync(user.Email, user.Password, "en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Incorrect e-mail address or password.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task SignIn_Success_IsAudited()
    {
        var user = await factory.CreateUserAsync(Roles.CaseWorker, "TEST-SIGNIN-B");

        await factory.CreateSignedInClientAsync(user);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entry = await db.Set<AuditEntry>().SingleAsync(a => a.RecordType == "User" && a.RecordId == user.Id.ToString());
        Assert.Equal(AuditAction.SignIn, entry.Action);
        Assert.Equal(user.Id, entry.UserId);
        Assert.Equal(user.InstitutionId, entry.InstitutionId);
        Assert.Equal(factory.Clock.GetUtcNow(), entry.At);
    }

    [Fact]
    public async Task SignOut_Post_EndsTheSession()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, "TEST-SIGNIN-A");

        var response = await client.PostFormAsync("/Account/SignOut", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Anonymous_ProtectedPage_RedirectsToSignIn_AndApiAnswers401()
    {
        var client = factory.CreateCookieClient();

        var page = await client.GetAsync(new Uri("/Administration/Audit", UriKind.Relative));
        var api = await client.GetAsync(new Uri("/api/v1/audit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("http://localhost/Account/SignIn", page.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Theory]
    [InlineData("fr", "Connexion")]
    [InlineData("ar-MA", "تسجيل الدخول")]
    public async Task SignInPage_Get_IsLocalizedAndAnonymous(string culture, string title)
    {
        var client = factory.CreateCookieClient();

        var response = await client.GetAsync(new Uri("/Account/SignIn?culture=" + culture, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<h1 class=\"h3 mb-3\">{title}</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
