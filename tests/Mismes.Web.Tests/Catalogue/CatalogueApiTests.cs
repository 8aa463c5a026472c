using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.Catalogue;
using Mismes.Core.Common;
using Mismes.Core.Data;
using Mismes.TestCommon;
using Mismes.Web.Catalogue;
using Mismes.Web.Catalogue.Api;

namespace Mismes.Web.Tests.Catalogue;

public sealed class CatalogueApiTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData("PreMigration", 5)]
    [InlineData("duringmigration", 5)]
    [InlineData("PostMigration", 7)]
    public async Task List_ByPhase_ReturnsOnlyThatPhase(string phase, int total)
    {
        var client = factory.CreateCookieClient();

        var page = await client.GetFromJsonAsync<Paged<MeasureDto>>($"/api/v1/measures?phase={phase}&pageSize=100", Json);

        Assert.Equal(total, page!.Total);
        Assert.All(page.Items, m => Assert.Equal(phase, m.Phase, ignoreCase: true));
    }

    [Theory]
    [InlineData("model=SkillsCapitalisation", "tokten,fincome,maghribcom,trqn-iii,club-france-maroc")]
    [InlineData("implementer=GIZ", "acces-emploi-international-jeunes")]
    [InlineData("status=Active&phase=DuringMigration", "fincome,maghribcom,formation-jeunes-mre")]
    [InlineData("q=Huelva", "migration-saisonniere-maroc-espagne")]
    public async Task List_Filters_SelectMeasures(string query, string slugs)
    {
        var client = factory.CreateCookieClient();

        var page = await client.GetFromJsonAsync<Paged<MeasureDto>>($"/api/v1/measures?{query}", Json);

        Assert.Equal(slugs.Split(','), page!.Items.Select(m => m.Slug));
    }

    [Fact]
    public async Task List_Paging_ReturnsThePageAndTheTotal()
    {
        var client = factory.CreateCookieClient();

        var page = await client.GetFromJsonAsync<Paged<MeasureDto>>("/api/v1/measures?phase=PostMigration&page=2&pageSize=3&culture=en", Json);

        Assert.Equal((2, 3, 7), (page!.Page, page.PageSize, page.Total));
        Assert.Equal(["club-france-maroc", "cefa-italie", "caritas-belgique"], page.Items.Select(m => m.Slug));
        Assert.Equal("CEFA Italy: return and reintegration", page.Items[1].Title);
    }

    [Theory]
    [InlineData("phase=Later", "phase", "en", "This value is not recognised.")]
    [InlineData("model=99", "model", "fr", "Cette valeur n'est pas reconnue.")]
    [InlineData("status=Closed", "status", "es", "Este valor no se reconoce.")]
    [InlineData("pageSize=500", "pageSize", "en", "The page size must be between 1 and 100.")]
    [InlineData("page=0", "page", "ar-MA", "يجب أن يكون رقم الصفحة بين 1 و100000.")]
    [InlineData("page=abc", "page", "en", "The page number must be between 1 and 100,000.")]
    [InlineData("page=2147483647", "page", "en", "The page number must be between 1 and 100,000.")]
    public async Task List_BadParameter_Returns400WithLocalizedFieldError(string query, string field, string culture, string message)
    {
        var client = factory.CreateCookieClient();

        var response = await client.GetAsync(new Uri($"/api/v1/measures?{query}&culture={culture}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Json);
        Assert.Equal(message, Assert.Contains(field, problem!.Errors)[0]);
    }

    [Fact]
    public async Task Get_BySlugOrId_ReturnsTheMeasureInTheLanguage()
    {
        var client = factory.CreateCookieClient();

        var bySlug = await client.GetFromJsonAsync<MeasureDto>("/api/v1/measures/trqn-iii?culture=es", Json);
        var byId = await client.GetFromJsonAsync<MeasureDto>($"/api/v1/measures/{bySlug!.Id}?culture=en", Json);

        Assert.Equal("Retorno temporal de nacionales cualificados (TRQN III)", bySlug.Title);
        Assert.Equal("Temporary Return of Qualified Nationals (TRQN III)", byId!.Title);
        Assert.Equal((4877481m, "EUR", "Ended", false), (byId.BudgetAmount, byId.BudgetCurrency, byId.Status, byId.IsActive));
        Assert.Equal(["NL"], byId.FunderCodes);
    }

    [Fact]
    public async Task Get_Unknown_Returns404ProblemDetails()
    {
        var client = factory.CreateCookieClient();

        var response = await client.GetAsync(new Uri("/api/v1/measures/no-such-measure?culture=en", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Json);
        Assert.Equal((404, "Measure not found"), (problem!.Status, problem.Title));
    }

    [Fact]
    public async Task Create_Anonymous_Returns401()
    {
        var client = factory.CreateCookieClient();

        var response = await client.PostAsJsonAsync("/api/v1/measures", NewMeasure("anonyme"), Json);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Advisor)]
    [InlineData(Roles.CaseWorker)]
    [InlineData(Roles.Beneficiary)]
    public async Task Create_RoleWithoutRight_Returns403(string role)
    {
        var client = await factory.CreateSignedInClientAsync(role, "TEST-CATALOGUE");

        var response = await client.PostAsJsonAsync("/api/v1/measures", NewMeasure("refuse-" + role.ToLowerInvariant()), Json);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Create_ProgrammeManager_Returns201AndAudits()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, InstitutionCodes.Mcmream);

        var response = await client.PostAsJsonAsync("/api/v1/measures", NewMeasure("pilote-api"), Json);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<MeasureDto>(Json);
        Assert.Equal($"/api/v1/measures/{created!.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(("pilote-api", "Several", "Added"), (created.Slug, created.Phase, created.Origin));
        var anonymous = await factory.CreateCookieClient().GetFromJsonAsync<MeasureDto>("/api/v1/measures/pilote-api?culture=ar-MA", Json);
        Assert.Equal("تدبير تجريبي", anonymous!.Title);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var audit = await db.Set<AuditEntry>().SingleAsync(a => a.RecordType == CatalogueService.RecordType && a.RecordId == created.Id.ToString());
        Assert.Equal(AuditAction.Create, audit.Action);
        Assert.NotNull(audit.UserId);
    }

    [Fact]
    public async Task Create_Invalid_Returns400WithFieldErrors()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, "TEST-CATALOGUE");
        var input = NewMeasure("invalide");
        input.Texts.Remove("fr");
        input.Phase = "Soon";

        var response = await client.PostAsJsonAsync("/api/v1/measures", input, Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Json);
        Assert.Equal("Ce champ est obligatoire.", problem!.Errors["Texts.fr.Title"][0]);
        Assert.Equal("Cette valeur n'est pas reconnue.", problem.Errors["Phase"][0]);
    }

    [Fact]
    public async Task Update_ProgrammeManager_ChangesTheMeasure()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, InstitutionCodes.Mcmream);
        var created = await (await client.PostAsJsonAsync("/api/v1/measures", NewMeasure("a-modifier"), Json)).Content.ReadFromJsonAsync<MeasureDto>(Json);
        var input = NewMeasure("a-modifier");
        input.EndYear = 2030;
        input.Texts["en"] = new MeasureTextInput { Title = "Changed title" };

        var response = await client.PutAsJsonAsync($"/api/v1/measures/{created!.Id}?culture=en", input, Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await factory.CreateCookieClient().GetFromJsonAsync<MeasureDto>($"/api/v1/measures/{created.Id}?culture=en", Json);
        Assert.Equal(("Changed title", 2030), (updated!.Title, updated.EndYear));
    }

    /// <summary>Issue 6, 2.11: partners write and read the plain-language guidance through the API too.</summary>
    [Fact]
    public async Task Update_Guidance_ReadBackInTheLanguage()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, InstitutionCodes.Mcmream);
        var created = await (await client.PostAsJsonAsync("/api/v1/measures", NewMeasure("avec-orientation"), Json)).Content.ReadFromJsonAsync<MeasureDto>(Json);
        var input = NewMeasure("avec-orientation");
        input.Texts["ar"] = new MeasureTextInput { Title = "تدبير تجريبي", ForWhom = "المغاربة العائدون.", Contact = "www.mcmream.gov.ma" };

        var response = await client.PutAsJsonAsync($"/api/v1/measures/{created!.Id}", input, Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = await factory.CreateCookieClient().GetFromJsonAsync<MeasureDto>($"/api/v1/measures/{created.Id}?culture=ar-MA", Json);
        Assert.Equal(("المغاربة العائدون.", "www.mcmream.gov.ma", (string?)null), (read!.ForWhom, read.Contact, read.HowToApply));
    }

    [Fact]
    public async Task Update_UnknownId_Returns404()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Administrator, "TEST-CATALOGUE");

        var response = await client.PutAsJsonAsync($"/api/v1/measures/{Guid.NewGuid()}", NewMeasure("fantome"), Json);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Issue 6, 3.9. Another institution's measure answers 403 even when the body is invalid: who may write comes first.</summary>
    [Fact]
    public async Task Update_OwnOtherInstitutionAndAdministrator_OnlyTheImplementerOrAnAdministratorMayChangeIt()
    {
        var anapec = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, InstitutionCodes.Anapec);
        var iom = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, InstitutionCodes.IomMorocco);
        var admin = await factory.CreateSignedInClientAsync(Roles.Administrator, "TEST-CATALOGUE");
        var created = await (await anapec.PostAsJsonAsync("/api/v1/measures", NewMeasure("mesure-anapec", "ANAPEC"), Json)).Content.ReadFromJsonAsync<MeasureDto>(Json);
        var url = $"/api/v1/measures/{created!.Id}?culture=en";
        var input = NewMeasure("mesure-anapec", "ANAPEC");
        input.EndYear = 2030;
        var invalid = NewMeasure("mesure-anapec", "ANAPEC");
        invalid.Phase = "Soon";

        var own = await anapec.PutAsJsonAsync(url, input, Json);
        var other = await iom.PutAsJsonAsync(url, input, Json);
        var otherInvalid = await iom.PutAsJsonAsync(url, invalid, Json);
        var byAdmin = await admin.PutAsJsonAsync(url, input, Json);

        Assert.Equal(
            (HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK),
            (own.StatusCode, other.StatusCode, otherInvalid.StatusCode, byAdmin.StatusCode));
        var problem = await other.Content.ReadFromJsonAsync<ProblemDetails>(Json);
        Assert.Equal((403, "You cannot change this measure"), (problem!.Status, problem.Title));
    }

    [Fact]
    public async Task Create_ProgrammeManagerNotAmongTheImplementers_Returns400NamingTheField()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, InstitutionCodes.Anapec);

        var response = await client.PostAsJsonAsync("/api/v1/measures?culture=en", NewMeasure("mesure-d-autrui", "GIZ"), Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Json);
        Assert.Equal("Your institution must be one of the implementers.", problem!.Errors["ImplementerCodes"][0]);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheMeasureEndpoints()
    {
        var client = factory.CreateCookieClient();

        using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var paths = doc.RootElement.GetProperty("paths");
        var list = paths.GetProperty("/api/v1/measures");
        Assert.Equal("ListMeasures", list.GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("CreateMeasure", list.GetProperty("post").GetProperty("operationId").GetString());
        Assert.Equal("GetMeasure", paths.GetProperty("/api/v1/measures/{id}").GetProperty("get").GetProperty("operationId").GetString());
        Assert.True(list.GetProperty("get").GetProperty("responses").TryGetProperty("400", out _));
    }

    private static MeasureInput NewMeasure(string slug, string implementer = "MCMREAM") => new()
    {
        Slug = slug,
        Phase = "Several",
        Models = ["MigrantResourceCentres"],
        ImplementerCodes = [implementer],
        StartYear = 2026,
        Texts = new()
        {
            ["fr"] = new MeasureTextInput { Title = "Mesure d'essai", Activities = "Accueil\nOrientation" },
            ["ar"] = new MeasureTextInput { Title = "تدبير تجريبي" },
        },
    };
}
