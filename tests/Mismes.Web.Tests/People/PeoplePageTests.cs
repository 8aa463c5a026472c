using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Mismes.Core.Administration;
using Mismes.TestCommon;
using Mismes.TestCommon.People;

namespace Mismes.Web.Tests.People;

public sealed class PeoplePageTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private static int _births;

    private static string UniqueBirthDate() => new DateOnly(1910, 6, 13).AddYears(Interlocked.Increment(ref _births)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        fields["__RequestVerificationToken"] = SignInHelpers.ExtractAntiforgeryToken(page);
        return await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    private static Dictionary<string, string> Form(string first, string last, string birthDate) => new(StringComparer.Ordinal)
    {
        ["Input.FirstNameLatin"] = first,
        ["Input.LastNameLatin"] = last,
        ["Input.BirthDate"] = birthDate,
        ["Input.Sex"] = "Female",
        ["Input.MigrationStatus"] = "ProspectiveMigrant",
        ["Input.CountryOfResidence"] = "MA",
        ["Input.RegionCode"] = "MA-05",
        ["Input.ProvinceCode"] = "BEM",
        ["Input.Languages[0].Language"] = "es",
        ["Input.Languages[0].Level"] = "A1",
    };

    [Theory]
    [InlineData("fr", "Le champ « Nom (lettres latines) » est obligatoire.", "Saisissez le champ « Prénom (en arabe) » en lettres arabes.")]
    [InlineData("ar-MA", "الحقل « الاسم العائلي (بالحروف اللاتينية) » إلزامي.", "أدخل الحقل « الاسم الشخصي (بالعربية) » بالحروف العربية.")]
    public async Task CreatePage_InvalidForm_ShowsErrorSummaryAndLocalizedFieldErrors(string culture, string required, string arabicScript)
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, "ANAPEC-PAGES");
        var form = Form("Latifa", "", "1990-01-01");
        form["Input.FirstNameArabic"] = "Latifa";

        var response = await PostFormAsync(client, $"/People/Create?culture={culture}", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_LastNameLatin\"", html, StringComparison.Ordinal);
        Assert.Contains(required, html, StringComparison.Ordinal);
        Assert.Contains(arabicScript, html, StringComparison.Ordinal);
        Assert.Contains("value=\"Latifa\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatePage_TransliterationVariant_WarnsThenCreatesWhenConfirmed()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, "ANAPEC-PAGES");
        var birth = UniqueBirthDate();
        var first = await PostFormAsync(client, "/People/Create?culture=en", Form("Fatima", "El Fassi", birth));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var existingUrl = first.Headers.Location!.OriginalString;

        var variant = await PostFormAsync(client, "/People/Create?culture=en", Form("Fatna", "Al Fassi", birth));

        Assert.Equal(HttpStatusCode.OK, variant.StatusCode);
        var html = await variant.Content.ReadAsStringAsync();
        Assert.Contains("id=\"duplicate-warning\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{existingUrl}\"", html, StringComparison.Ordinal);
        Assert.Contains("This is a different person: create anyway", html, StringComparison.Ordinal);

        var form = Form("Fatna", "Al Fassi", birth);
        form["Input.ConfirmNotDuplicate"] = "true";
        var confirmed = await PostFormAsync(client, "/People/Create", form);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.NotEqual(existingUrl, confirmed.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task DetailsPage_GiveAndWithdrawConsent_ShowsStateAndHistory()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, "ANAPEC-PAGES");
        var created = await PostFormAsync(client, "/People/Create", Form("Souad", "Rifi", UniqueBirthDate()));
        var details = created.Headers.Location!.OriginalString;

        var give = await PostFormAsync(client, details + "?handler=Give", new(StringComparer.Ordinal) { ["purpose"] = "FollowUpSurveys", ["channel"] = "Paper" });
        Assert.Equal(HttpStatusCode.Redirect, give.StatusCode);
        var afterGive = await client.GetStringAsync(new Uri(details + "?culture=en", UriKind.Relative));
        Assert.Contains("The consent has been recorded.", afterGive, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"ConsentGiven\"", afterGive, StringComparison.Ordinal);

        var withdraw = await PostFormAsync(client, details + "?handler=Withdraw", new(StringComparer.Ordinal) { ["purpose"] = "FollowUpSurveys" });
        Assert.Equal(HttpStatusCode.Redirect, withdraw.StatusCode);
        var afterWithdraw = await client.GetStringAsync(new Uri(details + "?culture=en", UriKind.Relative));
        Assert.Contains("data-kind=\"ConsentWithdrawn\"", afterWithdraw, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"Created\"", afterWithdraw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditPage_Change_RedirectsAndRecordsUpdate()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, "ANAPEC-PAGES");
        var birth = UniqueBirthDate();
        var created = await PostFormAsync(client, "/People/Create", Form("Widad", "Soussi", birth));
        var id = created.Headers.Location!.OriginalString.Split('/')[^1];
        var form = Form("Widad", "Soussi", birth);
        form["Input.MigrationStatus"] = "Abroad";
        form["Input.CountryOfResidence"] = "ES";

        var response = await PostFormAsync(client, $"/People/Edit/{id}", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var json = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/people/{id}", UriKind.Relative))).RootElement;
        Assert.Equal("ES", json.GetProperty("countryOfResidence").GetString());
        Assert.Contains(json.GetProperty("history").EnumerateArray(), e => e.GetProperty("details").GetString() == "CountryOfResidence,MigrationStatus");
    }

    [Fact]
    public async Task SearchPage_ArabicName_ListsPerson()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, "ANAPEC-PAGES2");
        var form = Form("Ghizlane", "Amzil", UniqueBirthDate());
        form["Input.FirstNameArabic"] = "غزلان";
        form["Input.LastNameArabic"] = "أمزيل";
        await PostFormAsync(client, "/People/Create", form);

        var response = await PostFormAsync(client, "/People?culture=ar-MA", new(StringComparer.Ordinal) { ["Text"] = "امزيل" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Amzil, Ghizlane", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ar-MA\" dir=\"rtl\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_Anonymous_RedirectToSignIn()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/People", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/SignIn", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
