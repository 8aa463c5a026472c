using Microsoft.AspNetCore.Identity;
using Mismes.Core.Administration;

namespace Mismes.Core.Tests.Administration;

/// <summary>The password policy of issue 6, 3.5 (ASVS 6.2): length, passphrases, common and patterned passwords.</summary>
public sealed class PasswordPolicyTests
{
    private static readonly AppUser User = new() { Email = "ghita.berrada@anapec.ma", UserName = "ghita.berrada@anapec.ma", DisplayName = "Ghita Lalla Berrada" };

    [Theory]
    [InlineData("Password1234")]
    [InlineData("Password12!!")]
    [InlineData("P@ssw0rd2026")]
    [InlineData("passw0rd-2026")]
    [InlineData("Welcome2026!")]
    [InlineData("welcome 2026 !")]
    [InlineData("Summer2025!!")]
    [InlineData("Été2026!!!!!")]
    [InlineData("Printemps2026")]
    [InlineData("Invierno2025!")]
    [InlineData("Ramadan2026!!")]
    [InlineData("MotDePasse2026")]
    [InlineData("Contraseña2026")]
    [InlineData("Bismillah2026")]
    [InlineData("Mohamed123456")]
    [InlineData("Casablanca2026")]
    [InlineData("Anapec2026!!")]
    [InlineData("Mismes-2026!")]
    [InlineData("Demo-Mismes-2026")]
    [InlineData("AdminPassword1")]
    [InlineData("Test-Password-2026")]
    [InlineData("iloveyou1234")]
    [InlineData("qwertyuiop12")]
    [InlineData("azertyuiop123")]
    [InlineData("1qaz2wsx3edc4rfv")]
    [InlineData("asdfghjklzxc")]
    [InlineData("123456789012")]
    [InlineData("987654321098")]
    [InlineData("abcdefghijkl")]
    [InlineData("111111111111")]
    [InlineData("abcabcabcabc")]
    [InlineData("passwordpassword")]
    [InlineData("aaaaaaaaaaab")]
    public async Task Validate_CommonOrPatternedPassword_IsRefused(string password)
    {
        var result = await ValidateAsync(password);

        Assert.Equal([CommonPasswordValidator.Common], result.Errors.Select(e => e.Code));
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("olive-tree-harbour-2026")]
    [InlineData("Lantern-Kite-Meadow-2026")]
    [InlineData("Strong-Password-2026")]
    [InlineData("ma grand-mère cuisine le couscous le vendredi")]
    [InlineData("الشمس تشرق على الجبال")]
    [InlineData("583920174628")]
    [InlineData("tr0mb0ne-Velo-quatre")]
    public async Task Validate_PassphraseOrUncommonPassword_IsAccepted(string password)
    {
        var result = await ValidateAsync(password);

        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Code)));
    }

    [Theory]
    [InlineData("Ghita2026!!!!")]
    [InlineData("ghita.berrada1")]
    [InlineData("Berrada-2026!")]
    [InlineData("GhitaLallaBerrada")]
    public async Task Validate_UsersOwnNameOrEmail_IsRefused(string password)
    {
        var result = await ValidateAsync(password);

        Assert.Equal([CommonPasswordValidator.Personal], result.Errors.Select(e => e.Code));
    }

    [Fact]
    public async Task Validate_LongerThan256_IsRefused_64IsFine()
    {
        var longest = string.Join(' ', Enumerable.Repeat("vent sable oasis", 16));

        Assert.True((await ValidateAsync(longest[..64])).Succeeded);
        Assert.Equal([CommonPasswordValidator.TooLong], (await ValidateAsync(new string('x', 100) + longest)).Errors.Select(e => e.Code));
    }

    [Fact]
    public void Configure_OnlyLength_NoCompositionRules()
    {
        var options = new PasswordOptions();

        PasswordPolicy.Configure(options);

        Assert.Equal(12, options.RequiredLength);
        Assert.False(options.RequireDigit || options.RequireLowercase || options.RequireUppercase || options.RequireNonAlphanumeric);
        Assert.Equal(1, options.RequiredUniqueChars);
    }

    [Fact]
    public void DemoPassword_SatisfiesThePolicy()
    {
        Assert.True(DemoAccounts.DefaultPassword.Length >= PasswordPolicy.MinimumLength);
        Assert.False(CommonPasswordValidator.IsCommon(DemoAccounts.DefaultPassword));
    }

    private static Task<IdentityResult> ValidateAsync(string password) =>
        new CommonPasswordValidator().ValidateAsync(null!, User, password);
}
