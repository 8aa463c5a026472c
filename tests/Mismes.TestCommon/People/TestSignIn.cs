using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mismes.Core.Administration;
using Mismes.Core.Data;

namespace Mismes.TestCommon.People;

/// <summary>
/// Signs test users in. Uses the real sign-in page (/Account/SignIn, fields Email and Password) when the host has
/// it; until the Administration capability is merged it falls back to a test-only authentication scheme that trusts
/// the header X-Mismes-Test-User (registered only by <see cref="PeopleWebFactory"/>, never by the real host).
/// The lead can replace this with Administration's CreateSignedInClientAsync once both are merged.
/// </summary>
public static partial class TestSignIn
{
    public const string Password = "Test-Password-2026!";

    public static async Task<Guid> EnsureInstitutionAsync(IServiceProvider services, string code)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var existing = await db.Set<Institution>().FirstOrDefaultAsync(i => i.Code == code);
        if (existing is not null)
        {
            return existing.Id;
        }

        var institution = new Institution { Id = Guid.NewGuid(), Code = code, Name = code, Kind = InstitutionKind.PublicEmploymentService };
        db.Set<Institution>().Add(institution);
        await db.SaveChangesAsync();
        return institution.Id;
    }

    public static async Task<AppUser> CreateUserAsync(IServiceProvider services, string role, string institutionCode)
    {
        var institutionId = await EnsureInstitutionAsync(services, institutionCode);
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        if (!await roles.RoleExistsAsync(role))
        {
            Check(await roles.CreateAsync(new IdentityRole<Guid>(role)));
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@test.mismes.ma";
        var user = new AppUser { UserName = email, Email = email, DisplayName = role + " " + institutionCode, InstitutionId = institutionId, EmailConfirmed = true };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    /// <summary>An HttpClient signed in as a new user with the role, in the institution (created if missing).</summary>
    public static async Task<HttpClient> CreatePeopleClientAsync(this WebApplicationFactory<Program> factory, string role, string institutionCode) =>
        (await factory.SignInAsync(role, institutionCode)).Client;

    /// <summary>Like <see cref="CreatePeopleClientAsync"/>, also returning the user (for audit assertions).</summary>
    public static async Task<(HttpClient Client, AppUser User)> SignInAsync(this WebApplicationFactory<Program> factory, string role, string institutionCode)
    {
        var user = await CreateUserAsync(factory.Services, role, institutionCode);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (!await SignInThroughPageAsync(client, user.Email!, Password))
        {
            client.DefaultRequestHeaders.Add(TestAuthHandler.Header, user.Id.ToString());
        }

        return (client, user);
    }

    /// <summary>Posts the real sign-in form; false when the host has no sign-in page (yet).</summary>
    public static async Task<bool> SignInThroughPageAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetAsync(new Uri("/Account/SignIn", UriKind.Relative));
        // Without the Administration capability there is no page: the fallback policy redirects (or 404s).
        var html = await page.Content.ReadAsStringAsync();
        if (page.StatusCode != HttpStatusCode.OK || !TokenPattern().IsMatch(html))
        {
            return false;
        }

        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = AntiforgeryToken(html),
        };
        var response = await client.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), new FormUrlEncodedContent(form));
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther))
        {
            throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode}");
        }

        return true;
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token in the page.");
    }

    /// <summary>Adds the header-trusting scheme in front of the cookie; the real host never calls this.</summary>
    public static void AddTestAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, _ => { })
            .AddPolicyScheme(TestAuthHandler.Selector, TestAuthHandler.Selector, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.ContainsKey(TestAuthHandler.Header) ? TestAuthHandler.SchemeName : IdentityConstants.ApplicationScheme);
        services.PostConfigure<AuthenticationOptions>(o =>
        {
            o.DefaultScheme = TestAuthHandler.Selector;
            o.DefaultAuthenticateScheme = TestAuthHandler.Selector;
            o.DefaultChallengeScheme = TestAuthHandler.Selector;
            o.DefaultForbidScheme = TestAuthHandler.Selector;
        });
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>Trusts X-Mismes-Test-User (a user id) and builds the principal as Identity would, plus the institution claim.</summary>
public sealed class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "MismesTest";
    public const string Selector = "MismesTestOrCookie";
    public const string Header = "X-Mismes-Test-User";
    public const string InstitutionClaim = "mismes:institution";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var value) || !Guid.TryParse(value.ToString(), out var userId))
        {
            return AuthenticateResult.NoResult();
        }

        var users = Context.RequestServices.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return AuthenticateResult.Fail("Unknown test user.");
        }

        var factory = Context.RequestServices.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        var principal = await factory.CreateAsync(user);
        var identity = (ClaimsIdentity)principal.Identity!;
        if (user.InstitutionId is { } institutionId && !principal.HasClaim(c => c.Type == InstitutionClaim))
        {
            identity.AddClaim(new Claim(InstitutionClaim, institutionId.ToString()));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(identity.Claims, SchemeName)), SchemeName));
    }
}

/// <summary>The lead's <see cref="MismesWebFactory"/> plus the test sign-in scheme (see <see cref="TestSignIn"/>).</summary>
public class PeopleWebFactory : MismesWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);

        // Program reads the database settings while building (AddMismesDatabase), before configuration added by
        // ConfigureAppConfiguration is visible; UseSetting is seen early, so each factory really gets its own database.
        builder.UseSetting("Database:Provider", Provider == "postgres" ? "Postgres" : "Sqlite");
        builder.UseSetting("ConnectionStrings:Mismes", ConnectionString);
        builder.UseSetting("Database:MigrateAtStart", "true");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddTestAuthentication());
    }
}
