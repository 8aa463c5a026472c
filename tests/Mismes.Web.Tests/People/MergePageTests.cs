using System.Net;
using Mismes.Core.Administration;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.People;

/// <summary>Issue 6, 2.6 through the host: find the duplicate without a GUID, compare, choose, confirm, merge, undo.</summary>
public sealed class MergePageTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private static int _births;

    private static string UniqueBirthDate() => new DateOnly(1912, 8, 23).AddYears(Interlocked.Increment(ref _births)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        fields["__RequestVerificationToken"] = SignInHelpers.ExtractAntiforgeryToken(page);
        return await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    private static async Task<string> CreateAsync(HttpClient client, string first, string last, string birthDate, string phone)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Input.FirstNameLatin"] = first,
            ["Input.LastNameLatin"] = last,
            ["Input.BirthDate"] = birthDate,
            ["Input.Sex"] = "Female",
            ["Input.MigrationStatus"] = "ProspectiveMigrant",
            ["Input.CountryOfResidence"] = "MA",
            ["Input.Phone"] = phone,
            ["Input.ConfirmNotDuplicate"] = "true",
        };
        var response = await PostFormAsync(client, "/People/Create", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString.Split('/')[^1];
    }

    [Fact]
    public async Task MergePage_PossibleDuplicateAndNameSearch_OfferCompareLinksWithoutAnIdField()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, "ANAPEC-MERGE-PAGES");
        var birth = UniqueBirthDate();
        var survivor = await CreateAsync(client, "Aicha", "Bouzidi", birth, "0611111111");
        var duplicate = await CreateAsync(client, "Aisha", "Bouzidi", birth, "0622222222");
        var other = await CreateAsync(client, "Rkia", "Bouzidi-Tazi", UniqueBirthDate(), "0633333333");

        var page = await client.GetStringAsync(new Uri($"/People/Merge/{survivor}?culture=en", UriKind.Relative));
        var search = await PostFormAsync(client, $"/People/Merge/{survivor}?culture=en", new(StringComparer.Ordinal) { ["Text"] = "Rkia Bouzidi-Tazi" });

        Assert.Contains($"href=\"/People/Compare/{survivor}/{duplicate}\"", page, StringComparison.Ordinal);
        Assert.Contains("Aisha Bouzidi", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"DuplicateId\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        var found = await search.Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/People/Compare/{survivor}/{other}\"", found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComparePage_ChooseConfirmMergeThenUndo_DiscardedPhoneInHistoryAndBothRecordsBack()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, "ANAPEC-MERGE-PAGES");
        var birth = UniqueBirthDate();
        var survivor = await CreateAsync(client, "Aicha", "Bouzidi", birth, "0611111111");
        var duplicate = await CreateAsync(client, "Aisha", "Bouzidi", birth, "0622222222");
        var compareUrl = $"/People/Compare/{survivor}/{duplicate}";

        // Side by side: a required choice for the fields that differ (the first name, the phone), none for the others.
        var compare = await client.GetStringAsync(new Uri(compareUrl + "?culture=en", UriKind.Relative));
        Assert.Contains("name=\"Keep[Phone]\"", compare, StringComparison.Ordinal);
        Assert.Contains("name=\"Keep[FirstNameLatin]\"", compare, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Keep[LastNameLatin]\"", compare, StringComparison.Ordinal);
        Assert.Contains("The languages and consents of both records are united", compare, StringComparison.Ordinal);
        Assert.Contains("id=\"Survivor_A\" value=\"A\" checked=\"checked\"", compare, StringComparison.Ordinal); // the older record

        // No choice for the phone: refused, the error names the field and links to it.
        var missing = await PostFormAsync(client, compareUrl + "?handler=Confirm&culture=en", new(StringComparer.Ordinal) { ["Survivor"] = "A", ["Keep[FirstNameLatin]"] = "A" });
        var missingHtml = await missing.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#Keep_Phone\"", missingHtml, StringComparison.Ordinal);
        Assert.Contains("Choose which “Phone” to keep.", missingHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"merge-submit\"", missingHtml, StringComparison.Ordinal);

        // Both chosen: the confirmation says what is kept and what is discarded, and carries the choices.
        var choices = new Dictionary<string, string>(StringComparer.Ordinal) { ["Survivor"] = "A", ["Keep[FirstNameLatin]"] = "A", ["Keep[Phone]"] = "A" };
        var confirm = await PostFormAsync(client, compareUrl + "?handler=Confirm&culture=en", new(choices, StringComparer.Ordinal));
        var confirmHtml = WebUtility.HtmlDecode(await confirm.Content.ReadAsStringAsync());
        Assert.Contains("id=\"merge-submit\"", confirmHtml, StringComparison.Ordinal);
        var discarded = confirmHtml[confirmHtml.IndexOf("id=\"merge-discarded\"", StringComparison.Ordinal)..];
        discarded = discarded[..discarded.IndexOf("</ul>", StringComparison.Ordinal)];
        Assert.Contains("<bdi dir=\"ltr\">+212622222222</bdi>", discarded, StringComparison.Ordinal);
        Assert.Contains("<bdi>Aisha</bdi>", discarded, StringComparison.Ordinal);
        Assert.DoesNotContain("+212611111111", discarded, StringComparison.Ordinal);
        Assert.Contains("name=\"Keep[Phone]\" value=\"A\"", confirmHtml, StringComparison.Ordinal);

        var merged = await PostFormAsync(client, compareUrl + "?handler=Merge", new(choices, StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.EndsWith($"/People/Details/{survivor}", merged.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var details = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/People/Details/{survivor}?culture=en", UriKind.Relative)));
        Assert.Contains("The duplicate has been merged into this record.", details, StringComparison.Ordinal);
        Assert.Contains("Phone <bdi>+212622222222</bdi> from the merged record was discarded.", details, StringComparison.Ordinal);
        Assert.Contains("First name (Latin script) <bdi>Aisha</bdi> from the merged record was discarded.", details, StringComparison.Ordinal);
        Assert.Contains("id=\"undo-merge\"", details, StringComparison.Ordinal);

        var undo = await PostFormAsync(client, $"/People/Details/{survivor}?handler=UndoMerge", []);
        Assert.Equal(HttpStatusCode.Redirect, undo.StatusCode);
        var afterUndo = await client.GetStringAsync(new Uri($"/People/Details/{survivor}?culture=en", UriKind.Relative));
        Assert.Contains("The merge has been undone", afterUndo, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"MergeUndone\"", afterUndo, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"undo-merge\"", afterUndo, StringComparison.Ordinal);
        var duplicatePage = await client.GetStringAsync(new Uri($"/People/Details/{duplicate}?culture=en", UriKind.Relative));
        Assert.DoesNotContain("This record is a duplicate merged into", duplicatePage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/People/Merge/{duplicate}\"", duplicatePage, StringComparison.Ordinal); // visible and mergeable again
    }

    [Fact]
    public async Task ComparePage_RecordOfAnotherInstitution_NotFound()
    {
        var owner = await factory.CreateSignedInClientAsync(Roles.Advisor, "ANAPEC-MERGE-PAGES");
        var birth = UniqueBirthDate();
        var survivor = await CreateAsync(owner, "Latifa", "Chraibi", birth, "0644444444");
        var duplicate = await CreateAsync(owner, "Latefa", "Chraibi", birth, "0655555555");
        var stranger = await factory.CreateSignedInClientAsync(Roles.Advisor, "OIM-MERGE-PAGES");

        var response = await stranger.GetAsync(new Uri($"/People/Compare/{survivor}/{duplicate}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
