using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mismes.Core.Administration;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Catalogue;

/// <summary>
/// The real host, plus a way to act as a real user of a given role. The Administration branch is building the
/// sign-in page and <c>CreateSignedInClientAsync</c>; until it is merged, a user created with UserManager is signed
/// in by a test header (<c>X-Test-User</c>) whose principal comes from Identity's own claims factory, so roles and
/// policies are checked exactly as for a cookie. Requests without the header use the normal cookie scheme.
/// </summary>
public sealed class CatalogueWebFactory : MismesWebFactory
{
    public const string UserHeader = "X-Test-User";
    private const string TestScheme = "Test";
    private const string Selector = "TestOrCookie";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The base factory's ConfigureAppConfiguration reaches the minimal-hosting Program only after AddPlatform has
        // read the connection string, so every factory would share bin/mismes.db; UseSetting is applied early.
        builder.UseSetting("Database:Provider", Provider == "postgres" ? "Postgres" : "Sqlite");
        builder.UseSetting("ConnectionStrings:Mismes", ConnectionString);
        builder.UseSetting("Database:MigrateAtStart", "true");
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication()
                .AddScheme<AuthenticationSchemeOptions, HeaderUserHandler>(TestScheme, null)
                .AddPolicyScheme(Selector, null, o => o.ForwardDefaultSelector = ctx =>
                    ctx.Request.Headers.ContainsKey(UserHeader) ? TestScheme : IdentityConstants.ApplicationScheme);
            services.PostConfigure<AuthenticationOptions>(o => o.DefaultAuthenticateScheme = Selector);
        });
    }

    public HttpClient CreateAnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client acting as a new user with <paramref name="role"/>.</summary>
    public async Task<HttpClient> CreateClientAsAsync(string role)
    {
        var client = CreateAnonymousClient();
        var userId = await CreateUserAsync(role);
        client.DefaultRequestHeaders.Add(UserHeader, userId.ToString());
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("fr"));
        return client;
    }

    public async Task<Guid> CreateUserAsync(string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        if (!await roles.RoleExistsAsync(role))
        {
            await roles.CreateAsync(new IdentityRole<Guid>(role));
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var id = Guid.NewGuid();
        var user = new AppUser { Id = id, UserName = $"{role}-{id:N}@test.mismes.ma", Email = $"{role}-{id:N}@test.mismes.ma", DisplayName = role };
        Check(await users.CreateAsync(user, "Test-Password-2026"));
        Check(await users.AddToRoleAsync(user, role));
        return id;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    private sealed class HeaderUserHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options,
        ILoggerFactory logger,
        UrlEncoder encoder,
        UserManager<AppUser> users,
        SignInManager<AppUser> signIn)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var user = await users.FindByIdAsync(Request.Headers[UserHeader].ToString());
            if (user is null)
            {
                return AuthenticateResult.Fail("unknown test user");
            }

            var principal = await signIn.CreateUserPrincipalAsync(user);
            var identity = new ClaimsIdentity(principal.Claims, Scheme.Name, ClaimTypes.Name, ClaimTypes.Role);
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
        }
    }
}
