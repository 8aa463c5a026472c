using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Mismes.Core.Administration;
using Mismes.TestCommon;
using Mismes.TestCommon.People;

namespace Mismes.Web.EndToEndTests.People;

/// <summary>
/// A minimal browser fixture for the People journey: the real host on a real Kestrel port (own SQLite database)
/// and Debian's Chromium driven by Playwright. Written here because the Platform fixture was not in this branch
/// yet; the lead can fold it into the shared one (same launch arguments).
/// </summary>
public sealed class PeopleBrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public KestrelPeopleFactory Factory { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public static string ScreenshotDirectory => Path.Combine(RepoPaths.Root, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        Factory.UseKestrel(0);
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)).Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("MISMES_CHROMIUM") ?? "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            Headless = true,
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }

    /// <summary>
    /// A browser page signed in as a new user with the role. Uses the real sign-in form when the host has one
    /// (fields Email and Password); otherwise the test-only header scheme of <see cref="PeopleWebFactory"/>.
    /// </summary>
    public async Task<IPage> SignedInPageAsync(string role, string institutionCode)
    {
        var user = await TestSignIn.CreateUserAsync(Factory.Services, role, institutionCode);
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "fr-FR" });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        // Without the Administration capability /Account/SignIn does not exist and the fallback policy redirects.
        var probe = await context.APIRequest.GetAsync("/Account/SignIn", new() { MaxRedirects = 0 });
        if (probe.Status == 200)
        {
            await page.GotoAsync("/Account/SignIn");
            await page.FillAsync("input[name=Email]", user.Email!);
            await page.FillAsync("input[name=Password]", TestSignIn.Password);
            await page.Locator("form:has(input[name=Password]) [type=submit]").First.ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        else
        {
            await context.SetExtraHTTPHeadersAsync([new(TestAuthHandler.Header, user.Id.ToString())]);
        }

        return page;
    }
}

/// <summary>The People test host on Kestrel.</summary>
public sealed class KestrelPeopleFactory : PeopleWebFactory;

[CollectionDefinition(Name)]
public sealed class PeopleBrowserCollection : ICollectionFixture<PeopleBrowserFixture>
{
    public const string Name = "People browser";
}

