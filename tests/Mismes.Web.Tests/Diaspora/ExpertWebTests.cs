using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.Diaspora.Experts;
using Mismes.TestCommon;
using Mismes.TestCommon.Diaspora;
using Mismes.TestCommon.Placement;

namespace Mismes.Web.Tests.Diaspora;

/// <summary>The experts' API and staff pages through the real host (forms posted as a browser without JavaScript would).</summary>
public sealed class ExpertWebTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private const string Code = "TEST-DIAS-EXP";
    private static int _births;

    private static DateOnly NextBirth() => new DateOnly(1940, 2, 3).AddYears(Interlocked.Increment(ref _births));

    private async Task<(HttpClient Client, Guid Person)> AdvisorWithPersonAsync(bool withProfile = false, string code = Code)
    {
        var user = await factory.CreateUserAsync(Roles.Advisor, code);
        var client = await factory.CreateSignedInClientAsync(user);
        var person = await factory.Services.AddExpertAsync(new FakeCurrentUser(user.InstitutionId, Roles.Advisor), NextBirth(), withProfile);
        return (client, person);
    }

    private async Task<T> InDatabaseAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [Fact]
    public async Task Api_PutThenGet_ProfileSavedAndReadBack()
    {
        var (client, person) = await AdvisorWithPersonAsync();
        var skill = TestEsco.EssentialSkillsOf(TestExperts.BiologistUri)[0];

        var put = await client.PutAsJsonAsync($"/api/v1/diaspora/experts/{person}", new
        {
            residenceCountry = "FR", residenceCity = "Lyon", employerAbroad = "INSERM",
            occupationUris = new[] { TestExperts.BiologistUri }, skillUris = new[] { skill }, domains = new[] { "santé publique" },
            degrees = new[] { new { title = "Doctorat", eqfLevel = 8 } }, yearsOfExperience = 15,
            languages = new[] { new { language = "fr", level = "C2" } },
            availability = new[] { new { from = "2027-01-10", to = "2027-02-20" } },
            mode = "remote", minMissionWeeks = 2, maxMissionWeeks = 8,
        });
        var got = await client.GetFromJsonAsync<JsonElement>($"/api/v1/diaspora/experts/{person}");
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/diaspora/experts?country=fr");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var profile = got.GetProperty("profile");
        Assert.Equal("FR", profile.GetProperty("residenceCountry").GetString());
        Assert.Equal("Remote", profile.GetProperty("mode").GetString());
        Assert.Equal(8, profile.GetProperty("degrees")[0].GetProperty("eqfLevel").GetInt32());
        Assert.Equal("C2", profile.GetProperty("languages")[0].GetProperty("level").GetString());
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("personId").GetGuid() == person);
    }

    [Fact]
    public async Task Api_BadValues_ProblemDetailsNamingEachFieldInTheCallersLanguage()
    {
        var (client, person) = await AdvisorWithPersonAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/diaspora/experts/{person}")
        {
            Content = JsonContent.Create(new
            {
                residenceCountry = "Allemagne", occupationUris = new[] { "not-esco" }, yearsOfExperience = 99,
                languages = new[] { new { language = "de", level = "Z9" } }, mode = "teleport", minMissionWeeks = 1,
            }),
        };
        request.Headers.AcceptLanguage.ParseAdd("en");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["level", "mode"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("“Level”", errors.GetProperty("level")[0].GetString(), StringComparison.Ordinal);
        Assert.False(await InDatabaseAsync(db => db.Set<Expert>().AnyAsync(e => e.PersonId == person)));
    }

    [Fact]
    public async Task Api_ServiceRefusal_ProblemDetailsWithEveryField()
    {
        var (client, person) = await AdvisorWithPersonAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/diaspora/experts/{person}")
        {
            Content = JsonContent.Create(new { residenceCountry = "MA", occupationUris = new[] { "not-esco" }, yearsOfExperience = 99, minMissionWeeks = 1 }),
        };
        request.Headers.AcceptLanguage.ParseAdd("es");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["maxMissionWeeks", "occupationUris", "residenceCountry", "yearsOfExperience"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("«País de residencia»", errors.GetProperty("residenceCountry")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_NotJsonAndBadQuery_ProblemDetailsNever500()
    {
        var (client, person) = await AdvisorWithPersonAsync();
        using var broken = new StringContent("{\"yearsOfExperience\": \"many\"", System.Text.Encoding.UTF8, "application/json");

        var put = await client.PutAsync(new Uri($"/api/v1/diaspora/experts/{person}", UriKind.Relative), broken);
        var list = await client.GetAsync(new Uri("/api/v1/diaspora/experts?country=Germany&page=0", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, list.StatusCode);
        var errors = (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("country", out _));
        Assert.True(errors.TryGetProperty("page", out _));
    }

    [Fact]
    public async Task Api_PersonOfAnotherInstitution_NotFound()
    {
        var (_, person) = await AdvisorWithPersonAsync(withProfile: true);
        var other = await factory.CreateSignedInClientAsync(Roles.Advisor, "TEST-DIAS-EXP-OTHER");

        var get = await other.GetAsync(new Uri($"/api/v1/diaspora/experts/{person}", UriKind.Relative));
        var put = await other.PutAsJsonAsync($"/api/v1/diaspora/experts/{person}", new { residenceCountry = "DE" });

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
    }

    [Fact]
    public async Task Page_RegisterNewPerson_OpensTheirExpertPage_ThenDetailsAndAnOccupationSaved()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, Code);
        var family = "Tazi" + Guid.NewGuid().ToString("N")[..6];

        var registered = await client.PostFormAsync("/Diaspora/Experts/Register?culture=fr",
        [
            new("Input.FirstNameLatin", "Amine"), new("Input.LastNameLatin", family), new("Input.BirthDate", "1980-06-01"),
            new("Input.Sex", "Male"), new("Input.CountryOfResidence", "CA"), new("Input.ConfirmNotDuplicate", "true"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var profileUrl = registered.Headers.Location!.OriginalString.Split('?')[0];
        Assert.StartsWith("/Diaspora/Experts/Profile/", profileUrl, StringComparison.Ordinal);
        var page = await client.GetStringAsync(new Uri(profileUrl + "?culture=fr", UriKind.Relative));
        Assert.Contains("id=\"no-profile\"", page, StringComparison.Ordinal);

        // The details form as rendered (Canada preselected from the person's record), with the city and domains filled in.
        var fields = HtmlForms.PostedFields(page, "save-details").Where(f => f.Key is not ("residenceCity" or "domains" or "__RequestVerificationToken")).ToList();
        fields.AddRange([new("residenceCity", "Montréal"), new("domains", "télécommunications, 5G")]);
        var saved = await client.PostFormAsync(profileUrl + "?culture=fr", fields, profileUrl + "?handler=Details&culture=fr");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var search = await client.GetStringAsync(new Uri(profileUrl + "?culture=fr&oq=ingénieur%20en%20télécommunications", UriKind.Relative));
        Assert.Contains("id=\"occupation-choices\"", search, StringComparison.Ordinal);
        var uri = System.Text.RegularExpressions.Regex.Match(search, "handler=AddOccupation[^>]*>\\s*<input type=\"hidden\" name=\"uri\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(uri);
        var added = await client.PostFormAsync(profileUrl + "?culture=fr", [new("uri", uri)], profileUrl + "?handler=AddOccupation&culture=fr");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var person = Guid.Parse(profileUrl.Split('/')[^1]);
        var expert = await InDatabaseAsync(db => db.Set<Expert>().Include(e => e.Occupations).SingleAsync(e => e.PersonId == person));
        Assert.Equal(("CA", "Montréal", "télécommunications|5G"), (expert.ResidenceCountry, expert.ResidenceCity, expert.Domains));
        Assert.Equal(WebUtilityDecode(uri), Assert.Single(expert.Occupations).OccupationUri);
        var list = await client.GetStringAsync(new Uri("/Diaspora/Experts?country=CA", UriKind.Relative));
        Assert.Contains(family, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_BadDetails_ErrorSummaryNamesTheFieldInTheUsersLanguage_NothingSaved()
    {
        var (client, person) = await AdvisorWithPersonAsync();
        var url = $"/Diaspora/Experts/Profile/{person}";

        var response = await client.PostFormAsync(url + "?culture=ar-MA",
            [new("residenceCountry", "DE"), new("yearsOfExperience", "كثير"), new("minMissionWeeks", "1"), new("maxMissionWeeks", "40")],
            url + "?handler=Details&culture=ar-MA");
        var html = WebUtilityDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("«سنوات الخبرة»", html, StringComparison.Ordinal);
        Assert.Contains("«المدة القصوى (بالأسابيع)»", html, StringComparison.Ordinal);
        Assert.False(await InDatabaseAsync(db => db.Set<Expert>().AnyAsync(e => e.PersonId == person)));
    }

    [Fact]
    public async Task Page_AddOccupationBeforeDetails_RefusedWithAMessage()
    {
        var (client, person) = await AdvisorWithPersonAsync();
        var url = $"/Diaspora/Experts/Profile/{person}";

        var response = await client.PostFormAsync(url + "?culture=en", [new("uri", TestExperts.BiologistUri)], url + "?handler=AddOccupation&culture=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("residence and mission preferences first", WebUtilityDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_ExpertOfAnotherInstitution_NotFound()
    {
        var (_, person) = await AdvisorWithPersonAsync(withProfile: true);
        var other = await factory.CreateSignedInClientAsync(Roles.Advisor, "TEST-DIAS-EXP-OTHER");

        var response = await other.GetAsync(new Uri($"/Diaspora/Experts/Profile/{person}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string WebUtilityDecode(string html) => WebUtility.HtmlDecode(html).Replace('\u202F', ' ');
}
