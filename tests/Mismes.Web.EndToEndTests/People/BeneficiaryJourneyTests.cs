using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.People;
using Mismes.TestCommon;
using Mismes.TestCommon.People;
using Mismes.Web.EndToEndTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Mismes.Web.EndToEndTests.People;

/// <summary>
/// Issue 6, 2.7: a beneficiary on a phone, without JavaScript, signs in, lands on their home, opens "my record" and
/// takes back one consent with one button; the withdrawal is in the record. In Arabic (right to left) and French.
/// </summary>
[Collection(MismesAppCollection.Name)]
public sealed class BeneficiaryJourneyTests(MismesAppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Theory]
    [InlineData("ar-MA", "أسحب موافقتي", "rtl")]
    [InlineData("fr", "Je retire mon accord", "ltr")]
    public Task MyRecord_NoJavaScript_WithdrawsOneConsentInOneStep(string culture, string withdraw, string dir) =>
        JourneyAsync("beneficiary-withdraw-" + culture, culture, async page =>
        {
            var user = await App.Factory.CreateUserAsync(Roles.Beneficiary, InstitutionCodes.Anapec);
            var person = await App.Services.AddLinkedRecordAsync(user, App.Factory.Clock.GetUtcNow());

            await SignInAsync(page, user.Email, user.Password);
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Home$"));
            await page.Locator("main a[href='/People/MyRecord']").ClickAsync();
            await ExpectDirectionAsync(page, dir);
            await Expect(page.Locator("[data-purpose]")).ToHaveCountAsync(2);
            await ScreenshotAsync(page, $"my-record-{culture}");

            await page.Locator("[data-purpose='ShareProfileWithForeignEmployers'] button", new() { HasText = withdraw }).ClickAsync();

            await Expect(page.Locator("[data-testid='withdrawn']")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-purpose]")).ToHaveCountAsync(1);
            await Expect(page.Locator("[data-purpose='ShareProfileWithForeignEmployers']")).ToHaveCountAsync(0);
            await ScreenshotAsync(page, $"my-record-withdrawn-{culture}");

            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var consents = await db.Set<ConsentRecord>().Where(c => c.PersonId == person && c.Purpose == ConsentPurpose.ShareProfileWithForeignEmployers).ToListAsync();
            var latest = consents.OrderByDescending(c => c.At).ThenByDescending(c => c.Id).First();
            Assert.False(latest.Given);
            Assert.Equal(ConsentChannel.Web, latest.Channel);
        }, phone: true, javaScript: false);
}
