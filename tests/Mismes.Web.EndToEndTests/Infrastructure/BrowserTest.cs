using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Mismes.TestCommon;
using Xunit.Abstractions;

namespace Mismes.Web.EndToEndTests.Infrastructure;

/// <summary>
/// Base class for browser journeys: pages in a given language, sign-in, screenshots at key steps and on failure,
/// and an accessibility check. Each test gets fresh browser contexts (no shared cookies), closed at the end.
/// </summary>
/// <example>
/// <code>
/// [Collection(MismesAppCollection.Name)]
/// public sealed class VisitorJourneyTests(MismesAppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
/// {
///     [Fact]
///     public Task Catalogue_Arabic_IsRightToLeft() => JourneyAsync("catalogue-ar", "ar-MA", async page =>
///     {
///         await page.GotoAsync("/Catalogue");
///         await ExpectDirectionAsync(page, "rtl");
///         await ScreenshotAsync(page, "catalogue-ar");
///     });
/// }
/// </code>
/// </example>
public abstract class BrowserTest(MismesAppFixture app, ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Generous: two CPU cores are shared by the whole test run.</summary>
    protected const float TimeoutMs = 30_000;

    private readonly List<IBrowserContext> _contexts = [];

    protected MismesAppFixture App { get; } = app;

    protected ITestOutputHelper Output { get; } = output;

    protected string BaseUrl => App.BaseUrl;

    /// <summary>
    /// A new page in its own browser context whose browser language is <paramref name="culture"/> (Accept-Language),
    /// with relative URLs resolved against the host. <paramref name="phone"/> gives a 360 × 780 viewport;
    /// <paramref name="javaScript"/> false checks that a page works without scripts.
    /// </summary>
    protected async Task<IPage> NewPageAsync(string culture = "fr", bool phone = false, bool javaScript = true)
    {
        var context = await App.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = culture,
            JavaScriptEnabled = javaScript,
            ViewportSize = phone ? new ViewportSize { Width = 360, Height = 780 } : new ViewportSize { Width = 1280, Height = 900 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(TimeoutMs);
        context.SetDefaultNavigationTimeout(TimeoutMs);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Signs in through the real sign-in page (fields Email and Password) and, for an account with two-step
    /// verification (Administrator, ProgrammeManager), the second step with the code its authenticator app would show
    /// now; waits to leave the sign-in pages. When a page stays, fails with what it says (e.g. its error summary).
    /// </summary>
    protected async Task SignInAsync(IPage page, TestUser user)
    {
        await page.GotoAsync("/Account/SignIn");
        var form = page.Locator("form").Filter(new LocatorFilterOptions { Has = page.Locator("input[name='Email']") });
        await form.Locator("input[name='Email']").FillAsync(user.Email);
        await form.Locator("input[name='Password']").FillAsync(user.Password);
        await form.Locator("button[type='submit'], input[type='submit']").First.ClickAsync();
        await LeaveAsync(page, "/Account/SignIn?", user.Email);
        if (page.Url.Contains("/Account/SignInCode", StringComparison.OrdinalIgnoreCase))
        {
            var key = user.AuthenticatorKey ?? throw new InvalidOperationException($"{user.Email} has two-step verification on but the test does not know its key.");
            await page.Locator("input[name='Code']").FillAsync(SignInHelpers.CurrentCode(key));
            await page.Locator("#submit-code").ClickAsync();
            await LeaveAsync(page, "/Account/SignInCode", user.Email);
        }
    }

    private static async Task LeaveAsync(IPage page, string signInPage, string email)
    {
        try
        {
            await page.WaitForURLAsync(
                url => !url.Contains(signInPage, StringComparison.OrdinalIgnoreCase) && !url.EndsWith("/Account/SignIn", StringComparison.OrdinalIgnoreCase),
                new PageWaitForURLOptions { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            var said = await page.Locator("main").InnerTextAsync();
            throw new InvalidOperationException($"Sign-in as {email} did not leave {signInPage}. It says: {said}");
        }
    }

    /// <summary>Runs a journey on a new page; on failure saves "{name}-failure.png" before rethrowing.</summary>
    protected async Task JourneyAsync(string name, string culture, Func<IPage, Task> journey, bool phone = false, bool javaScript = true)
    {
        var page = await NewPageAsync(culture, phone, javaScript);
        try
        {
            await journey(page);
        }
        catch
        {
            await ScreenshotAsync(page, name + "-failure");
            throw;
        }
    }

    /// <summary>Full-page screenshot in artifacts/screenshots/{TestClass}-{name}.png.</summary>
    protected async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var file = Path.Combine(MismesAppFixture.ScreenshotFolder, $"{GetType().Name}-{Safe(name)}.png");
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            Output.WriteLine($"screenshot: {file}");
        }
        catch (PlaywrightException e)
        {
            Output.WriteLine($"screenshot {file} failed: {e.Message}");
        }

        return file;
    }

    /// <summary>Asserts the page has the given text direction on its html element.</summary>
    protected static async Task ExpectDirectionAsync(IPage page, string dir) =>
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", dir);

    /// <summary>Runs axe-core on the page and fails on serious or critical violations, listing them.</summary>
    protected async Task AssertAccessibleAsync(IPage page)
    {
        var results = await page.RunAxe();
        var blocking = results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} ({v.Nodes.Length} node(s), e.g. {v.Nodes.FirstOrDefault()?.Html})")
            .ToList();
        foreach (var violation in results.Violations)
        {
            Output.WriteLine($"axe {violation.Impact} {violation.Id}: {violation.Help}");
        }

        Assert.True(blocking.Count == 0, "Accessibility violations:\n" + string.Join('\n', blocking));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }

    private static string Safe(string name) => Regex.Replace(name, "[^A-Za-z0-9_.-]", "-");
}
