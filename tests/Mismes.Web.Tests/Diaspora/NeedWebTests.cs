using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.Diaspora.Needs;
using Mismes.TestCommon;
using Mismes.TestCommon.Diaspora;
using Mismes.TestCommon.Placement;

namespace Mismes.Web.Tests.Diaspora;

/// <summary>The needs' API and pages through the real host, as a member of a Moroccan university.</summary>
public sealed class NeedWebTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private const string Code = "TEST-DIAS-UNIV";

    private static object Body(string title = "Mission en génomique") => new
    {
        title, description = "Former l'équipe au séquençage.", type = "expertiseMission", occupationUri = TestExperts.BiologistUri,
        skillUris = TestEsco.EssentialSkillsOf(TestExperts.BiologistUri).Take(2), codingConfirmed = true,
        startDate = "2027-03-01", endDate = "2027-03-21", place = "Agadir", mode = "onSite", budgetMad = 45000,
    };

    [Fact]
    public async Task Api_PostGetPut_AndAnotherInstitutionGets404()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.InstitutionMember, Code);
        var other = await factory.CreateSignedInClientAsync(Roles.InstitutionMember, "TEST-DIAS-UNIV-2");

        var created = await client.PostAsJsonAsync("/api/v1/diaspora/needs", Body());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var put = await client.PutAsJsonAsync($"/api/v1/diaspora/needs/{id}", Body("Mission en génomique végétale"));
        var got = await client.GetFromJsonAsync<JsonElement>($"/api/v1/diaspora/needs/{id}");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("Mission en génomique végétale", got.GetProperty("title").GetString());
        Assert.Equal("ExpertiseMission", got.GetProperty("type").GetString());
        Assert.True(got.GetProperty("codingConfirmed").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/v1/diaspora/needs/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/api/v1/diaspora/needs/{id}", Body())).StatusCode);
    }

    [Fact]
    public async Task Api_BadValues_ProblemDetailsNamingEachField()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.InstitutionMember, Code);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/diaspora/needs")
        {
            Content = JsonContent.Create(new { title = "", type = "holiday", startDate = "01/03/2027", endDate = "2027-03-21", place = "Fès", budgetMad = -5 }),
        };
        request.Headers.AcceptLanguage.ParseAdd("fr");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["budgetMad", "endDate", "skillUris", "startDate", "title", "type"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("« Début »", errors.GetProperty("startDate")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_Coding_ProposesFromFrenchText_EmptyTextIsAProblem()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.InstitutionMember, Code);

        var proposed = await client.PostAsJsonAsync("/api/v1/diaspora/needs/coding?culture=fr", new { title = "biologiste", description = "biologie moléculaire" });
        var empty = await client.PostAsJsonAsync("/api/v1/diaspora/needs/coding", new { title = "" });

        Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);
        var body = await proposed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(body.GetProperty("occupations").EnumerateArray(), o => o.GetProperty("uri").GetString() == TestExperts.BiologistUri);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task Page_ProposeThenSave_NeedStoredConfirmedWithTheProposedCoding()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.InstitutionMember, Code);
        var title = "Biologiste pour le laboratoire " + Guid.NewGuid().ToString("N")[..6];

        var proposal = await client.PostFormAsync("/Diaspora/Needs/Create?culture=fr",
            [new("Input.Title", title), new("Input.Description", "biologie moléculaire et génomique")], "/Diaspora/Needs/Create?handler=Propose&culture=fr");
        var html = await proposal.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, proposal.StatusCode);
        var fields = HtmlForms.PostedFields(html, "save-need").Where(f => f.Key != "__RequestVerificationToken").ToList();
        Assert.Contains(fields, f => f.Key == "Input.OccupationUri" && f.Value.Length > 0);
        fields.RemoveAll(f => f.Key is "Input.StartDate" or "Input.EndDate" or "Input.Place");
        fields.AddRange([new("Input.StartDate", "2027-04-01"), new("Input.EndDate", "2027-04-30"), new("Input.Place", "Rabat")]);

        var saved = await client.PostFormAsync("/Diaspora/Needs/Create?culture=fr", fields, "/Diaspora/Needs/Create?culture=fr");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var need = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Need>().Include(n => n.Skills).SingleAsync(n => n.Title == title);
        Assert.True(need.CodingConfirmed);
        Assert.NotNull(need.OccupationUri);
        Assert.Equal("Rabat", need.Place);
        var list = await client.GetStringAsync(new Uri("/Diaspora/Needs", UriKind.Relative));
        Assert.Contains(title, WebUtility.HtmlDecode(list), StringComparison.Ordinal);
        var edit = await client.GetStringAsync(new Uri($"/Diaspora/Needs/Edit/{need.Id}", UriKind.Relative));
        Assert.Contains("value=\"Rabat\"", edit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_BadValues_ErrorSummaryNamesFieldsInArabic()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.InstitutionMember, Code);

        var response = await client.PostFormAsync("/Diaspora/Needs/Create?culture=ar-MA",
            [new("Input.Title", "خبرة"), new("Input.Type", "ExpertiseMission"), new("Input.StartDate", "2027-05-01"), new("Input.EndDate", "2027-04-01"), new("Input.BudgetMad", "beaucoup")],
            "/Diaspora/Needs/Create?culture=ar-MA");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("«الميزانية (درهم)»", html, StringComparison.Ordinal);
        Assert.Contains("«المكان»", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_NeedOfAnotherInstitution_NotFound()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.InstitutionMember, Code);
        var created = await client.PostAsJsonAsync("/api/v1/diaspora/needs", Body());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var other = await factory.CreateSignedInClientAsync(Roles.Advisor, "TEST-DIAS-UNIV-3");

        var response = await other.GetAsync(new Uri($"/Diaspora/Needs/Edit/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
