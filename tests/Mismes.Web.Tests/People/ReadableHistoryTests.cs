using System.Net;
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
