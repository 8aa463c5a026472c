using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Data;
using Mismes.Core.People;
using Mismes.Core.Placement.Candidates;
using Mismes.Web.EndToEndTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Mismes.Web.EndToEndTests.Placement;

/// <summary>
/// A citizen registers herself for work abroad on a 360-px phone, in Arabic, without JavaScript: one question per
/// page, a mistake shown in the error summary, "check your answers" with a change, and the confirmation saying what
/// happens next. The person, her consent and her candidate profile are in the database.
/// </summary>
[Collection(MismesAppCollection.Name)]
public sealed class SelfRegistrationJourneyTests(MismesAppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task SelfRegistration_ArabicPhoneNoJavaScript_CreatesPersonConsentAndProfile() =>
        JourneyAsync("self-registration-ar", "ar-MA", async page =>
        {
            var vacancy = Guid.NewGuid();
            await page.GotoAsync($"/Placement/Register?vacancy={vacancy}&culture=ar-MA");
            await ExpectDirectionAsync(page, "rtl");
            await Expect(page.Locator("#from-vacancy")).ToBeVisibleAsync();
            await ScreenshotAsync(page, "register-start-ar");
            await page.Locator("#continue").ClickAsync();

            var family = "Ouazzani" + Guid.NewGuid().ToString("N")[..6];
            await page.Locator("#FirstNameLatin").FillAsync("Naima");
            await page.Locator("#LastNameLatin").FillAsync(family);
            await page.Locator("#FirstNameArabic").FillAsync("نعيمة");
            await page.Locator("#continue").ClickAsync();

            // A date that does not exist: the error summary links to the field, in Arabic.
            await page.Locator("#BirthDate").FillAsync("31");
            await page.Locator("#BirthDate-month").FillAsync("2");
            await page.Locator("#BirthDate-year").FillAsync("1994");
            await page.Locator("#continue").ClickAsync();
            await Expect(page.Locator("[data-testid='error-summary'] a[href='#BirthDate']")).ToContainTextAsync("تاريخ");
            await ScreenshotAsync(page, "register-birthdate-error-ar");
            await page.Locator("#BirthDate").FillAsync("21");
            await page.Locator("#continue").ClickAsync();

            await page.Locator("label[for='Sex']").ClickAsync();
            await page.Locator("#continue").ClickAsync();

            await page.Locator("#Phone").FillAsync("06 61 23 45 67");
            await page.Locator("#continue").ClickAsync();

            await page.Locator("#AgencyId").CheckAsync();
            await page.Locator("#continue").ClickAsync();

            await page.Locator("#occupationText").FillAsync("طباخ");
            await page.Locator("#search-occupation").ClickAsync();
            await page.Locator("#occupation-0").CheckAsync();
            await ScreenshotAsync(page, "register-occupation-ar");
            await page.Locator("#continue").ClickAsync();

            await page.Locator("#ExperienceYears").FillAsync("3");
            await page.Locator("#continue").ClickAsync();

            await page.Locator("#country-ES").CheckAsync();
            await page.Locator("#continue").ClickAsync();

            await Expect(page.Locator("#consent-notice")).ToBeVisibleAsync();
            await page.Locator("#Share").CheckAsync();
            await page.Locator("#continue").ClickAsync();

            // Check your answers, change one, and come back to the check page.
            await Expect(page.Locator("#answers")).ToContainTextAsync(family);
            await page.Locator("button[value='change:Countries']").ClickAsync();
            await page.Locator("#country-DE").CheckAsync();
            await page.Locator("#continue").ClickAsync();
            await Expect(page.Locator("#answers")).ToContainTextAsync("ألمانيا");
            await ScreenshotAsync(page, "register-check-ar");
            await page.Locator("#continue").ClickAsync();

            await Expect(page.Locator("#confirmation")).ToBeVisibleAsync();
            await Expect(page.Locator("#reference")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9A-F]{8}$"));
            await ScreenshotAsync(page, "register-done-ar");
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 360, $"confirmation is {width} px wide");

            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var person = await db.Set<Person>().SingleAsync(p => p.LastNameLatin == family);
            Assert.Equal("نعيمة", person.FirstNameArabic);
            Assert.Equal(new DateOnly(1994, 2, 21), person.BirthDate);
            var consent = await db.Set<ConsentRecord>().SingleAsync(c => c.PersonId == person.Id);
            Assert.True(consent.Given);
            Assert.Equal(ConsentChannel.Web, consent.Channel);
            var candidate = await db.Set<Candidate>().Include(c => c.Occupations).SingleAsync(c => c.PersonId == person.Id);
            Assert.Equal(vacancy, candidate.AppliedVacancyId);
            Assert.Equal(CandidateSource.SelfRegistration, candidate.Source);
            Assert.Equal("DE,ES", candidate.CountriesWanted);
            Assert.Equal(36, Assert.Single(candidate.Occupations).ExperienceMonths);
        }, phone: true, javaScript: false);
}
