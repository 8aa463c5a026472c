using Microsoft.Playwright;
using Mismes.Core.Administration;
using Mismes.TestCommon;
using Mismes.Web.EndToEndTests.Infrastructure;
using Mismes.Web.EndToEndTests.Platform;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Mismes.Web.EndToEndTests.People;

/// <summary>
/// Issue 6, 2.6 in Chromium: from a person's page to the duplicate, side by side, a choice for each differing field,
/// the confirmation, the merge, the discarded phone in the history, and the undo — without JavaScript, as the forms
/// round-trip. And the comparison on a 360-px phone in Arabic, measured as PhoneWidthTests does.
/// </summary>
[Collection(MismesAppCollection.Name)]
public sealed class MergeJourneyTests(MismesAppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    /// <summary>Two records of the same person (a transliteration variant, another phone), registered through the API.</summary>
    private static async Task<(string Older, string Newer)> PairAsync(IPage page, string suffix)
    {
        async Task<string> CreateAsync(string first, string phone, string? email)
        {
            var created = await page.Context.APIRequest.PostAsync("/api/v1/people", new APIRequestContextOptions
            {
                DataObject = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["firstNameLatin"] = first,
                    ["lastNameLatin"] = "Benabdeljalil-Elouazzani" + suffix,
                    ["firstNameArabic"] = "خديجة",
                    ["lastNameArabic"] = "بنعبد الجليل الوزاني",
                    ["birthDate"] = "1991-02-27",
                    ["sex"] = "Female",
                    ["migrationStatus"] = "ProspectiveMigrant",
                    ["countryOfResidence"] = "MA",
                    ["regionCode"] = "MA-01",
                    ["phone"] = phone,
                    ["email"] = email,
                    ["notes"] = "Dossier ANAPEC-TANGER-2026-000123456789-ESPAGNE-AGRICULTURE-SAISONNIER",
                    ["confirmNotDuplicate"] = true,
                },
            });
            Assert.True(created.Status == 201, $"Creating a person: {created.Status} {await created.TextAsync()}");
            return (await created.JsonAsync())!.Value.GetProperty("id").GetString()!;
        }

        var older = await CreateAsync("Khadija", "0611111111", null);
        var newer = await CreateAsync("Khadidja", "0622222222", "khadija.fatima-zahra.benabdeljalil-elouazzani@institution-partenaire.example.org");
        return (older, newer);
    }

    [Fact]
    public async Task Advisor_CompareChooseConfirmMergeThenUndo_WithoutJavaScript()
    {
        var advisor = await App.Factory.CreateUserAsync(Roles.Advisor, InstitutionCodes.Anapec);
        await JourneyAsync("merge", "fr", async page =>
        {
            await SignInAsync(page, advisor);
            var (survivor, duplicate) = await PairAsync(page, Guid.NewGuid().ToString("N")[..6]);

            // 1. From the person's page to the merge page: the duplicate is listed by name, with a compare link.
            await page.GotoAsync($"/People/Details/{survivor}?culture=fr");
            await page.ClickAsync($"a[href='/People/Merge/{survivor}']");
            var compare = page.Locator($"#merge-candidates a[data-compare='{duplicate}']");
            await Expect(page.Locator("#merge-candidates")).ToContainTextAsync("Khadidja");
            await compare.ClickAsync();
            await page.WaitForURLAsync($"**/People/Compare/{survivor}/{duplicate}");
            await Expect(page.Locator("#Survivor_A")).ToBeCheckedAsync(); // the older record stays by default
            await ScreenshotAsync(page, "1-compare");

            // 2. Continue without choosing: the summary names the fields that need a choice.
            await page.ClickAsync("#merge-continue");
            await Expect(page.Locator("#error-summary")).ToContainTextAsync("« Téléphone »");
            await Expect(page.Locator("#merge-submit")).ToHaveCountAsync(0);

            // 3. Keep this record's first name and phone: the confirmation says the other phone is discarded.
            await page.CheckAsync("#Keep_FirstNameLatin");
            await page.CheckAsync("#Keep_Phone");
            await page.ClickAsync("#merge-continue");
            await Expect(page.Locator("#merge-discarded li[data-field=Phone]")).ToContainTextAsync("+212622222222");
            await Expect(page.Locator("#merge-kept tr[data-field=Email]")).ToContainTextAsync("khadija.fatima-zahra");
            await ScreenshotAsync(page, "2-confirm");

            // 4. Merge: back on the record, the discarded phone is in its history.
            await page.ClickAsync("#merge-submit");
            await page.WaitForURLAsync($"**/People/Details/{survivor}");
            await Expect(page.Locator("#status-message")).ToContainTextAsync("fusionné");
            await Expect(page.Locator("#history li[data-kind=MergeDiscarded]").Filter(new LocatorFilterOptions { HasText = "+212622222222" })).ToHaveCountAsync(1);
            await ScreenshotAsync(page, "3-merged");

            // 5. Undo: both records as before, the duplicate visible again.
            await page.ClickAsync("#undo-merge");
            await page.WaitForURLAsync($"**/People/Details/{survivor}");
            await Expect(page.Locator("#status-message")).ToContainTextAsync("annulée");
            await Expect(page.Locator("#undo-merge")).ToHaveCountAsync(0);
            await page.GotoAsync($"/People/Details/{duplicate}?culture=fr");
            await Expect(page.Locator($"a[href='/People/Merge/{duplicate}']")).ToHaveCountAsync(1);
            await Expect(page.Locator("#history li[data-kind=MergeUndone]")).ToHaveCountAsync(1);
            await ScreenshotAsync(page, "4-undone");
        }, javaScript: false);
    }

    [Fact]
    public async Task ComparePage_Phone360Arabic_NothingWiderThanTheScreen()
    {
        var advisor = await App.Factory.CreateUserAsync(Roles.Advisor, InstitutionCodes.Anapec);
        await JourneyAsync("phone-ar", "ar-MA", async page =>
        {
            await SignInAsync(page, advisor);
            var (a, b) = await PairAsync(page, Guid.NewGuid().ToString("N")[..6]);

            await page.GotoAsync($"/People/Compare/{a}/{b}?culture=ar-MA");
            await ExpectDirectionAsync(page, "rtl");
            await ScreenshotAsync(page, "compare-360-ar");
            var compare = await page.EvaluateAsync<string?>(PhoneWidthTests.MeasureScript, 360);

            foreach (var choice in await page.Locator("input[type=radio][name^='Keep['][value=B]").AllAsync())
            {
                await choice.CheckAsync();
            }

            await page.ClickAsync("#merge-continue");
            await page.Locator("#merge-submit").WaitForAsync();
            await ScreenshotAsync(page, "confirm-360-ar");
            var confirm = await page.EvaluateAsync<string?>(PhoneWidthTests.MeasureScript, 360);

            Assert.True(compare is null, "comparison at 360 px in ar: " + compare);
            Assert.True(confirm is null, "confirmation at 360 px in ar: " + confirm);
        }, phone: true);
    }
}
