using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.Esco;
using Mismes.Core.Placement.Vacancies;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Placement.Vacancies;

/// <summary>The vacancy pages and API through the real host.</summary>
public sealed class VacancyWebTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    [Fact]
    public async Task Api_PartnerKeyPostsTwiceWithItsId_CreatesThenUpdates_AndAnotherInstitutionCannotRead()
    {
        var client = await factory.CreateApiKeyClientAsync("TEST-VAC-PARTNER", "placement:read", "placement:write");
        var body = new
        {
            employerName = "Agrícola Doñana", country = "ES", region = "Huelva", title = "Recolector/a de fresas", positions = 50,
            languages = new[] { new { language = "es", minimumLevel = "A2" } }, payAmount = 35.0, payCurrency = "EUR", payPeriod = "Day",
            hoursPerDay = 7, paidOnlyDaysWorked = true, housing = "Free", validUntil = "2026-12-20", sourceId = "DONANA-2027-01",
        };

        var created = await client.PostAsJsonAsync("/api/v1/placement/vacancies", body);
        var updated = await client.PostAsJsonAsync("/api/v1/placement/vacancies", body with { positions = 60 });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var dto = await updated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(60, dto.GetProperty("positions").GetInt32());
        Assert.Equal(48, dto.GetProperty("daysLeft").GetInt32());
        var id = dto.GetProperty("id").GetString();
        Assert.Equal(created.Headers.Location!.OriginalString, "/api/v1/placement/vacancies/" + id);
        var other = await factory.CreateApiKeyClientAsync("TEST-VAC-PARTNER-2", "placement:read");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri("/api/v1/placement/vacancies/" + id, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v1/placement/vacancies/" + id, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Api_BadValues_AnswerAProblemNamingEachFieldInTheCallersLanguage()
    {
        var client = await factory.CreateApiKeyClientAsync("TEST-VAC-PARTNER", "placement:write");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/placement/vacancies")
        {
            Content = JsonContent.Create(new { title = "", country = "Spain", payPeriod = "Fortnight", validUntil = "15/12/2026" }),
        };
        request.Headers.AcceptLanguage.ParseAdd("es");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["country", "employerName", "payPeriod", "title", "validUntil"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("«Válida hasta»", errors.GetProperty("validUntil")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatePage_AdvisorSearchesEscoThenSaves_TheVacancyIsStoredCodedAndListed()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, "TEST-VAC-AGENCY");
        string occupation;
        using (var scope = factory.Services.CreateScope())
        {
            occupation = scope.ServiceProvider.GetRequiredService<EscoLookup>().Occupations("recolector de fresas", "es")[0].Uri;
        }

        var search = await client.PostFormAsync("/Placement/Vacancies/Create?culture=es", [new("Input.Title", "Recolector de fresas"), new("OccupationQuery", "recolector de fresas")], "/Placement/Vacancies/Create?handler=Search&culture=es");
        var searchPage = await search.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Contains($"value=\"{occupation}\"", searchPage, StringComparison.Ordinal);

        var saved = await client.PostFormAsync("/Placement/Vacancies/Create", [
            new("Input.Title", "Recolector de fresas"), new("Input.EmployerName", "Freshuelva"), new("Input.Country", "ES"),
            new("Input.OccupationUri", occupation), new("Input.Positions", "30"), new("Input.PayAmount", "35"), new("Input.PayCurrency", "EUR"),
            new("Input.PayPeriod", "Day"), new("Input.Languages[0].Language", "es"), new("Input.Languages[0].MinimumLevel", "A2"),
            new("Input.ValidUntil", "2026-12-01"), new("Input.PaidOnlyDaysWorked", "true"), new("Input.PaidOnlyDaysWorked", "false"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = await client.GetStringAsync(saved.Headers.Location);
        Assert.Contains("29", details, StringComparison.Ordinal); // days left from 2 November
        await using var scope2 = factory.Services.CreateAsyncScope();
        var v = await scope2.ServiceProvider.GetRequiredService<AppDbContext>().Set<Vacancy>().Include(x => x.Languages).SingleAsync(x => x.EmployerName == "Freshuelva");
        Assert.Equal((occupation, true, 30, true, "es"), (v.OccupationUri, v.CodingConfirmed, v.Positions, v.PaidOnlyDaysWorked, v.Languages.Single().Language));
        Assert.Contains("Recolector de fresas", await client.GetStringAsync(new Uri("/Placement/Vacancies", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatePage_MissingFields_ShowsTheErrorSummaryNamingEachField()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, "TEST-VAC-AGENCY");

        var response = await client.PostFormAsync("/Placement/Vacancies/Create?culture=fr", [new("Input.Positions", "beaucoup")]);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("href=\"#f-Title\"", html, StringComparison.Ordinal);
        Assert.Contains("Le champ « Intitulé du poste » est obligatoire.", html, StringComparison.Ordinal);
        Assert.Contains("« Nombre de postes » : saisissez un nombre.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#f-ValidUntil\"", html, StringComparison.Ordinal);
    }
}
