using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Mismes.Core.Administration;
using Mismes.Core.Data;

namespace Mismes.Web.EndToEndTests.People;

[Collection(PeopleBrowserCollection.Name)]
public sealed class AdvisorJourneyTests(PeopleBrowserFixture fixture)
{
    private async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PeopleBrowserFixture.ScreenshotDirectory, $"people-{name}.png"), FullPage = true });

    private static async Task FillPersonAsync(IPage page, string first, string last, string? firstArabic, string? lastArabic, string birthDate)
    {
        await page.FillAsync("#Input_FirstNameLatin", first);
        await page.FillAsync("#Input_LastNameLatin", last);
        if (firstArabic is not null)
        {
            await page.FillAsync("#Input_FirstNameArabic", firstArabic);
            await page.FillAsync("#Input_LastNameArabic", lastArabic!);
        }

        await page.FillAsync("#Input_BirthDate", birthDate);
        await page.SelectOptionAsync("#Input_Sex", "Male");
        await page.SelectOptionAsync("#Input_MigrationStatus", "ProspectiveMigrant");
        await page.SelectOptionAsync("#Input_RegionCode", "MA-01");
        await page.SelectOptionAsync("#Input_ProvinceCode", "TNG");
        await page.SelectOptionAsync("#Input_Languages_0__Language", "es");
        await page.SelectOptionAsync("#Input_Languages_0__Level", "A2");
    }

    [Fact]
    public async Task Advisor_CreatesPersonThenTransliterationVariant_GetsDuplicateWarningAndSeesAuditedHistory()
    {
        var page = await fixture.SignedInPageAsync(Roles.Advisor, "ANAPEC-E2E");
        try
        {
            // 1. The registry, then the create form.
            await page.GotoAsync("/People?culture=fr");
            await page.ClickAsync("#create-person");
            await page.WaitForURLAsync("**/People/Create");

            // 2. Register Mohamed El Amrani.
            await FillPersonAsync(page, "Mohamed", "El Amrani", "محمد", "العمراني", "1992-05-17");
            await ShotAsync(page, "1-create");
            await page.ClickAsync("#save");
            await page.WaitForURLAsync("**/People/Details/**");
            Assert.Equal("Mohamed El Amrani", (await page.InnerTextAsync("#person-name")).Trim());
            var firstUrl = new Uri(page.Url).AbsolutePath;

            // 3. Register "Mohammed Elamrani", same birth date: the duplicate warning names the first record.
            await page.GotoAsync("/People/Create");
            await FillPersonAsync(page, "Mohammed", "Elamrani", null, null, "1992-05-17");
            await page.ClickAsync("#save");
            var warning = page.Locator("#duplicate-warning");
            await warning.WaitForAsync();
            Assert.Contains("Doublon possible", await warning.InnerTextAsync(), StringComparison.Ordinal);
            var existing = warning.Locator($"a[href='{firstUrl}']").First;
            Assert.Equal("Mohamed El Amrani", (await existing.InnerTextAsync()).Trim());
            Assert.True(await page.Locator("#create-anyway").IsVisibleAsync());
            await ShotAsync(page, "2-duplicate-warning");

            // 4. Open the existing record: its history shows the audited creation, and the read is in the audit trail.
            await existing.ClickAsync();
            await page.WaitForURLAsync("**" + firstUrl);
            var created = page.Locator("#history li[data-kind=Created]");
            await created.WaitForAsync();
            Assert.Contains("Fiche créée", await created.InnerTextAsync(), StringComparison.Ordinal);
            await ShotAsync(page, "3-history");

            var personId = firstUrl.Split('/')[^1];
            await using var scope = fixture.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var audit = await db.Set<AuditEntry>().Where(a => a.RecordType == "Person" && a.RecordId == personId).ToListAsync();
            Assert.Contains(audit, a => a.Action == AuditAction.Create);
            Assert.Contains(audit, a => a.Action == AuditAction.Read);
            Assert.Single(await db.Set<Mismes.Core.People.Person>().Where(p => p.BirthDate == new DateOnly(1992, 5, 17)).ToListAsync());
        }
        catch
        {
            await ShotAsync(page, "failure");
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Registry_InArabic_IsRightToLeft()
    {
        var page = await fixture.SignedInPageAsync(Roles.CaseWorker, "IOM-E2E");
        try
        {
            await page.GotoAsync("/People?culture=ar-MA");

            Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
            Assert.Contains("سجل الأشخاص", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
            await ShotAsync(page, "4-registry-ar");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
