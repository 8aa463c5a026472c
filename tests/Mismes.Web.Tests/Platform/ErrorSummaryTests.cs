using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.Catalogue;
using Mismes.Core.Data;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Platform;

/// <summary>
/// Every form posted empty answers with the GOV.UK error summary: each line names its own field (no five times
/// "Ce champ est obligatoire."), links to an element that exists in the page, and the same message stands beside the field.
/// </summary>
public sealed partial class ErrorSummaryTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    public static TheoryData<string, string> FormsAndCultures()
    {
        var data = new TheoryData<string, string>();
        foreach (var form in new[] { "people-create", "people-edit", "catalogue-create", "catalogue-edit", "users-create", "sign-in" })
        {
            foreach (var culture in new[] { "fr", "ar-MA" })
            {
                data.Add(form, culture);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FormsAndCultures))]
    public async Task Form_PostedEmpty_EachSummaryLineNamesADistinctFieldAndLinksToIt(string form, string culture)
    {
        var (client, url) = await OpenAsync(form);
        url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=" + culture;

        var response = await client.PostFormAsync(url, []);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{form}: {(int)response.StatusCode}");
        var html = await response.Content.ReadAsStringAsync();
        var summary = SummaryBox().Match(html);
        Assert.True(summary.Success, $"{form}: no error summary");
        var items = SummaryLink().Matches(summary.Value).Select(m => (Id: m.Groups[1].Value, Message: WebUtility.HtmlDecode(m.Groups[2].Value).Trim())).ToList();
        var lines = SummaryLine().Count(summary.Value);
        Assert.True(items.Count >= 2 || form == "catalogue-edit", $"{form}: {items.Count} linked lines");
        Assert.Equal(lines, items.Count); // every line is a link
        Assert.Equal(items.Count, items.Select(i => i.Message).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(items.Count, items.Select(i => i.Id).Distinct(StringComparer.Ordinal).Count());
        foreach (var (id, message) in items)
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("{0}", message, StringComparison.Ordinal);
            Assert.DoesNotContain(message, GenericMessages);
            // The same words beside the field as in the summary (the catalogue's summary puts "Label: " before them).
            var besideField = message.Contains(": ", StringComparison.Ordinal) ? message[(message.IndexOf(": ", StringComparison.Ordinal) + 2)..] : message;
            Assert.True(
                Occurrences(WebUtility.HtmlDecode(html.Replace(summary.Value, "", StringComparison.Ordinal)), besideField) >= 1,
                $"{form}: '{message}' is not also shown beside its field");
        }
    }

    [Theory]
    [InlineData("people-create", "fr", "(obligatoire)", "100 caractères au plus.")]
    [InlineData("people-create", "ar-MA", "(إلزامي)", "100 حرف على الأكثر.")]
    [InlineData("users-create", "fr", "(obligatoire)", "200 caractères au plus.")]
    public async Task Form_BeforeSubmitting_MarksRequiredFieldsAndStatesLengthLimits(string form, string culture, string requiredMark, string limit)
    {
        var (client, url) = await OpenAsync(form);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(url + "?culture=" + culture, UriKind.Relative)));

        Assert.True(Occurrences(html, requiredMark) >= 3, $"{form}: required fields not marked");
        Assert.Contains(limit, html, StringComparison.Ordinal);
    }

    private static readonly string[] GenericMessages = ["Ce champ est obligatoire.", "هذا الحقل إلزامي.", "Valeur non valide.", "قيمة غير صالحة."];

    private async Task<(HttpClient Client, string Url)> OpenAsync(string form)
    {
        switch (form)
        {
            case "people-create":
                return (await factory.CreateSignedInClientAsync(Roles.Advisor, "ANAPEC-SUMMARY"), "/People/Create");
            case "people-edit":
                var advisor = await factory.CreateSignedInClientAsync(Roles.Advisor, "ANAPEC-SUMMARY");
                var created = await advisor.PostFormAsync("/People/Create", new Dictionary<string, string>
                {
                    ["Input.FirstNameLatin"] = "Nadia",
                    ["Input.LastNameLatin"] = "Summary" + Guid.NewGuid().ToString("N")[..6],
                    ["Input.BirthDate"] = "1991-04-05",
                    ["Input.Sex"] = "Female",
                    ["Input.MigrationStatus"] = "Abroad",
                    ["Input.CountryOfResidence"] = "ES",
                    ["Input.ConfirmNotDuplicate"] = "true",
                });
                Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
                return (advisor, created.Headers.Location!.OriginalString.Replace("/Details/", "/Edit/", StringComparison.Ordinal));
            case "catalogue-create":
                return (await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, "TEST-SUMMARY"), "/Catalogue/Manage/Create");
            case "catalogue-edit":
                Guid id;
                await using (var scope = factory.Services.CreateAsyncScope())
                {
                    id = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<SupportMeasure>().Where(m => m.Slug == "maghribcom").Select(m => m.Id).SingleAsync();
                }

                return (await factory.CreateSignedInClientAsync(Roles.Administrator, "TEST-SUMMARY"), $"/Catalogue/Manage/Edit/{id}");
            case "users-create":
                return (await factory.CreateSignedInClientAsync(Roles.Administrator, "TEST-SUMMARY"), "/Administration/Users/Create");
            default:
                return (factory.CreateCookieClient(), "/Account/SignIn");
        }
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [GeneratedRegex("<div[^>]*id=\"error-summary\"[\\s\\S]*?</ul>")]
    private static partial Regex SummaryBox();

    [GeneratedRegex("<li>")]
    private static partial Regex SummaryLine();

    [GeneratedRegex("<a class=\"alert-link\" href=\"#([^\"]+)\">([^<]*)</a>")]
    private static partial Regex SummaryLink();
}
