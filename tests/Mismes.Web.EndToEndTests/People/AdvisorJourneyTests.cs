using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.TestCommon;
using Mismes.Web.EndToEndTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Mismes.Web.EndToEndTests.People;

/// <summary>
/// Issue 2's advisor journey: an advisor of a demo ANAPEC agency signs in through the real sign-in page, registers a
/// person, gets the duplicate warning for a transliteration variant, and the creation is in the person's history and
/// in the audit trail (read by a programme manager of the same agency: advisors may not read the audit trail).
/// </summary>
[Collection(MismesAppCollection.Name)]
public sealed class AdvisorJourneyTests(MismesAppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
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

    /// <summary>The demo ANAPEC agency of Tanger (under ANAPEC), as the demo data set has it.</summary>
    private async Task<string> DemoAnapecAgencyAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!await db.Set<Institution>().AnyAsync(i => i.Code == DemoInstitutions.AnapecTanger))
        {
            var anapec = await db.Set<Institution>().SingleAsync(i => i.Code == InstitutionCodes.Anapec);
            db.Set<Institution>().Add(new Institution
            {
                Id = Guid.NewGuid(),
                Code = DemoInstitutions.AnapecTanger,
                Name = "ANAPEC Tanger (démo)",
                Kind = InstitutionKind.PublicEmploymentService,
                ParentId = anapec.Id,
                IsDemo = true,
            });
            await db.SaveChangesAsync();
        }

        return DemoInstitutions.AnapecTanger;
    }

    [Fact]
    public async Task Advisor_CreatesPersonThenTransliterationVariant_GetsDuplicateWarningAndSeesAuditedHistory()
    {
        var agency = await DemoAnapecAgencyAsync();
        var advisor = await App.Factory.CreateUserAsync(Roles.Advisor, agency);
        var manager = await App.Factory.CreateUserAsync(Roles.ProgrammeManager, agency);
        var firstUrl = "";
        await JourneyAsync("advisor", "fr", async page =>
        {
            // 1. Sign in through the real page, then the registry and the create form.
            await SignInAsync(page, advisor);
            await page.GotoAsync("/People?culture=fr");
            await page.ClickAsync("#create-person");
            await page.WaitForURLAsync("**/People/Create");

            // 2. Register Mohamed El Amrani.
            await FillPersonAsync(page, "Mohamed", "El Amrani", "محمد", "العمراني", "1992-05-17");
            await ScreenshotAsync(page, "1-create");
            await page.ClickAsync("#save");
            await page.WaitForURLAsync("**/People/Details/**");
            Assert.Equal("Mohamed El Amrani", (await page.InnerTextAsync("#person-name")).Trim());
            firstUrl = new Uri(page.Url).AbsolutePath;

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
            await ScreenshotAsync(page, "2-duplicate-warning");

            // 4. Open the existing record: its history shows the creation.
            await existing.ClickAsync();
            await page.WaitForURLAsync("**" + firstUrl);
            var created = page.Locator("#history li[data-kind=Created]");
            await created.WaitForAsync();
            Assert.Contains("Test Advisor", await created.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("a créé la fiche", await created.InnerTextAsync(), StringComparison.Ordinal);
            await Expect(page.Locator("#audit-link")).ToHaveCountAsync(0); // advisors may not read the audit trail
            await ScreenshotAsync(page, "3-history");
        });

        // 5. A programme manager of the same agency follows the record's audit link: who created and read it.
        var personId = firstUrl.Split('/')[^1];
        await JourneyAsync("audit", "fr", async page =>
        {
            await SignInAsync(page, manager);
            await page.GotoAsync(firstUrl + "?culture=fr");
            await page.ClickAsync("#audit-link");
            await page.WaitForURLAsync("**/Administration/Audit?*");
            // Sentences that say who acted, by name and institution: "Test Advisor (…) a créé la fiche de …".
            var byAdvisor = page.Locator("#audit-table li").Filter(new LocatorFilterOptions { HasText = "Test Advisor (" });
            await Expect(byAdvisor.Filter(new LocatorFilterOptions { HasText = "a créé la fiche de" })).ToHaveCountAsync(1);
            await ScreenshotAsync(page, "4-audit");
        });

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var audit = await db.Set<AuditEntry>().Where(a => a.RecordType == "Person" && a.RecordId == personId).ToListAsync();
        Assert.Contains(audit, a => a.Action == AuditAction.Create && a.UserId == advisor.Id);
        Assert.Contains(audit, a => a.Action == AuditAction.Read && a.UserId == advisor.Id);
        Assert.Single(await db.Set<Mismes.Core.People.Person>().Where(p => p.BirthDate == new DateOnly(1992, 5, 17)).ToListAsync());
    }

    [Fact]
    public async Task Registry_InArabic_IsRightToLeft()
    {
        var caseWorker = await App.Factory.CreateUserAsync(Roles.CaseWorker, "IOM-E2E");
        await JourneyAsync("registry-ar", "ar-MA", async page =>
        {
            await SignInAsync(page, caseWorker);
            await page.GotoAsync("/People?culture=ar-MA");

            await ExpectDirectionAsync(page, "rtl");
            Assert.Contains("سجل الأشخاص", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
            await ScreenshotAsync(page, "registry-ar");
        });
    }
}
