using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.Placement.Matching;
using Mismes.TestCommon;
using Mismes.TestCommon.Placement;

namespace Mismes.Web.Tests.Placement.Candidates;

public sealed class CandidateApiTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private const string Code = "TEST-CAND-API";
    private static readonly string Picker = TestEsco.Occupation("cueilleur de fruits");
    private static int _births;

    private async Task<(HttpClient Client, Guid Person)> AdvisorWithPersonAsync(bool consent = false)
    {
        var user = await factory.CreateUserAsync(Roles.Advisor, Code);
        var client = await factory.CreateSignedInClientAsync(user);
        var person = await factory.Services.AddCandidateAsync(new FakeCurrentUser(user.InstitutionId, Roles.Advisor), consent,
            new DateOnly(1950, 1, 1).AddYears(Interlocked.Increment(ref _births)));
        return (client, person);
    }

    [Fact]
    public async Task Put_ValidProfile_SavedAndReadBack()
    {
        var (client, person) = await AdvisorWithPersonAsync();
        var skill = TestEsco.EssentialSkillsOf(Picker)[0];

        var put = await client.PutAsJsonAsync($"/api/v1/placement/candidates/{person}", new
        {
            occupations = new[] { new { occupationUri = Picker, experienceMonths = 30 } },
            skills = new[] { new { skillUri = skill, evidence = "validated" } },
            languages = new[] { new { language = "es", level = "B1" } },
            eqfLevel = 3,
            countriesWanted = new[] { "ES" },
        });
        var got = await client.GetFromJsonAsync<JsonElement>($"/api/v1/placement/candidates/{person}");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var profile = got.GetProperty("profile");
        Assert.Equal(30, profile.GetProperty("occupations")[0].GetProperty("experienceMonths").GetInt32());
        Assert.Equal("Validated", profile.GetProperty("skills")[0].GetProperty("evidence").GetString());
        Assert.Equal("ES", profile.GetProperty("countriesWanted")[0].GetString());
    }

    [Fact]
    public async Task Put_BadValues_ProblemDetailsWithFieldErrorsInTheUsersLanguage()
    {
        var (client, person) = await AdvisorWithPersonAsync();

        var put = await client.PutAsJsonAsync($"/api/v1/placement/candidates/{person}", new
        {
            occupations = new[] { new { occupationUri = "not-esco", experienceMonths = 1 } },
            skills = new[] { new { skillUri = Picker, evidence = "hearsay" } },
            eqfLevel = 12,
        });

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal("application/problem+json", put.Content.Headers.ContentType?.MediaType);
        var errors = (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("preuve", errors.GetProperty("evidence")[0].GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Rank_ConsentingCandidate_RankedWithExplanation()
    {
        var (client, person) = await AdvisorWithPersonAsync(consent: true);
        var index = factory.Services.GetRequiredService<CandidateIndex>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement ranked = default;
        while (DateTime.UtcNow < deadline)
        {
            var answer = await client.PostAsJsonAsync("/api/v1/placement/candidates/rank", new
            {
                occupationUri = Picker,
                essentialSkillUris = TestEsco.EssentialSkillsOf(Picker).Take(3),
                k = 10,
            });
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
            ranked = body.GetProperty("candidates").EnumerateArray().FirstOrDefault(c => c.GetProperty("personId").GetGuid() == person);
            if (ranked.ValueKind == JsonValueKind.Object)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal(JsonValueKind.Object, ranked.ValueKind);
        Assert.Single(ranked.GetProperty("missingEssentialSkillUris").EnumerateArray());
        Assert.Equal(2, ranked.GetProperty("matchedSkills").GetArrayLength());
        Assert.True(index.IsReady);
    }

    [Fact]
    public async Task Rank_BadQuery_ProblemDetails()
    {
        var (client, _) = await AdvisorWithPersonAsync();

        var answer = await client.PostAsJsonAsync("/api/v1/placement/candidates/rank", new { occupationUri = "x", k = 0, languages = new[] { new { language = "es", minimum = "Z9" } } });

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var errors = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("k", out _));
        Assert.True(errors.TryGetProperty("occupationUri", out _));
        Assert.True(errors.TryGetProperty("languages", out _));
    }

    [Fact]
    public async Task ProfilePage_SearchEscoWithoutJavaScript_ThenAddOccupation()
    {
        var (client, person) = await AdvisorWithPersonAsync();
        var page = $"/Placement/Candidates/Profile/{person}";

        var found = await client.GetStringAsync(new Uri(page + "?oq=serveur", UriKind.Relative));
        Assert.Contains("id=\"occupation-choices\"", found, StringComparison.Ordinal);
        var waiter = CandidateTestDatabase.Esco.Occupations("serveur", "fr", 1)[0];
        Assert.Contains(waiter.Uri, found, StringComparison.Ordinal);

        var post = await client.PostFormAsync(page, [new("uri", waiter.Uri), new("months", "7")], page + "?handler=AddOccupation");
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var after = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        Assert.Contains(WebUtility.HtmlEncode(waiter.Label), after, StringComparison.Ordinal);
    }
}
