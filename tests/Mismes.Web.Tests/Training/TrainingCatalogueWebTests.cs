using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mismes.Core.Administration;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Training;

/// <summary>The training catalogue page and API through the real host, over the seeded reference courses.</summary>
public sealed class TrainingCatalogueWebTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    [Fact]
    public async Task Api_ListsTheSeededCourses_WithTheirEscoSkillsLabelled()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Trainer, "TEST-TRAIN-A");

        var courses = await client.GetFromJsonAsync<JsonElement>("/api/v1/training/courses");

        var workshop = courses.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "anapec-living-working-abroad");
        Assert.Equal(1.5m, workshop.GetProperty("hours").GetDecimal());
        Assert.Equal("Workshop", workshop.GetProperty("kind").GetString());
        var italian = courses.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "ebosla-italian-40h");
        Assert.Equal("A2", italian.GetProperty("targetLevel").GetString());
        var skill = Assert.Single(italian.GetProperty("skills").EnumerateArray());
        Assert.StartsWith("http://data.europa.eu/esco/skill/", skill.GetProperty("uri").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(skill.GetProperty("label").GetString()));
    }

    [Fact]
    public async Task Api_Programmes_BundleTheirCoursesInOrder()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, "TEST-TRAIN-A");

        var programmes = await client.GetFromJsonAsync<JsonElement>("/api/v1/training/programmes");

        var ebosla = programmes.EnumerateArray().Single(p => p.GetProperty("code").GetString() == "ebosla");
        Assert.Equal(60m, ebosla.GetProperty("hours").GetDecimal());
        Assert.Equal(2, ebosla.GetProperty("durationMonths").GetInt32());
        Assert.Equal(["ebosla-italian-40h", "ebosla-civic-20h"], ebosla.GetProperty("courses").EnumerateArray().Select(c => c.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Api_UnknownKind_IsAProblemNamingTheField()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, "TEST-TRAIN-A");

        var response = await client.GetAsync(new Uri("/api/v1/training/courses?kind=Cooking", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("kind", out _));
    }

    [Fact]
    public async Task Page_ShowsProgrammesAndCourses_InArabic()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Trainer, "TEST-TRAIN-A");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Training");
        request.Headers.AcceptLanguage.ParseAdd("ar");

        var response = await client.SendAsync(request);

        response.EnsureSuccessStatusCode();
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("دليل التكوين", html, StringComparison.Ordinal);
        Assert.Contains("E-Bosla (Italie)", html, StringComparison.Ordinal);
        Assert.Contains("Vivre et travailler à l'étranger (atelier 90 min)", html, StringComparison.Ordinal);
        Assert.Contains("ورشة", html, StringComparison.Ordinal);
    }
}
