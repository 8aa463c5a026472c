using System.Net;
using System.Text.RegularExpressions;
using Mismes.Core.Administration;
using Mismes.TestCommon;
using Mismes.Web.Tests.Authorization;

namespace Mismes.Web.Tests.Platform;

/// <summary>
/// Issue 6, 2.7: every role lands on its home after signing in, and no link it is shown — on its home or in its
/// navigation — answers 403 or sends it to sign in. Generated from the roles list, so a new role is covered at once.
/// </summary>
public sealed partial class RoleHomeTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private const string Institution = "TEST-HOME";

    public static TheoryData<string> AllRoles() => new(AuthorizationMatrix.AllRoles);

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task SignIn_Role_LandsOnItsHome_AndEveryLinkThereAnswers200(string role)
    {
        var user = await factory.CreateUserAsync(role, Institution);
        var client = factory.CreateCookieClient();

        var signIn = await client.SignInAsync(user.Email, user.Password, culture: "en");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/Home", signIn.Headers.Location?.OriginalString);

        var home = await client.GetAsync(new Uri("/Home?culture=en", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var html = await home.Content.ReadAsStringAsync();
        Assert.Contains("Hello, Test " + role, html, StringComparison.Ordinal);
        Assert.Contains("Test " + Institution, html, StringComparison.Ordinal);

        var failures = new List<string>();
        foreach (var link in Links(html))
        {
            var answer = await FollowAsync(client, link);
            if (answer is not null)
            {
                failures.Add($"{link}: {answer}");
            }
        }

        Assert.True(failures.Count == 0, $"{role}, links on its home and in its navigation:\n" + string.Join('\n', failures));
    }

    [Theory]
    [InlineData(Roles.Employer)]
    [InlineData(Roles.Expert)]
    [InlineData(Roles.Beneficiary)]
    public async Task Home_NothingWaiting_SaysSoInWords(string role)
    {
        var client = await factory.CreateSignedInClientAsync(role, Institution);

        var html = await client.GetStringAsync(new Uri("/Home?culture=fr", UriKind.Relative));

        Assert.Contains("data-testid=\"work-empty\"", html, StringComparison.Ordinal);
        Assert.Contains("Rien ne vous attend pour le moment.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"work-queue\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_Anonymous_SentToSignIn()
    {
        var response = await factory.CreateCookieClient().GetAsync(new Uri("/Home", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/SignIn", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicHome_SignedInBeneficiary_LinksToItsHomeNotToTheRegistry()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Beneficiary, Institution);

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("href=\"/Home\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/People\"", html, StringComparison.Ordinal);
    }

    /// <summary>Local links of the page (navigation, home, footer, language switcher), once each.</summary>
    private static IEnumerable<string> Links(string html) =>
        LocalHref().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct(StringComparer.Ordinal);

    /// <summary>Null when the link ends on a 200 (after at most a few redirects, none to sign-in or access denied); otherwise what went wrong.</summary>
    private static async Task<string?> FollowAsync(HttpClient client, string link)
    {
        var url = link;
        for (var hop = 0; hop < 4; hop++)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return null;
            }

            var location = response.Headers.Location?.OriginalString ?? "";
            if (response.StatusCode != HttpStatusCode.Redirect || location.Contains("/Account/SignIn", StringComparison.OrdinalIgnoreCase)
                || location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase))
            {
                return $"{(int)response.StatusCode} {location}";
            }

            url = location;
        }

        return "too many redirects";
    }

    [GeneratedRegex("href=\"(/[^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex LocalHref();
}
