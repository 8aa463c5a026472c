using System.Net;
using Mismes.Core.Administration;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Administration;

/// <summary>The password policy (issue 6, 3.5) as users meet it on the real forms, in every language.</summary>
public sealed class PasswordPolicyPageTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    [Theory]
    [InlineData("Password12", "en", "The password must be at least 12 characters long.")]
    [InlineData("Welcome2026", "fr", "Le mot de passe doit comporter au moins 12 caractères.")]
    [InlineData("Welcome2026!", "en", "This password is too common or too easy to guess")]
    [InlineData("Password1234", "fr", "Ce mot de passe est trop courant ou trop facile à deviner")]
    [InlineData("Summer2026!!", "es", "Esta contraseña es demasiado común o fácil de adivinar")]
    [InlineData("Password12", "ar-MA", "يجب أن تتكون كلمة المرور من 12 حرفًا على الأقل.")]
    [InlineData("qwertyuiop12", "ar-MA", "كلمة المرور هذه شائعة جدًا أو سهلة التخمين")]
    public async Task ChangePassword_WeakPassword_IsRefusedWithALocalizedReason(string password, string culture, string message)
    {
        var user = await factory.CreateUserAsync(Roles.Advisor, "TEST-PASSWORDS");
        var client = await factory.CreateSignedInClientAsync(user);

        using var response = await ChangePasswordAsync(client, user.Password, password, culture);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("href=\"#NewPassword\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateCookieClient().SignInAsync(user.Email, user.Password)).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_Passphrase_IsAcceptedAndSignsIn()
    {
        var user = await factory.CreateUserAsync(Roles.Advisor, "TEST-PASSWORDS");
        var client = await factory.CreateSignedInClientAsync(user);

        using var response = await ChangePasswordAsync(client, user.Password, "correct horse battery staple", "en");

        Assert.Contains("data-testid=\"password-changed\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateCookieClient().SignInAsync(user.Email, "correct horse battery staple")).StatusCode);
    }

    [Theory]
    [InlineData("correct horse battery staple", HttpStatusCode.Redirect)]
    [InlineData("Welcome2026", HttpStatusCode.OK)]
    [InlineData("Password12", HttpStatusCode.OK)]
    public async Task CreateUser_PasswordPolicy_AppliesToNewAccounts(string password, HttpStatusCode expected)
    {
        var admin = await factory.CreateSignedInClientAsync(Roles.Administrator, InstitutionCodes.Mcmream);
        var institution = await factory.InstitutionIdAsync(InstitutionCodes.Ofppt);
        var email = $"policy-{Guid.NewGuid():N}@test.mismes.ma";

        using var response = await admin.PostFormAsync("/Administration/Users/Create?culture=en",
        [
            new("Email", email),
            new("DisplayName", "Policy test"),
            new("InstitutionId", institution.ToString()),
            new("SelectedRoles", Roles.Trainer),
            new("Password", password),
        ]);

        Assert.Equal(expected, response.StatusCode);
        var signIn = await factory.CreateCookieClient().SignInAsync(email, password);
        Assert.Equal(expected == HttpStatusCode.Redirect ? HttpStatusCode.Redirect : HttpStatusCode.OK, signIn.StatusCode);
    }

    private static Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client, string current, string next, string culture) =>
        client.PostFormAsync("/Account/ChangePassword?culture=" + culture, new Dictionary<string, string>
        {
            ["CurrentPassword"] = current,
            ["NewPassword"] = next,
            ["ConfirmPassword"] = next,
        });
}
