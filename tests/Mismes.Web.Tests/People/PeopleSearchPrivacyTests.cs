using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Mismes.Core.Administration;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.People;

/// <summary>
/// Issue 6, 3.12 (ASVS 5.0 14.2.1): a search term that holds a name, phone or e-mail never travels in a URL the
/// people registry produces, and never reaches the logs, even with ASP.NET Core's request logging at Debug; the
/// search still finds the person and paging still works. docs/adr/0018-personal-search-terms-out-of-urls.md.
/// </summary>
public sealed partial class PeopleSearchPrivacyTests(PeopleSearchPrivacyTests.VerboseLogsFactory factory) : IClassFixture<PeopleSearchPrivacyTests.VerboseLogsFactory>
{
    /// <summary>Request logging on (the hosting "Request starting … URL" lines), so a term in a URL would be caught.</summary>
    public sealed class VerboseLogsFactory : MismesWebFactory
    {
        public VerboseLogsFactory()
        {
            Settings["Logging:LogLevel:Default"] = "Debug";
            Settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug";
        }
    }

    [Fact]
    public async Task SearchPage_NameAndPaging_PostedNeverInAUrlNorInTheLogs()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, "ANAPEC-PRIVACY");
        // A surname no other test uses; one more person than a page holds, so there is a second page.
        var surname = "Zemmouri" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i <= 25; i++)
        {
            var created = await client.PostAsJsonAsync(new Uri("/api/v1/people", UriKind.Relative), new
            {
                firstNameLatin = "Imane",
                lastNameLatin = surname,
                birthDate = new DateOnly(1960, 1, 1).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                sex = "Female",
                migrationStatus = "ProspectiveMigrant",
                countryOfResidence = "MA",
                confirmNotDuplicate = true,
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var empty = await client.GetStringAsync(new Uri("/People?culture=en", UriKind.Relative));
        Assert.Matches("<form method=\"post\" id=\"people-search\"", empty);
        var token = SignInHelpers.ExtractAntiforgeryToken(empty);

        var first = await PostAsync(client, token, new(StringComparer.Ordinal) { ["Text"] = surname });
        var second = await PostAsync(client, token, new(StringComparer.Ordinal) { ["Text"] = surname, ["pageNumber"] = "2" });

        Assert.Contains("26 person(s)", first, StringComparison.Ordinal);
        Assert.Equal(25, Regex.Count(first, $"{surname}, Imane"));
        Assert.Equal(1, Regex.Count(second, $"{surname}, Imane"));
        // The pager: buttons of the search form, which post the term again; no link carries it.
        Assert.Contains("<button type=\"submit\" form=\"people-search\" name=\"pageNumber\" value=\"2\"", first, StringComparison.Ordinal);
        foreach (var html in new[] { first, second })
        {
            var urls = UrlAttribute().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value)).ToList();
            Assert.NotEmpty(urls);
            Assert.DoesNotContain(urls, url => Uri.UnescapeDataString(url).Contains(surname, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain("method=\"get\"", html, StringComparison.OrdinalIgnoreCase);
        }

        // Request logging was on (the registry's URL is logged) and the term is nowhere in it.
        var logs = factory.Logs.Entries;
        Assert.Contains(logs, e => e.Category.StartsWith("Microsoft.AspNetCore.Hosting", StringComparison.Ordinal) && e.Message.Contains("/People", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, e => e.Message.Contains(surname, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SearchApi_PersonalTermInTheBody_FoundAndNotLogged()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.CaseWorker, "ANAPEC-PRIVACY");
        var email = "n.ouazzani." + Guid.NewGuid().ToString("N")[..6] + "@example.org";
        var created = await client.PostAsJsonAsync(new Uri("/api/v1/people", UriKind.Relative), new
        {
            firstNameLatin = "Nadia",
            lastNameLatin = "Ouazzani",
            birthDate = "1987-03-04",
            sex = "Female",
            migrationStatus = "Returned",
            countryOfResidence = "MA",
            email,
            confirmNotDuplicate = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var response = await client.PostAsJsonAsync(new Uri("/api/v1/people/search", UriKind.Relative), new { text = email });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var found = Assert.Single(body.GetProperty("items").EnumerateArray());
        Assert.Equal("Ouazzani", found.GetProperty("lastNameLatin").GetString());
        Assert.Contains(factory.Logs.Entries, e => e.Message.Contains("/api/v1/people/search", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs.Entries, e => e.Message.Contains(email, StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<string> PostAsync(HttpClient client, string token, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = token;
        var response = await client.PostAsync(new Uri("/People?culture=en", UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Every URL a page holds: links, form actions, button form actions, sources.</summary>
    [GeneratedRegex("(?:href|action|formaction|src)=\"(?<url>[^\"]*)\"")]
    private static partial Regex UrlAttribute();
}
