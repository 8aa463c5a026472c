using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.Catalogue;
using Mismes.Core.Data;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Catalogue;

public sealed partial class CataloguePageTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    [Theory]
    [InlineData("", 13)]
    [InlineData("?phase=PreMigration", 3)]
    [InlineData("?phase=DuringMigration", 3)]
    [InlineData("?phase=PostMigration", 7)]
    [InlineData("?phase=PostMigration&implementer=IOM", 2)]
    [InlineData("?status=Ended", 4)]
    [InlineData("?q=fraises", 1)]
    public async Task Index_Filters_ShowMatchingCards(string query, int cards)
    {
        var client = factory.CreateCookieClient();

        var html = await client.GetStringAsync(new Uri("/Catalogue" + query, UriKind.Relative));

        Assert.Equal(cards, CardPattern().Count(html));
    }

    [Fact]
    public async Task Index_FilterByPhase_ListsOnlyThatPhasesMeasuresAndKeepsFiltersInExportLinks()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, "TEST-CATALOGUE");

        var html = await client.GetStringAsync(new Uri("/Catalogue?phase=DuringMigration&culture=en", UriKind.Relative));

        var slugs = CardPattern().Matches(html).Select(m => m.Groups[1].Value);
        Assert.Equal(["fincome", "maghribcom", "formation-jeunes-mre"], slugs);
        Assert.Contains("3 measure(s) found", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Catalogue/Export?format=xlsx&amp;culture=en&amp;phase=DuringMigration\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ar-MA", "rtl", "دليل تدابير دعم المهاجرين")]
    [InlineData("fr", "ltr", "Catalogue des mesures de soutien aux migrants")]
    [InlineData("es", "ltr", "Catálogo de medidas de apoyo a los migrantes")]
    public async Task Index_Culture_PageInThatLanguageAndDirection(string culture, string dir, string heading)
    {
        var client = factory.CreateCookieClient();

        var html = await client.GetStringAsync(new Uri("/Catalogue?culture=" + culture, UriKind.Relative));

        Assert.Contains($"<html lang=\"{culture}\" dir=\"{dir}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_UnknownPhase_ShowsErrorSummaryAndAllMeasures()
    {
        var client = factory.CreateCookieClient();

        var html = await client.GetStringAsync(new Uri("/Catalogue?phase=Tomorrow&culture=en", UriKind.Relative));

        Assert.Contains("id=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("Migration phase: This value is not recognised.", html, StringComparison.Ordinal);
        Assert.Equal(13, CardPattern().Count(html));
    }

    [Fact]
    public async Task Details_Measure_ShowsEveryAttribute()
    {
        var client = factory.CreateCookieClient();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/Catalogue/acces-emploi-international-jeunes?culture=fr", UriKind.Relative)));

        foreach (var expected in new[]
        {
            "Améliorer l'accès aux opportunités d'emploi à l'international pour la jeunesse marocaine",
            "Avant la migration", "Terminée", "Banque mondiale", "MENA Transition Fund", "2015-2018", "1 975 000 USD", "100-150",
            "Développement et partage des connaissances", "Élargissement des compétences professionnelles avant la migration",
            "Tableau 2.1 du rapport de l'ETF (2015)", "section 2.3",
        })
        {
            Assert.Contains(expected, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Details_GroupingMeasure_LinksItsInitiatives()
    {
        var client = factory.CreateCookieClient();

        var html = await client.GetStringAsync(new Uri("/Catalogue/avrr?culture=en", UriKind.Relative));

        foreach (var slug in new[] { "avrr-oim", "avrr-ofii", "club-france-maroc", "cefa-italie", "caritas-belgique" })
        {
            Assert.Contains($"href=\"/Catalogue/{slug}?culture=en\"", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("es", "Medida no encontrada")]
    [InlineData("ar-MA", "التدبير غير موجود")]
    [InlineData("fr", "Mesure introuvable")]
    public async Task Details_Unknown_Returns404InTheLanguage(string culture, string title)
    {
        var client = factory.CreateCookieClient();

        var response = await client.GetAsync(new Uri("/Catalogue/no-such-measure?culture=" + culture, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"<h1>{title}</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Catalogue/Manage")]
    [InlineData("/Catalogue/Manage/Create")]
    public async Task Manage_Anonymous_RedirectsToSignIn(string path)
    {
        var client = factory.CreateCookieClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.ProgrammeManager, true)]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.Advisor, false)]
    public async Task Index_SignedIn_ShowsManageLinkOnlyToThoseWhoManage(string role, bool shown)
    {
        var client = await factory.CreateSignedInClientAsync(role, "TEST-CATALOGUE");

        var html = await client.GetStringAsync(new Uri("/Catalogue", UriKind.Relative));

        Assert.Equal(shown, html.Contains("id=\"manage-link\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Manage_Advisor_IsDenied()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, "TEST-CATALOGUE");

        var response = await client.GetAsync(new Uri("/Catalogue/Manage", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    /// <summary>Issue 6, 2.11: a migrant sees what to do, in their language, before the study's attributes.</summary>
    [Theory]
    [InlineData("fr", "Pour qui ?", "Ce que vous recevez", "Comment et où demander", "Qui contacter", "Un contrat de travail pour la saison des fraises à Huelva")]
    [InlineData("ar-MA", "لمن؟", "ماذا ستحصل عليه", "كيف وأين تقدّم طلبك", "بمن تتصل", "عقد عمل لموسم الفراولة في ويلبا")]
    [InlineData("en", "Who is it for?", "What you get", "How and where to apply", "Who to contact", "A work contract for the strawberry season in Huelva")]
    [InlineData("es", "¿Para quién?", "Qué recibe", "Cómo y dónde solicitarlo", "A quién contactar", "Un contrato de trabajo para la temporada de la fresa en Huelva")]
    public async Task Details_Guidance_ShowsTheFourSectionsInTheLanguageBeforeTheResearchDetails(
        string culture, string forWhom, string whatYouGet, string howToApply, string contact, string offer)
    {
        var client = factory.CreateCookieClient();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/Catalogue/migration-saisonniere-maroc-espagne?culture=" + culture, UriKind.Relative)));

        var positions = new[] { forWhom, whatYouGet, howToApply, contact }
            .Select(heading => html.IndexOf($">{heading}</h2>", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains(offer, html, StringComparison.Ordinal);
        Assert.Contains("www.anapec.org", html, StringComparison.Ordinal);
        var research = html.IndexOf("<details class=\"mt-4\" id=\"research-details\">", StringComparison.Ordinal);
        Assert.True(research > positions[^1]);
        Assert.True(html.IndexOf("Tableau 2.1", StringComparison.Ordinal) is -1 || html.IndexOf("Tableau 2.1", StringComparison.Ordinal) > research);
    }

    [Fact]
    public async Task Index_Default_ShowsRunningMeasuresAndTheArchiveShowsEndedOnes()
    {
        var client = factory.CreateCookieClient();
        string[] ended = ["e-bosla", "acces-emploi-international-jeunes", "tokten", "trqn-iii"];

        var running = await client.GetStringAsync(new Uri("/Catalogue?culture=en", UriKind.Relative));
        var archiveHref = Regex.Match(running, "id=\"archive-link\" href=\"([^\"]+)\"").Groups[1].Value;
        var archive = await client.GetStringAsync(new Uri(WebUtility.HtmlDecode(archiveHref), UriKind.Relative));

        Assert.DoesNotContain(CardPattern().Matches(running).Select(m => m.Groups[1].Value), ended.Contains);
        Assert.Equal(ended, CardPattern().Matches(archive).Select(m => m.Groups[1].Value));
        Assert.Contains("Archive: the measures that have ended.", archive, StringComparison.Ordinal);
        Assert.Contains("id=\"running-link\"", archive, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(Roles.Beneficiary, false)]
    [InlineData(Roles.Advisor, true)]
    [InlineData(Roles.ProgrammeManager, true)]
    public async Task Index_ExportLinks_OnlyForStaffAfterTheList(string? role, bool shown)
    {
        var client = role is null ? factory.CreateCookieClient() : await factory.CreateSignedInClientAsync(role, "TEST-CATALOGUE");

        var html = await client.GetStringAsync(new Uri("/Catalogue", UriKind.Relative));

        Assert.Equal(shown, html.Contains("id=\"export-xlsx\"", StringComparison.Ordinal));
        Assert.Equal(shown, html.Contains("id=\"export-csv\"", StringComparison.Ordinal));
        if (shown)
        {
            Assert.True(html.IndexOf("id=\"export-xlsx\"", StringComparison.Ordinal) > html.IndexOf("id=\"measures\"", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("?phase=PreMigration", true)]
    public async Task Index_Filters_FoldBehindOneButtonUnlessSet(string query, bool open)
    {
        var client = factory.CreateCookieClient();

        var html = await client.GetStringAsync(new Uri("/Catalogue" + query, UriKind.Relative));

        Assert.Contains(open ? "<details class=\"mt-3\" id=\"filters\" open=\"open\">" : "<details class=\"mt-3\" id=\"filters\">", html, StringComparison.Ordinal);
        Assert.Contains("<summary class=\"btn btn-outline-secondary btn-lg\" id=\"filters-toggle\">", html, StringComparison.Ordinal);
    }

    internal static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        return TokenPattern().Match(html).Groups[1].Value;
    }

    [GeneratedRegex("class=\"col-12 col-lg-6 measure-card\" data-slug=\"([a-z0-9-]+)\"")]
    private static partial Regex CardPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
