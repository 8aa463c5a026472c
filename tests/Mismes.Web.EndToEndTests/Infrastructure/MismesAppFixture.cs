using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using Mismes.TestCommon;

namespace Mismes.Web.EndToEndTests.Infrastructure;

/// <summary>
/// The real Mismes host on a real Kestrel port (its own SQLite database in the temp folder, environment "Testing")
/// and one headless Debian Chromium driven by Playwright. Shared by every browser test through
/// <see cref="MismesAppCollection"/>; tests open their own isolated browser contexts with
/// <see cref="BrowserTest.NewPageAsync"/>.
/// </summary>
/// <remarks>
/// Chromium comes from apt (/usr/bin/chromium, or MISMES_CHROMIUM); `playwright install` is never used.
/// Subclass and override <see cref="Configure"/> for a collection that needs other settings (e.g. demo data).
/// </remarks>
public class MismesAppFixture : IAsyncLifetime
{
    public static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public KestrelMismesFactory Factory { get; } = new();

    /// <summary>Where the host listens, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture is not started.");

    /// <summary>The host's services, e.g. to create users or records before a journey.</summary>
    public IServiceProvider Services => Factory.Services;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("MISMES_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string ScreenshotFolder => Path.Combine(RepoPaths.Root, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        Configure(Factory);
        Factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }

    /// <summary>Settings before the host starts, e.g. <c>factory.Settings["Demo:Seed"] = "true"</c>.</summary>
    protected virtual void Configure(KestrelMismesFactory factory)
    {
    }
}

/// <summary>
/// <see cref="MismesWebFactory"/> (same database handling) served by Kestrel, on real time: a browser lives in real
/// time, and a frozen clock would make cookies look expired or not yet valid.
/// </summary>
public sealed class KestrelMismesFactory : MismesWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(TimeProvider.System);
        });
    }
}
