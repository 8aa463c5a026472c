using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.Catalogue;
using Mismes.Core.Catalogue.Eligibility;
using Mismes.Core.Data;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Catalogue;

/// <summary>The eligibility finder through the real pages: anonymous, no JavaScript, each step a POST of the rendered form.</summary>
public sealed partial class EligibilityFinderTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private sealed class Journey(HttpClient client, string culture)
    {
        public string Html { get; private set; } = "";

        public HttpStatusCode Status { get; private set; }

        public async Task StartAsync() => Html = await client.GetStringAsync(new Uri("/Eligibility?culture=" + culture, UriKind.Relative));

        public async Task PostAsync(IEnumerable<KeyValuePair<string, string>> fields, string action = "continue")
        {
            var form = new List<KeyValuePair<string, string>>(fields)
            {
                new("__RequestVerificationToken", SignInHelpers.ExtractAntiforgeryToken(Html)),
                new("state", Hidden("state")),
                new("step", Hidden("step")),
                new("action", action),
            };
            using var content = new FormUrlEncodedContent(form);
            var response = await client.PostAsync(new Uri("/Eligibility?culture=" + culture, UriKind.Relative), content);
            Status = response.StatusCode;
            Html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }

        public string Hidden(string name) => WebUtility.HtmlDecode(Regex.Match(Html, $"name=\"{name}\" value=\"([^\"]*)\"").Groups[1].Value);

        public string[] Matches() => [.. MatchPattern().Matches(Html).Select(m => m.Groups[1].Value)];
    }

    [Fact]
    public async Task Finder_ReturneeInConstructionFromSpain_InArabic_LeadsToValidationAndReintegrationAndRegistration()
    {
        using var client = factory.CreateClient();
        var j = new Journey(client, "ar");
        await j.StartAsync();
        Assert.Contains("ما هي برامج الدعم المناسبة لي؟", j.Html, StringComparison.Ordinal);

        await j.PostAsync([]);
        Assert.Equal("Situation", j.Hidden("step"));
        await j.PostAsync([new("Situation", "Returned")]);
        await j.PostAsync([new("Schooling", "Vocational")]);
        await j.PostAsync([new("Languages", "ar"), new("Languages", "es")]);
        await j.PostAsync([new("Field", "Construction")]);
        Assert.Contains("من أي بلد عدت؟", j.Html, StringComparison.Ordinal);
        await j.PostAsync([new("Country", "ES")]);

        Assert.Equal(HttpStatusCode.OK, j.Status);
        Assert.Equal(["ofppt-validation-construction", "avrr", "avrr-oim"], j.Matches());
        Assert.Contains("هو موجه للأشخاص العائدين إلى المغرب.", j.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Placement/Register\"", j.Html, StringComparison.Ordinal);
        Assert.Contains("dir=\"rtl\"", j.Html, StringComparison.Ordinal);
        // The answers live in one hidden field, never in a URL.
        Assert.Equal("s=Returned;e=Vocational;l=ar,es;f=Construction;c=ES", j.Hidden("state"));
    }

    [Fact]
    public async Task Finder_SkippingEveryOptionalQuestion_StillAnswers_AndChangingAnAnswerNarrowsTheResults()
    {
        using var client = factory.CreateClient();
        var j = new Journey(client, "fr");
        await j.StartAsync();
        await j.PostAsync([]);
        await j.PostAsync([new("Situation", "Returned")]);
        await j.PostAsync([], "skip");
        await j.PostAsync([], "skip");
        await j.PostAsync([], "skip");
        await j.PostAsync([], "skip");
        var broad = j.Matches();
        Assert.Contains("Non répondu", j.Html, StringComparison.Ordinal);

        await j.PostAsync([], "change:Country");
        Assert.Equal("Country", j.Hidden("step"));
        await j.PostAsync([new("Country", "IT")]);

        Assert.Contains("cefa-italie", broad);
        Assert.Contains("avrr-ofii", broad);
        Assert.Contains("cefa-italie", j.Matches());
        Assert.DoesNotContain("avrr-ofii", j.Matches());
        Assert.Equal("cefa-italie", j.Matches()[0]);
    }

    [Fact]
    public async Task Finder_NoSituationChosen_SaysSoInTheUsersLanguage_AndStaysOnTheQuestion()
    {
        using var client = factory.CreateClient();
        var j = new Journey(client, "es");
        await j.StartAsync();
        await j.PostAsync([]);

        await j.PostAsync([]);

        Assert.Equal("Situation", j.Hidden("step"));
        Assert.Contains("Elija su situación", j.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Situation\"", j.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s=Nobody;c=ZZ;l=xx", "Situation", "")]
    [InlineData("s=Returned;e=1;f=../../etc;c=ZZ", "Languages", "s=Returned")]
    [InlineData("s=1;;=;x=y", "Situation", "")]
    public async Task Finder_TamperedState_UnknownValuesAreDropped_NeverAnError(string state, string expectedStep, string expectedState)
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync(new Uri("/Eligibility", UriKind.Relative));
        using var content = new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", SignInHelpers.ExtractAntiforgeryToken(html)),
            new("state", state),
            new("step", "Schooling"),
            new("action", "continue"),
        ]);

        var response = await client.PostAsync(new Uri("/Eligibility", UriKind.Relative), content);
        var answered = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"name=\"step\" value=\"{expectedStep}\"", answered, StringComparison.Ordinal);
        Assert.Equal(expectedState, Regex.Match(answered, "name=\"state\" value=\"([^\"]*)\"").Groups[1].Value);
    }

    [Fact]
    public async Task Finder_PostWithoutAntiforgeryToken_IsRefused()
    {
        using var client = factory.CreateClient();
        using var content = new FormUrlEncodedContent([new("step", "Country"), new("Country", "ES")]);

        var response = await client.PostAsync(new Uri("/Eligibility", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ManageEligibility_ProgrammeManagerChangesTheRules_TheFinderFollows()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, InstitutionCodes.Anapec);
        var id = await NewAnapecMeasureAsync("atelier-test-eligibilite");
        var form = await client.GetStringAsync(new Uri($"/Catalogue/Manage/Eligibility/{id}?culture=en", UriKind.Relative));
        Assert.Contains("id=\"no-rules\"", form, StringComparison.Ordinal);

        var response = await client.PostAsync(new Uri($"/Catalogue/Manage/Eligibility/{id}", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", SignInHelpers.ExtractAntiforgeryToken(form)),
            new("Situations", "Preparing"),
            new("Situations", "Returned"),
            new("MinEqf", ""),
            new("MaxEqf", "4"),
            new("Countries", "CA"),
            new("NextStepPath", "/Placement/Register"),
        ]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var check = factory.Services.CreateAsyncScope();
        var finder = check.ServiceProvider.GetRequiredService<EligibilityService>();
        var rules = await finder.RulesAsync(id, CancellationToken.None);
        Assert.Equal([Situation.Preparing, Situation.Returned], rules!.Situations);
        Assert.Equal((null, 4, "CA"), (rules.MinEqf, rules.MaxEqf, rules.Countries.Single()));
        var returnee = await finder.FindAsync(new FinderAnswers { Situation = Situation.Returned, Schooling = Schooling.Primary, Country = "CA" }, "fr", CancellationToken.None);
        Assert.Contains(returnee, m => m.Measure.Slug == "atelier-test-eligibilite");
        var graduate = await finder.FindAsync(new FinderAnswers { Situation = Situation.Returned, Schooling = Schooling.Master }, "fr", CancellationToken.None);
        Assert.DoesNotContain(graduate, m => m.Measure.Slug == "atelier-test-eligibilite");
        Assert.True(await check.ServiceProvider.GetRequiredService<AppDbContext>().Set<AuditEntry>()
            .AnyAsync(a => a.RecordId == id.ToString() && a.Details == "Eligibility"));
    }

    [Fact]
    public async Task ManageEligibility_InvalidRules_NameTheFieldInTheUsersLanguage_AndSaveNothing()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, InstitutionCodes.Anapec);
        Guid id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<SupportMeasure>().SingleAsync(m => m.Slug == "anapec-international")).Id;
        }

        var form = await client.GetStringAsync(new Uri($"/Catalogue/Manage/Eligibility/{id}?culture=en", UriKind.Relative));
        var response = await client.PostAsync(new Uri($"/Catalogue/Manage/Eligibility/{id}?culture=en", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", SignInHelpers.ExtractAntiforgeryToken(form)),
            new("MinEqf", "7"),
            new("MaxEqf", "3"),
            new("Situations", "Astronaut"),
            new("NextStepPath", "https://evil.example"),
        ]));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("Situations: Unknown value", html, StringComparison.Ordinal);
        Assert.Contains("Address of the next step: Enter an address within Mismes that starts with \"/\"", html, StringComparison.Ordinal);
        await using var check = factory.Services.CreateAsyncScope();
        Assert.Equal("/Placement/Register", (await check.ServiceProvider.GetRequiredService<EligibilityService>().RulesAsync(id, CancellationToken.None))!.NextStepPath);
    }

    /// <summary>A measure of ANAPEC's own, so changing its rules leaves the seeded measures (and the other tests' answers) alone.</summary>
    private async Task<Guid> NewAnapecMeasureAsync(string slug)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var anapec = await db.Set<Institution>().SingleAsync(i => i.Code == InstitutionCodes.Anapec);
        var measure = new SupportMeasure
        {
            Id = Guid.NewGuid(),
            Slug = slug,
            Phase = MigrationPhase.PreMigration,
            Ongoing = true,
            SortKey = 99_999,
            Translations = [new SupportMeasureTranslation { Culture = "fr", Title = "Atelier d'essai" }],
            Parties = [new SupportMeasureParty { Role = PartyRole.Implementer, Code = InstitutionCodes.Anapec, InstitutionId = anapec.Id }],
        };
        db.Add(measure);
        await db.SaveChangesAsync();
        return measure.Id;
    }

    [GeneratedRegex("class=\"card mb-3 finder-match\" data-slug=\"([a-z0-9-]+)\"")]
    private static partial Regex MatchPattern();
}
