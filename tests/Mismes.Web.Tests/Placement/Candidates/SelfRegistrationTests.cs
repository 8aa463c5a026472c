using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Data;
using Mismes.Core.People;
using Mismes.Core.Placement.Candidates;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Placement.Candidates;

/// <summary>Self-registration through the real pages (anonymous, no JavaScript): each step is a POST of the form the page rendered.</summary>
public sealed partial class SelfRegistrationTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private sealed class Journey(HttpClient client)
    {
        public string Html { get; private set; } = "";

        public async Task StartAsync(string url) => Html = await client.GetStringAsync(new Uri(url, UriKind.Relative));

        public async Task<HttpResponseMessage> PostAsync(IEnumerable<KeyValuePair<string, string>> fields, string action = "continue", string? state = null)
        {
            var form = new List<KeyValuePair<string, string>>(fields)
            {
                new("__RequestVerificationToken", SignInHelpers.ExtractAntiforgeryToken(Html)),
                new("state", state ?? Hidden("state")),
                new("step", Hidden("step")),
                new("action", action),
            };
            using var content = new FormUrlEncodedContent(form);
            var response = await client.PostAsync(new Uri("/Placement/Register", UriKind.Relative), content);
            Html = await response.Content.ReadAsStringAsync();
            return response;
        }

        public string Hidden(string name) => WebUtility.HtmlDecode(Regex.Match(Html, $"name=\"{name}\" value=\"([^\"]*)\"").Groups[1].Value);

        public string FirstRadio(string name) => WebUtility.HtmlDecode(Regex.Match(Html, $"name=\"{name}\" id=\"[^\"]*\" value=\"([^\"]*)\"").Groups[1].Value);
    }

    private static int _people;

    private static async Task<(Journey Journey, string Family)> UpToCheckAsync(HttpClient client, Guid? vacancy = null)
    {
        var journey = new Journey(client);
        var family = "Zerouali" + Interlocked.Increment(ref _people).ToString(System.Globalization.CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..4];
        await journey.StartAsync(vacancy is null ? "/Placement/Register" : $"/Placement/Register?vacancy={vacancy}");
        await journey.PostAsync([]);
        await journey.PostAsync([new("FirstNameLatin", "Souad"), new("LastNameLatin", family)]);
        await journey.PostAsync([new("BirthDate.Day", "9"), new("BirthDate.Month", "11"), new("BirthDate.Year", "1990")]);
        await journey.PostAsync([new("Sex", "Female")]);
        await journey.PostAsync([new("Phone", "0661" + Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        await journey.PostAsync([new("AgencyId", journey.FirstRadio("AgencyId"))]);
        await journey.PostAsync([new("occupationText", "cueilleur de fraises")], action: "search");
        await journey.PostAsync([new("OccupationUri", journey.FirstRadio("OccupationUri"))]);
        await journey.PostAsync([new("ExperienceYears", "2")]);
        await journey.PostAsync([new("Countries", "ES")]);
        await journey.PostAsync([new("Share", "yes")]);
        Assert.Contains("id=\"answers\"", journey.Html, StringComparison.Ordinal);
        return (journey, family);
    }

    [Fact]
    public async Task Register_EveryStep_CreatesPersonWithConsentAndProfileOnce()
    {
        using var client = factory.CreateClient();
        var vacancy = Guid.NewGuid();
        var (journey, family) = await UpToCheckAsync(client, vacancy);
        var state = journey.Hidden("state");
        var checkPage = journey.Html;

        var done = await journey.PostAsync([]);
        var reference = Regex.Match(journey.Html, "id=\"reference\">([0-9A-F]{8})<").Groups[1].Value;

        // The same form sent again (a second tap, a reload) makes nothing new.
        var again = new Journey(client);
        await again.StartAsync("/Placement/Register");
        typeof(Journey).GetProperty(nameof(Journey.Html))!.SetValue(again, checkPage);
        await again.PostAsync([], state: state);

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Matches("^[0-9A-F]{8}$", reference);
        Assert.Contains(reference, again.Html, StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var person = await db.Set<Person>().Include(p => p.Consents).Include(p => p.Events).SingleAsync(p => p.LastNameLatin == family);
        var consent = Assert.Single(person.Consents);
        Assert.Equal(ConsentPurpose.ShareProfileWithForeignEmployers, consent.Purpose);
        Assert.Equal(ConsentChannel.Web, consent.Channel);
        Assert.Contains(person.Events, e => e.Details != null && e.Details.StartsWith("selfRegistered", StringComparison.Ordinal));
        var candidate = await db.Set<Candidate>().Include(c => c.Occupations).SingleAsync(c => c.PersonId == person.Id);
        Assert.Equal(vacancy, candidate.AppliedVacancyId);
        Assert.Equal(24, Assert.Single(candidate.Occupations).ExperienceMonths);
        Assert.Equal(person.InstitutionId, candidate.InstitutionId);
    }

    [Fact]
    public async Task Register_ImpossibleDate_ErrorSummaryNamesTheField()
    {
        using var client = factory.CreateClient();
        var journey = new Journey(client);
        await journey.StartAsync("/Placement/Register");
        await journey.PostAsync([]);
        await journey.PostAsync([new("FirstNameLatin", "Souad"), new("LastNameLatin", "Haddad")]);

        await journey.PostAsync([new("BirthDate.Day", "31"), new("BirthDate.Month", "2"), new("BirthDate.Year", "1990")]);

        Assert.Contains("data-testid=\"error-summary\"", journey.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"#BirthDate\"", journey.Html, StringComparison.Ordinal);
        Assert.Contains("vraie date", journey.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_TamperedState_StartsAgainWithoutError500()
    {
        using var client = factory.CreateClient();
        var journey = new Journey(client);
        await journey.StartAsync("/Placement/Register");

        var answer = await journey.PostAsync([new("FirstNameLatin", "X")], state: "not-a-protected-state");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("id=\"expired\"", journey.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_PostWithoutAntiforgeryToken_Refused()
    {
        using var client = factory.CreateClient();
        using var content = new FormUrlEncodedContent([new("step", "Name"), new("action", "continue")]);

        var answer = await client.PostAsync(new Uri("/Placement/Register", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
    }

    [Fact]
    public async Task Register_ArabicSearch_FindsOccupations()
    {
        using var client = factory.CreateClient();
        var journey = new Journey(client);
        await journey.StartAsync("/Placement/Register?culture=ar-MA");
        await journey.PostAsync([]);
        for (var i = 0; i < 5; i++)
        {
            await journey.PostAsync([], action: "back");
        }

        // Straight to the occupation question: a change from "check your answers" would do the same.
        await journey.PostAsync([], action: "change:Occupation");
        await journey.PostAsync([new("occupationText", "طباخ")], action: "search");

        Assert.True(journey.Html.Contains("id=\"occupation-0\"", StringComparison.Ordinal), Regex.Match(journey.Html, "<main[\\s\\S]{0,3000}").Value);
    }
}
