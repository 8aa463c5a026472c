using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Mismes.Core.Data;
using Mismes.Core.Seeding;

namespace Mismes.Core.Administration;

public sealed record DemoAccount(string Role, string Email, string DisplayName, string InstitutionCode);

/// <summary>
/// One demo account per role, all with the shared password <c>Demo:Password</c>. Created with the demo data set
/// (Development, `mismes demo seed`), never in Production.
/// </summary>
public static class DemoAccounts
{
    /// <summary>A passphrase the password policy accepts (PasswordPolicy): no listed word, 23 characters.</summary>
    public const string DefaultPassword = "olive-tree-harbour-2026";
    public const string EmailDomain = "demo.mismes.ma";

    public static readonly IReadOnlyList<DemoAccount> All =
    [
        new(Roles.Administrator, "admin@" + EmailDomain, "Administrateur démo", InstitutionCodes.Mcmream),
        new(Roles.Advisor, "advisor@" + EmailDomain, "Conseiller démo", DemoInstitutions.AnapecTanger),
        new(Roles.ProgrammeManager, "manager@" + EmailDomain, "Responsable de programme démo", DemoInstitutions.AnapecTanger),
        new(Roles.CaseWorker, "caseworker@" + EmailDomain, "Chargé de dossiers démo", InstitutionCodes.IomMorocco),
        new(Roles.Trainer, "trainer@" + EmailDomain, "Formateur démo", InstitutionCodes.Ofppt),
        new(Roles.Analyst, "analyst@" + EmailDomain, "Analyste démo", InstitutionCodes.MinistryOfEmployment),
        new(Roles.Employer, "employer@" + EmailDomain, "Employeur démo", DemoInstitutions.HuelvaCooperative),
        new(Roles.PartnerService, "partner@" + EmailDomain, "Service partenaire démo", DemoInstitutions.SpanishEmploymentService),
        new(Roles.Expert, "expert@" + EmailDomain, "Expert démo", InstitutionCodes.Cnrst),
        new(Roles.InstitutionMember, "member@" + EmailDomain, "Membre d'institution démo", DemoInstitutions.Ngo),
        new(Roles.Beneficiary, "beneficiary@" + EmailDomain, "Bénéficiaire démo", DemoInstitutions.AnapecTanger),
    ];

    public static string Password(IConfiguration configuration) =>
        configuration["Demo:Password"] is { Length: > 0 } configured ? configured : DefaultPassword;

    /// <summary>
    /// The authenticator key (base32) of the demo accounts whose role requires two-step verification
    /// (docs/adr/0024-two-step-verification.md): printed with the demo passwords, so a newcomer adds it once to any
    /// authenticator app (or `oathtool --totp -b KEY`). Demo data only, never in Production.
    /// </summary>
    public const string DefaultAuthenticatorKey = "MISMESDEMOAUTHENTICATORKEY234567";

    public static string AuthenticatorKey(IConfiguration configuration) =>
        configuration["Demo:AuthenticatorKey"] is { Length: > 0 } configured ? configured : DefaultAuthenticatorKey;

    /// <summary>The table printed by the web host at start in Development and by `mismes demo seed`.</summary>
    public static string Table(string password, string? authenticatorKey = null)
    {
        var roleWidth = Math.Max("Role".Length, All.Max(a => a.Role.Length));
        var emailWidth = Math.Max("E-mail".Length, All.Max(a => a.Email.Length));
        var institutionWidth = Math.Max("Institution".Length, All.Max(a => a.InstitutionCode.Length));
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("Demo accounts (demo data, never in Production):");
        text.AppendLine(CultureInfo.InvariantCulture, $"  {"Role".PadRight(roleWidth)}  {"E-mail".PadRight(emailWidth)}  {"Institution".PadRight(institutionWidth)}  Password");
        text.AppendLine(CultureInfo.InvariantCulture, $"  {new string('-', roleWidth)}  {new string('-', emailWidth)}  {new string('-', institutionWidth)}  {new string('-', password.Length)}");
        foreach (var a in All)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {a.Role.PadRight(roleWidth)}  {a.Email.PadRight(emailWidth)}  {a.InstitutionCode.PadRight(institutionWidth)}  {password}");
        }

        text.AppendLine("  Sign in at /Account/SignIn");
        var withKey = string.Join(", ", All.Where(a => TwoFactorService.IsRequiredFor([a.Role])).Select(a => a.Email));
        text.AppendLine(CultureInfo.InvariantCulture,
            $"  Two-step verification is required for {withKey}: add the key {authenticatorKey ?? DefaultAuthenticatorKey} to an authenticator app");
        text.AppendLine("  (time-based, 6 digits, 30 s; or run `oathtool --totp -b KEY`) and type its code after the password.");
        return text.ToString();
    }
}

/// <summary>Creates the missing demo accounts (after the demo institutions, before other capabilities' demo data).</summary>
internal sealed class DemoAccountSeeder(AppDbContext db, UserManager<AppUser> users, IConfiguration configuration) : IDemoDataSeeder
{
    public int Order => 1;

    public async Task SeedAsync(CancellationToken ct)
    {
        var password = DemoAccounts.Password(configuration);
        var institutions = await db.Set<Institution>().ToDictionaryAsync(i => i.Code, i => i.Id, StringComparer.Ordinal, ct);
        foreach (var account in DemoAccounts.All)
        {
            if (await users.FindByEmailAsync(account.Email) is { } existing)
            {
                // A demo database seeded before two-step verification existed gets the known key too.
                await EnsureAuthenticatorAsync(existing, account.Role);
                continue;
            }

            var user = new AppUser
            {
                Id = Guid.NewGuid(),
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                InstitutionId = institutions[account.InstitutionCode],
                LockoutEnabled = true,
            };
            Check(await users.CreateAsync(user, password));
            Check(await users.AddToRoleAsync(user, account.Role));
            await EnsureAuthenticatorAsync(user, account.Role);
        }
    }

    /// <summary>The known authenticator key and two-step verification on, for the roles that require it.</summary>
    private async Task EnsureAuthenticatorAsync(AppUser user, string role)
    {
        if (!TwoFactorService.IsRequiredFor([role]) || await users.GetTwoFactorEnabledAsync(user))
        {
            return;
        }

        // Identity keeps the authenticator key as this token of its own store (UserStoreBase's names).
        Check(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", DemoAccounts.AuthenticatorKey(configuration)));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo account not created: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }
}
