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
    [InlineData("", 17)]
    [InlineData("?phase=PreMigration", 5)]
    [InlineData("?phase=DuringMigration", 5)]
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
        var client = factory.CreateCookieClient();

        var html = await client.GetStringAsync(new Uri("/Catalogue?phase=DuringMigration&culture=en", UriKind.Relative));

        var slugs = CardPattern().Matches(html).Select(m => m.Groups[1].Value);
        Assert.Equal(["tokten", "fincome", "maghribcom", "trqn-iii", "formation-jeunes-mre"], slugs);
        Assert.Contains("5 measure(s) found", html, StringComparison.Ordinal);
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
        Assert.Equal(17, CardPattern().Count(html));
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
