using Scalar.AspNetCore;

namespace Mismes.Web.Platform;

/// <summary>
/// The API reference page (Scalar, /api-reference) works offline and without vendor promotion: its script is served
/// by the app itself, the default fonts (loaded from a CDN) are off, and so are the hosted API client, AI agent, MCP,
/// telemetry, developer tools and dark-mode toggle; the "Powered by Scalar" link is hidden by CSS (no option for it). Its inline start-up script carries a per-request nonce that the
/// Content-Security-Policy allows (SecurityHeaders), so the page needs no 'unsafe-inline' script.
/// </summary>
internal static class ApiReference
{
    public static void Configure(ScalarOptions options) => options
        .WithTitle("Mismes API")
        .DisableDefaultFonts()
        .HideClientButton()
        .HideDarkModeToggle()
        .HideDeveloperTools()
        .DisableTelemetry()
        .DisableAgent()
        .DisableMcp()
        .WithCustomCss("a[href*='scalar.com'] { display: none !important; }")
        .WithNonce();
}
