using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.Evaluation;
using Mismes.TestCommon;
using Mismes.Web.EndToEndTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Mismes.Web.EndToEndTests.Evaluation;

/// <summary>
/// Issue 10: an analyst on a 360-px phone in Arabic opens the indicators, follows one indicator to its yearly series,
/// and sees the Chart.js chart drawn beside the table, with nothing wider than the screen.
/// </summary>
[Collection(MismesAppCollection.Name)]
public sealed class DashboardJourneyTests(MismesAppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Analyst_PhoneArabic_FollowsAnIndicatorToItsChart() =>
        JourneyAsync("evaluation-dashboard-ar", "ar-MA", async page =>
        {
            await using (var scope = App.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var institution = await SignInHelpers.EnsureInstitutionAsync(db, "TEST-E2E-EVAL");
                foreach (var year in new[] { 2023, 2024, 2025 })
                {
                    for (var i = 0; i < year - 2020; i++)
                    {
                        var at = new DateTimeOffset(year, 5, 1, 8, 0, 0, TimeSpan.Zero);
                        db.Add(new OutcomeEvent
                        {
                            Id = Guid.CreateVersion7(at), PersonId = Guid.NewGuid(), Kind = "placement.departed", Capability = "Placement",
                            InstitutionId = institution, At = at, Sex = "Female", AgeGroup = "25-34", MigrationPhase = "Abroad", Country = "ES",
                        });
                    }
                }

                await db.SaveChangesAsync();
            }

            var analyst = await App.Factory.CreateUserAsync(Roles.Analyst, InstitutionCodes.MinistryOfEmployment);
            await SignInAsync(page, analyst);
            await page.GotoAsync(BaseUrl + "/Evaluation?culture=ar-MA");
            await ExpectDirectionAsync(page, "rtl");
            await page.Locator("[data-indicator='departures'] a").ClickAsync();

            await Expect(page.Locator("#indicator-cells tr[data-key='2024']")).ToBeVisibleAsync();
            var drawn = await page.Locator("#indicator-chart").EvaluateAsync<bool>("c => c.width > 0 && !!Chart.getChart(c)");
            Assert.True(drawn, "the chart was not drawn");
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 360, $"the page is {width} px wide on a 360-px phone");
            await ScreenshotAsync(page, "evaluation-departures-ar");
            await AssertAccessibleAsync(page);
        }, phone: true);
}
