using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
        Assert.DoesNotContain("action=\"/Account/SignOut\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Layout_SignedIn_DisplayNameSignOutAndStaffNavigation()
    {
        var html = await SignedInClient([new Claim(ClaimTypes.Name, "amina@anapec.ma"), new Claim("mismes:display_name", "أمينة بناني")])
            .GetStringAsync(new Uri("/?culture=ar-MA", UriKind.Relative));

        Assert.Contains(">أمينة بناني</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("amina@anapec.ma", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/Account/SignOut\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/People\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Administration\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Account/SignIn\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Layout_SignedInWithoutDisplayName_UserName()
    {
        var html = await SignedInClient([new Claim(ClaimTypes.Name, "amina@anapec.ma")]).GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains(">amina@anapec.ma</span>", html, StringComparison.Ordinal);
    }

    private HttpClient SignedInClient(Claim[] claims) =>
        factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            {
                services.AddSingleton(new FakeUserClaims(claims));
                services.AddAuthentication(o => o.DefaultAuthenticateScheme = FakeUserHandler.SchemeName)
                    .AddScheme<AuthenticationSchemeOptions, FakeUserHandler>(FakeUserHandler.SchemeName, _ => { });
            }))
            .CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private sealed record FakeUserClaims(Claim[] Claims);

    private sealed class FakeUserHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, FakeUserClaims user)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "FakeUser";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var identity = new ClaimsIdentity([.. user.Claims, new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString())], SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }
}
