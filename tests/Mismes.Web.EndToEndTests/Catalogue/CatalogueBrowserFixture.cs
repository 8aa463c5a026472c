using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Mismes.TestCommon;

namespace Mismes.Web.EndToEndTests.Catalogue;

/// <summary>
/// The real host on a real Kestrel port (its own SQLite database) and Debian's Chromium driven by Playwright.
/// A minimal fixture of the Catalogue branch: the Platform branch is writing the shared E2E fixture; once merged,
/// the journeys here can move onto it.
/// </summary>
public sealed class CatalogueBrowserFixture : IAsyncLifetime
{
    private readonly KestrelFactory _factory = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public static string Screenshots { get; } = Path.Combine(RepoPaths.Root, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("MISMES_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(Screenshots);
    }

    /// <summary>A new page in a fresh context (no cookies), sized like a phone when asked.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            AcceptDownloads = true,
            JavaScriptEnabled = javaScript,
            ViewportSize = phone ? new ViewportSize { Width = 360, Height = 740 } : new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }

    private sealed class KestrelFactory : MismesWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Applied early, before Program reads the connection string (the base factory's in-memory settings come too late).
            builder.UseSetting("Database:Provider", Provider == "postgres" ? "Postgres" : "Sqlite");
            builder.UseSetting("ConnectionStrings:Mismes", ConnectionString);
            builder.UseSetting("Database:MigrateAtStart", "true");
            base.ConfigureWebHost(builder);
        }
    }
}
