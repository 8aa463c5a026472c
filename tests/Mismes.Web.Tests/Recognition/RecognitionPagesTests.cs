using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Mismes.Core.Administration;
using Mismes.Core.Recognition;
using Mismes.TestCommon;
using Mismes.TestCommon.People;
using Mismes.TestCommon.Placement;
using Mismes.Web.Recognition.Pages;

namespace Mismes.Web.Tests.Recognition;

/// <summary>Issue 9, validation of skills on return, through the web host: application, assessment, certificate, public verification.</summary>
public sealed partial class RecognitionPagesTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private const string Institution = "TEST-RECOG";

    private static readonly string[] MasonSkills = [.. TestEsco.EssentialSkillsOf(TestEsco.Occupation("maçon")).Take(4)];

    private static int births;

    private async Task<Guid> ReturneeAsync(string institution = Institution)
    {
        var institutionId = await factory.InstitutionIdAsync(institution);
        await using var scope = factory.Services.CreateAsyncScope();
        var (people, _) = CandidateHostServices.For(scope.ServiceProvider, new FakeCurrentUser(institutionId, Roles.CaseWorker));
        var born = new DateOnly(1961, 5, 4).AddDays(97 * Interlocked.Increment(ref births));
        var created = await people.CreateAsync(PersonBuilder.Valid("Youssef", "Amrani", born) with { Phone = null, Email = null, ConfirmedNotDuplicate = true }, CancellationToken.None);
        return created.PersonId ?? throw new InvalidOperationException(created.Outcome.ToString());
    }

    private static List<KeyValuePair<string, string>> ApplicationFields(IEnumerable<string> skills) =>
    [
        new("Input.Trade", "Maçonnerie"),
        new("Input.CountryOfWork", "ES"),
        new("Input.YearsAbroad", "6"),
        new("Input.WorkAbroad", "Chantiers à Murcie"),
        new("Input.References", "Construcciones Segura"),
        .. skills.Select(s => new KeyValuePair<string, string>("Input.SkillUris", s)),
    ];

    /// <summary>Applies for <paramref name="personId"/> through the form; the application page's path.</summary>
    private static async Task<string> ApplyAsync(HttpClient client, Guid personId)
    {
        var response = await client.PostFormAsync($"/Recognition/New/{personId}", ApplicationFields(MasonSkills));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/Recognition/Application/", location, StringComparison.Ordinal);
        return location;
    }

    private static async Task AssessAndCertifyAsync(HttpClient client, string application)
    {
        var assessed = await client.PostFormAsync(application,
        [
            new("Assessment.AssessedOn", "2026-10-28"),
            new("Assessment.Assessors", "Rachid Alaoui\r\nSanaa Tazi"),
            new("Assessment.EqfLevel", "3"),
            .. MasonSkills[..3].Select(s => new KeyValuePair<string, string>("Assessment.Validated", s)),
        ], application + "?handler=Assess");
        Assert.Equal(HttpStatusCode.Redirect, assessed.StatusCode);
        var certified = await client.PostFormAsync(application, [], application + "?handler=Certify");
        Assert.Equal(HttpStatusCode.Redirect, certified.StatusCode);
    }

    [Fact]
    public async Task Journey_ApplyAssessCertify_ThenAnyoneVerifiesInArabic_TheCredentialChecksOut_AndRevocationShows()
    {
        var personId = await ReturneeAsync();
        var staff = await factory.CreateSignedInClientAsync(Roles.CaseWorker, Institution);
        var search = await staff.GetStringAsync(new Uri("/Recognition?q=Amrani", UriKind.Relative));
        Assert.Contains($"href=\"/Recognition/New/{personId}\"", search, StringComparison.Ordinal);

        var application = await ApplyAsync(staff, personId);
        await AssessAndCertifyAsync(staff, application);
        var page = await staff.GetStringAsync(new Uri(application + "?culture=fr", UriKind.Relative));
        var code = CodeShown().Match(page).Groups["code"].Value;
        Assert.Matches("^[0-9A-Z]{5}-[0-9A-Z]{5}$", code);

        var anonymous = factory.CreateCookieClient();
        var verify = await anonymous.GetAsync(new Uri($"/Verify/{code}?culture=ar", UriKind.Relative));
        var html = WebUtility.HtmlDecode(await verify.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        Assert.Contains("dir=\"rtl\"", html, StringComparison.Ordinal);
        Assert.Contains("data-status=\"valid\"", html, StringComparison.Ordinal);
        Assert.Contains("Youssef Amrani", html, StringComparison.Ordinal);
        Assert.Contains(CandidateTestDatabase.Esco.Find(MasonSkills[0], "ar")!.Label, html, StringComparison.Ordinal);
        Assert.DoesNotContain(CandidateTestDatabase.Esco.Find(MasonSkills[3], "ar")!.Label, html, StringComparison.Ordinal);

        var credential = await anonymous.GetAsync(new Uri($"/api/v1/recognition/certificates/{code}/credential", UriKind.Relative));
        Assert.Equal(VerifiableCredential.MediaType, credential.Content.Headers.ContentType?.MediaType);
        var keys = await anonymous.GetStringAsync(new Uri("/api/v1/recognition/keys", UriKind.Relative));
        var check = await VerifiableCredential.VerifyAsync(await credential.Content.ReadAsStringAsync(), keys);
        Assert.True(check.Valid, check.Reason);

        var certificateId = CertificateIdField().Match(page).Groups["id"].Value;
        var revoked = await staff.PostFormAsync(application, [new("certificateId", certificateId), new("reason", "Niveau attribué par erreur")], application + "?handler=Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var after = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri($"/Verify?code={code.ToLowerInvariant()}&culture=fr", UriKind.Relative)));
        Assert.Contains("data-status=\"revoked\"", after, StringComparison.Ordinal);
        Assert.Contains("Niveau attribué par erreur", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_EmptyForm_Answers400_AndEachMessageNamesItsFieldInFrench()
    {
        var personId = await ReturneeAsync();
        var staff = await factory.CreateSignedInClientAsync(Roles.Advisor, Institution);

        var response = await staff.PostFormAsync($"/Recognition/New/{personId}?culture=fr", [new("Input.YearsAbroad", "")]);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("href=\"#Input_Trade\"", html, StringComparison.Ordinal);
        Assert.Contains("Métier: ce champ est obligatoire.", html, StringComparison.Ordinal);
        Assert.Contains("Pays où le travail a été fait: choisissez le pays étranger où le travail a été fait.", html, StringComparison.Ordinal);
        Assert.Contains("Compétences à évaluer: ce champ est obligatoire.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_FindSkills_KeepsTheTypedAnswers_AndListsEscoSkills()
    {
        var personId = await ReturneeAsync();
        var staff = await factory.CreateSignedInClientAsync(Roles.Trainer, Institution);

        var response = await staff.PostFormAsync($"/Recognition/New/{personId}?culture=fr",
            [new("Input.Trade", "Coffrage"), new("Input.YearsAbroad", "4"), new("sq", "poser des briques")], $"/Recognition/New/{personId}?culture=fr&handler=Search");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("value=\"Coffrage\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"found-skills\"", html, StringComparison.Ordinal);
        Assert.Contains(CandidateTestDatabase.Esco.Skills("poser des briques", "fr", 1)[0].Label, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Application_OfAnotherInstitution_IsNotFound()
    {
        var personId = await ReturneeAsync();
        var staff = await factory.CreateSignedInClientAsync(Roles.CaseWorker, Institution);
        var application = await ApplyAsync(staff, personId);
        var stranger = await factory.CreateSignedInClientAsync(Roles.CaseWorker, "TEST-RECOG-OTHER");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri(application, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri($"/Recognition/New/{personId}", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("/Verify/ZZZZZ-ZZZZZ")]
    [InlineData("/Verify?code=%3Cscript%3E")]
    [InlineData("/Verify?code=" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/api/v1/recognition/certificates/nope/credential")]
    public async Task Verify_UnknownOrMalformedCode_IsNotFound_NeverAnError(string path)
    {
        var anonymous = factory.CreateCookieClient();

        var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        if (path.StartsWith("/Verify", StringComparison.Ordinal))
        {
            Assert.Contains("id=\"not-found\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Verify_WithoutACode_ShowsTheForm()
    {
        var html = await factory.CreateCookieClient().GetStringAsync(new Uri("/Verify?culture=en", UriKind.Relative));

        Assert.Contains("id=\"verify-form\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"not-found\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    [InlineData("en")]
    [InlineData("es")]
    public void ComputedKeys_StatusesOutcomesCountriesAndFields_ExistInEveryLanguage(string culture)
    {
        var localizer = factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var keys = Enum.GetNames<ValidationStatus>().Select(s => "Recognition.Status." + s)
            .Concat(Enum.GetNames<SkillOutcome>().Select(s => "Recognition.Outcome." + s))
            .Concat(NewModel.Countries.Select(c => "Recognition.Country." + c))
            .Concat(new[] { "Trade", "CountryOfWork", "YearsAbroad", "WorkAbroad", "References", "SkillUris", "SkillUri", "PersonId", "AssessedOn", "Assessors", "EqfLevel", "Validated", "Reason" }
                .Select(f => "Recognition.Field." + f))
            .Concat(RecognitionErrors.All);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.DoesNotContain(keys, k => localizer[k].ResourceNotFound);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [GeneratedRegex("id=\"certificate-code\">(?<code>[0-9A-Z-]+)<")]
    private static partial Regex CodeShown();

    [GeneratedRegex("name=\"certificateId\" value=\"(?<id>[0-9a-f-]+)\"")]
    private static partial Regex CertificateIdField();
}
