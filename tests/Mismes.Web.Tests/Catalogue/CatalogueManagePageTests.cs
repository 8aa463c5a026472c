using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.Catalogue;
using Mismes.Core.Data;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Catalogue;

/// <summary>The programme manager's pages that write (a database of their own, so the read-only tests' counts hold).</summary>
public sealed class CatalogueManagePageTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    [Fact]
    public async Task ManageCreate_ProgrammeManagerPostsTheForm_CreatesTheMeasureWithItsTranslations()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, "TEST-CATALOGUE");
        var token = await CataloguePageTests.AntiforgeryTokenAsync(client, "/Catalogue/Manage/Create");

        var response = await client.PostAsync(new Uri("/Catalogue/Manage/Create", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token),
            new("Input.Phase", "PostMigration"),
            new("Input.Models", "SkillsRecognition"),
            new("Input.Models", "ReturneeEntrepreneurship"),
            new("Input.ImplementerCodes", "OFPPT, ANAPEC"),
            new("Input.StartYear", "2026"),
            new("Input.Ongoing", "true"),
            new("Input.Ongoing", "false"),
            new("Input.BudgetAmount", "120000"),
            new("Input.BudgetCurrency", "mad"),
            new("Input.Texts[fr].Title", "Validation des acquis des migrants de retour"),
            new("Input.Texts[fr].Activities", "Bilan de compétences\r\nCertification"),
            new("Input.Texts[ar].Title", "المصادقة على مكتسبات المهاجرين العائدين"),
            new("Input.Texts[en].Title", ""),
        ]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Catalogue/Manage?saved=validation-des-acquis-des-migrants-de-retour", response.Headers.Location!.OriginalString);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var m = await db.Set<SupportMeasure>().Include(x => x.Translations).Include(x => x.Models).Include(x => x.Parties)
            .SingleAsync(x => x.Slug == "validation-des-acquis-des-migrants-de-retour");
        Assert.Equal((MigrationPhase.PostMigration, true, 120000m, "MAD"), (m.Phase, m.Ongoing, m.BudgetAmount!.Value, m.BudgetCurrency));
        Assert.Equal(["ar", "fr"], m.Translations.Select(t => t.Culture).Order(StringComparer.Ordinal));
        Assert.Equal("Bilan de compétences\nCertification", m.Translations.Single(t => t.Culture == "fr").Activities);
        Assert.Equal(2, m.Models.Count);
        Assert.Equal(["OFPPT", "ANAPEC"], m.Parties.OrderBy(p => p.Position).Select(p => p.Code));
        Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.RecordType == "SupportMeasure" && a.RecordId == m.Id.ToString() && a.Action == AuditAction.Create));
    }

    [Fact]
    public async Task ManageCreate_InvalidForm_ShowsLocalizedFieldErrorsAndSavesNothing()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, "TEST-CATALOGUE");
        var token = await CataloguePageTests.AntiforgeryTokenAsync(client, "/Catalogue/Manage/Create?culture=en");

        var response = await client.PostAsync(new Uri("/Catalogue/Manage/Create?culture=en", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token),
            new("Input.Phase", ""),
            new("Input.StartYear", "twenty"),
            new("Input.Texts[fr].Title", ""),
        ]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("Start year: Enter a number.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManageEdit_ProgrammeManager_ShowsTheMeasureInAllFourLanguages()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, "TEST-CATALOGUE");
        Guid id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<SupportMeasure>().Where(m => m.Slug == "maghribcom").Select(m => m.Id).SingleAsync();
        }

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/Catalogue/Manage/Edit/{id}", UriKind.Relative)));

        Assert.Contains("value=\"Maghribcom, la plateforme des compétences marocaines à l'étranger\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"مغرب كوم، منصة الكفاءات المغربية بالخارج\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Maghribcom, the platform of Moroccan competences abroad\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Maghribcom, la plataforma de las competencias marroquíes en el extranjero\"", html, StringComparison.Ordinal);
    }

    public static TheoryData<string> SeededSlugs => new(CatalogueSeedData.Measures.Select(m => m.Slug));

    /// <summary>Issue 6, 2.1: a seeded measure with an empty codes field could not be saved unchanged (500, all typing lost).</summary>
    [Theory]
    [MemberData(nameof(SeededSlugs))]
    public async Task ManageEdit_SeededMeasurePostedBackUnchanged_IsSavedAndRedirects(string slug)
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Administrator, "TEST-CATALOGUE");
        Guid id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<SupportMeasure>().Where(m => m.Slug == slug).Select(m => m.Id).SingleAsync();
        }

        var url = $"/Catalogue/Manage/Edit/{id}";
        var form = HtmlForms.PostedFields(await client.GetStringAsync(new Uri(url, UriKind.Relative)), "save-measure");
        var response = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(form));

        var body = response.StatusCode == HttpStatusCode.Redirect ? "" : await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("/Catalogue/Manage?saved=" + slug, response.Headers.Location!.OriginalString);
    }
}
