using Microsoft.Playwright;
using Mismes.Web.EndToEndTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Mismes.Web.EndToEndTests.Platform;

/// <summary>The API reference renders in a real browser offline: no request leaves the host, the CSP blocks nothing.</summary>
[Collection(MismesAppCollection.Name)]
public sealed class ApiReferenceJourneyTests(MismesAppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task ApiReference_Offline_RendersWithoutExternalRequestsOrCspViolations() => JourneyAsync("api-reference", "en", async page =>
    {
        var external = new List<string>();
        var violations = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(BaseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                external.Add(request.Url);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        await page.GotoAsync("/api-reference/");

        await Expect(page.GetByText("Mismes API").First).ToBeVisibleAsync(new() { Timeout = TimeoutMs });
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "People", Exact = true })).ToBeVisibleAsync(new() { Timeout = TimeoutMs });
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Powered by Scalar" })).ToBeHiddenAsync();
        await ScreenshotAsync(page, "api-reference");
        Assert.Empty(external);
        Assert.Empty(violations);
    });
}
