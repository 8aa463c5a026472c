using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Mismes.TestCommon;
using Mismes.Web.Platform;

namespace Mismes.Web.Tests.Platform;

/// <summary>/api/v1/esco/…: the type-ahead every picker uses, on the shipped ESCO data file.</summary>
public sealed class EscoSearchApiTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Occupations_FrenchTitle_FoundAndLabelledInTheRequestedLanguage()
    {
        var client = factory.CreateCookieClient();

        var french = await client.GetFromJsonAsync<List<EscoChoiceDto>>("/api/v1/esco/occupations?q=boulanger&culture=fr", Json);
        var english = await client.GetFromJsonAsync<List<EscoChoiceDto>>("/api/v1/esco/occupations?q=boulanger&culture=en&k=3", Json);

        Assert.Contains("boulanger", french![0].Label, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("http://data.europa.eu/esco/occupation/", french[0].Uri, StringComparison.Ordinal);
        // The same text searched from an English page: English labels are searched, and "boulanger" is not one, so
        // the point here is only that the labels come back in English and k is honoured.
        Assert.InRange(english!.Count, 0, 3);
    }

    [Fact]
    public async Task Occupations_PreferredLabelSearched_FindsTheSameConcept()
    {
        var client = factory.CreateCookieClient();

        var french = await client.GetFromJsonAsync<List<EscoChoiceDto>>("/api/v1/esco/occupations?q=boulanger&culture=fr&k=1", Json);
        var found = await client.GetFromJsonAsync<List<EscoChoiceDto>>(
            "/api/v1/esco/occupations?q=" + Uri.EscapeDataString(french![0].Label) + "&culture=fr&k=1", Json);

        Assert.Equal(french[0].Uri, found![0].Uri);
    }

    [Fact]
    public async Task Occupations_ArabicTitleOnAnArabicPage_LabelledInArabic()
    {
        var client = factory.CreateCookieClient();

        var found = await client.GetFromJsonAsync<List<EscoChoiceDto>>(
            "/api/v1/esco/occupations?q=" + Uri.EscapeDataString("خباز") + "&culture=ar-MA&k=3", Json);

        Assert.NotEmpty(found!);
        Assert.Contains(found![0].Label, c => c is >= '\u0600' and <= '\u06FF');
        Assert.Equal("ar", found[0].MatchedLanguage);
    }

    [Fact]
    public async Task Skills_FrenchPhrase_ReturnsSkills()
    {
        var client = factory.CreateCookieClient();

        var skills = await client.GetFromJsonAsync<List<EscoChoiceDto>>("/api/v1/esco/skills?q=soudage&culture=fr", Json);

        Assert.NotEmpty(skills!);
        Assert.All(skills!, s => Assert.StartsWith("http://data.europa.eu/esco/skill/", s.Uri, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/v1/esco/occupations", "q")]
    [InlineData("/api/v1/esco/occupations?q=%20", "q")]
    [InlineData("/api/v1/esco/skills?q=soudage&k=0", "k")]
    [InlineData("/api/v1/esco/skills?q=soudage&k=26", "k")]
    [InlineData("/api/v1/esco/skills?q=soudage&k=abc", "k")]
    public async Task BadInput_IsAProblemNamingTheField(string url, string field)
    {
        var client = factory.CreateCookieClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Json);
        Assert.True(problem!.Errors.ContainsKey(field), string.Join(",", problem.Errors.Keys));
    }

    [Fact]
    public async Task TooLongQuery_IsRefusedNotCut()
    {
        var client = factory.CreateCookieClient();

        var response = await client.GetAsync("/api/v1/esco/occupations?q=" + new string('a', 201));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
