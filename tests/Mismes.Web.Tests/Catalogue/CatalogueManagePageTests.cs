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
        var client = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, InstitutionCodes.Anapec);
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

    /// <summary>Issue 6, 2.4: each message beside its field names the field, as the summary does, and the summary links to it.</summary>
    [Fact]
    public async Task ManageCreate_InvalidForm_EachMessageBesideItsFieldNamesTheField()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, "TEST-CATALOGUE");
        var token = await CataloguePageTests.AntiforgeryTokenAsync(client, "/Catalogue/Manage/Create?culture=en");

        var response = await client.PostAsync(new Uri("/Catalogue/Manage/Create?culture=en", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token),
            new("Input.Phase", "Several"),
            new("Input.Models", "SkillsRecognition"),
            new("Input.Texts[fr].Title", ""),
            new("Input.Texts[ar].Title", "عنوان"),
            new("Input.Texts[ar].ForWhom", new string('ب', MeasureTextLimits.Max("ForWhom") + 1)),
        ]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<div class=\"invalid-feedback\">Title (fr): This field is required.</div>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"invalid-feedback\">Who it is for (in plain words) (ar): This text is too long.</div>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#f-Texts-fr-Title\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#f-Texts-ar-ForWhom\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">This field is required.<", html, StringComparison.Ordinal);
    }

    /// <summary>Issue 6, 2.4: required fields are marked and length limits stated before anyone submits.</summary>
    [Fact]
    public async Task ManageCreate_EmptyForm_MarksRequiredFieldsAndStatesLengthLimits()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, "TEST-CATALOGUE");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/Catalogue/Manage/Create", UriKind.Relative)));

        // Phase, models and the French title: the three fields the service requires.
        Assert.Equal(3, html.Split("<span class=\"required-mark\">(obligatoire)</span>").Length - 1);
        Assert.Contains("maxlength=\"300\" aria-describedby=\"hint-f-Texts-fr-Title\"", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"form-text\" id=\"hint-f-Texts-fr-Title\">300 caractères au plus.</div>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"form-text\" id=\"hint-f-Texts-es-Activities\">4000 caractères au plus.</div>", html, StringComparison.Ordinal);
    }

    /// <summary>Issue 6, 2.11: the guidance is written on the form, in each language, and read on the public page.</summary>
    [Fact]
    public async Task ManageCreate_GuidanceInTwoLanguages_ShownOnThePublicPageInEach()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, InstitutionCodes.Anapec);
        var token = await CataloguePageTests.AntiforgeryTokenAsync(client, "/Catalogue/Manage/Create");

        var response = await client.PostAsync(new Uri("/Catalogue/Manage/Create", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token),
            new("Input.Phase", "PreMigration"),
            new("Input.Models", "PreDepartureInformation"),
            new("Input.ImplementerCodes", "ANAPEC"),
            new("Input.StartYear", "2026"),
            new("Input.Ongoing", "true"),
            new("Input.Texts[fr].Title", "Atelier avant le départ"),
            new("Input.Texts[fr].ForWhom", "Les personnes qui partent travailler en Espagne."),
            new("Input.Texts[fr].WhatYouGet", "Une demi-journée sur vos droits."),
            new("Input.Texts[fr].HowToApply", "Inscrivez-vous à l'agence."),
            new("Input.Texts[fr].Contact", "Agence ANAPEC de Tanger"),
            new("Input.Texts[ar].Title", "ورشة قبل السفر"),
            new("Input.Texts[ar].ForWhom", "الأشخاص الذين يسافرون للعمل في إسبانيا."),
        ]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var anonymous = factory.CreateCookieClient();
        var fr = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri("/Catalogue/atelier-avant-le-depart", UriKind.Relative)));
        Assert.Contains("Les personnes qui partent travailler en Espagne.", fr, StringComparison.Ordinal);
        Assert.Contains("Inscrivez-vous à l'agence.", fr, StringComparison.Ordinal);
        Assert.Contains("Agence ANAPEC de Tanger", fr, StringComparison.Ordinal);
        var ar = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri("/Catalogue/atelier-avant-le-depart?culture=ar-MA", UriKind.Relative)));
        Assert.Contains("الأشخاص الذين يسافرون للعمل في إسبانيا.", ar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManageEdit_ProgrammeManager_ShowsTheMeasureInAllFourLanguages()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, InstitutionCodes.Mcmream);
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

    /// <summary>Issue 6, 3.9: only the implementing institution (IOM for 9.1) or an administrator gets the form and the links.</summary>
    [Theory]
    [InlineData(InstitutionCodes.Anapec, Roles.ProgrammeManager, false)]
    [InlineData(InstitutionCodes.IomMorocco, Roles.ProgrammeManager, true)]
    [InlineData("TEST-CATALOGUE", Roles.Administrator, true)]
    public async Task ManageEdit_OwnOtherInstitutionAndAdministrator_OnlyTheImplementerOrAnAdministratorMayEdit(string institution, string role, bool allowed)
    {
        var client = await factory.CreateSignedInClientAsync(role, institution);
        Guid id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<SupportMeasure>().Where(m => m.Slug == "avrr-oim").Select(m => m.Id).SingleAsync();
        }

        var edit = await client.GetAsync(new Uri($"/Catalogue/Manage/Edit/{id}", UriKind.Relative));
        var list = await client.GetStringAsync(new Uri("/Catalogue/Manage", UriKind.Relative));
        var details = await client.GetStringAsync(new Uri("/Catalogue/avrr-oim", UriKind.Relative));
        var post = await client.PostFormAsync("/Catalogue/Manage/Create", [new("Input.Phase", "PostMigration")], $"/Catalogue/Manage/Edit/{id}");

        Assert.Equal(allowed, list.Contains($"data-slug=\"avrr-oim\" href=\"/Catalogue/Manage/Edit/{id}\"", StringComparison.Ordinal));
        Assert.Equal(allowed, details.Contains("id=\"edit-measure\"", StringComparison.Ordinal));
        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        }
        else
        {
            Assert.StartsWith("http://localhost/Account/AccessDenied", edit.Headers.Location?.ToString(), StringComparison.Ordinal);
            Assert.StartsWith("http://localhost/Account/AccessDenied", post.Headers.Location?.ToString(), StringComparison.Ordinal);
        }
    }
}
