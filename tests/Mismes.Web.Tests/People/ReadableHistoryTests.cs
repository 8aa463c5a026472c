using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Mismes.Core.Administration;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.People;

/// <summary>
/// The person's history and the audit page read as sentences in the user's language that say who acted, and name
/// records instead of showing ids: no "ShareProfileWithForeignEmployers;channel:InPerson;notice:v1", no
/// "confirmedNotDuplicate", no Guid as link text. The API keeps the machine-readable details.
/// </summary>
public sealed partial class ReadableHistoryTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    [Theory]
    [InlineData("fr", "a créé la fiche", "a enregistré le consentement « Communiquer le profil à des employeurs étrangers » en personne", "a consulté la fiche de")]
    [InlineData("ar-MA", "أنشأ", "سجّل", "اطّلع")]
    public async Task HistoryAndAudit_AfterCreateConsentAndEdit_ReadAsSentencesSayingWhoActed(string culture, string created, string consent, string read)
    {
        var institutionCode = "ANAPEC-HIST-" + culture;
        var advisor = await factory.CreateUserAsync(Roles.Advisor, institutionCode);
        var client = await factory.CreateSignedInClientAsync(advisor);
        var last = "Lisible" + Guid.NewGuid().ToString("N")[..6];
        var response = await client.PostFormAsync("/People/Create", new Dictionary<string, string>
        {
            ["Input.FirstNameLatin"] = "Samira",
            ["Input.LastNameLatin"] = last,
            ["Input.BirthDate"] = "1988-03-04",
            ["Input.Sex"] = "Female",
            ["Input.MigrationStatus"] = "ProspectiveMigrant",
            ["Input.CountryOfResidence"] = "MA",
            ["Input.ConfirmNotDuplicate"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = response.Headers.Location!.OriginalString;
        var personId = details.Split('/')[^1];
        var consentResponse = await client.PostFormAsync(
            details,
            new Dictionary<string, string> { ["purpose"] = "ShareProfileWithForeignEmployers", ["channel"] = "InPerson", ["noticeVersion"] = "1" },
            details + "?handler=Give");
        Assert.Equal(HttpStatusCode.Redirect, consentResponse.StatusCode);

        var history = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"{details}?culture={culture}", UriKind.Relative)));

        AssertReadable(history);
        Assert.Contains($"Test Advisor (Test {institutionCode})", history, StringComparison.Ordinal);
        Assert.Contains(created, history, StringComparison.Ordinal);
        Assert.Contains(consent, history, StringComparison.Ordinal);

        var manager = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, institutionCode);
        var audit = WebUtility.HtmlDecode(await manager.GetStringAsync(new Uri($"/Administration/Audit?RecordType=Person&RecordId={personId}&culture={culture}", UriKind.Relative)));

        AssertReadable(audit);
        Assert.Contains($"Test Advisor (Test {institutionCode})", audit, StringComparison.Ordinal);
        Assert.Contains($">Samira {last}</a>", audit, StringComparison.Ordinal); // the record by its name, the id only in the href
        Assert.Contains($"href=\"/People/Details/{personId}\"", audit, StringComparison.Ordinal);
        Assert.Contains(read, audit, StringComparison.Ordinal);
        Assert.DoesNotContain(">Person<", audit, StringComparison.Ordinal);

        // The API keeps the machine-readable details.
        var json = await client.GetStringAsync(new Uri($"/api/v1/people/{personId}", UriKind.Relative));
        Assert.Contains("ShareProfileWithForeignEmployers;channel:InPerson;notice:v1", json, StringComparison.Ordinal);
    }

    /// <summary>A record a partner system created with its API key names that key in the history, not "the system".</summary>
    [Theory]
    [InlineData("fr", "La clé d'API « test key » (Test ANAPEC-HIST-KEY) a créé la fiche")]
    [InlineData("en", "The API key “test key” (Test ANAPEC-HIST-KEY)")]
    public async Task History_RecordCreatedWithAnApiKey_NamesTheKeyAndItsInstitution(string culture, string expected)
    {
        const string institutionCode = "ANAPEC-HIST-KEY";
        var partner = await factory.CreateApiKeyClientAsync(institutionCode, "people:read", "people:write");
        var response = await partner.PostAsJsonAsync(new Uri("/api/v1/people", UriKind.Relative), new
        {
            firstNameLatin = "Karim",
            lastNameLatin = "Cle" + Guid.NewGuid().ToString("N")[..6],
            birthDate = "1979-11-02",
            sex = "Male",
            migrationStatus = "ProspectiveMigrant",
            confirmNotDuplicate = true,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var advisor = await factory.CreateSignedInClientAsync(Roles.Advisor, institutionCode);

        var history = WebUtility.HtmlDecode(await advisor.GetStringAsync(new Uri($"/People/Details/{id}?culture={culture}", UriKind.Relative)));

        Assert.Contains(expected, history, StringComparison.Ordinal);
        Assert.DoesNotContain(culture == "fr" ? "Le système" : "The system", history, StringComparison.Ordinal);
    }

    private static void AssertReadable(string html)
    {
        Assert.DoesNotContain(";channel:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("notice:v", html, StringComparison.Ordinal);
        Assert.DoesNotContain("confirmedNotDuplicate", html, StringComparison.Ordinal);
        Assert.False(GuidAsLinkText().IsMatch(html), "a Guid is shown as link text: " + GuidAsLinkText().Match(html).Value);
    }

    [GeneratedRegex(@">\s*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\s*</a>")]
    private static partial Regex GuidAsLinkText();
}
