using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Mismes.Web.Platform;

/// <summary>
/// The headers every answer carries (ASVS V3.4): a Content-Security-Policy without inline script or style (so markup
/// injected into a page cannot run), nosniff, no referrer (URLs hold record ids), no browser features, no framing;
/// HSTS for a year outside Development; <c>Cache-Control: no-store</c> on every answer to a signed-in user or API key
/// (they carry personal data; static files and public pages may be cached); no Server header. TLS usually ends at a
/// proxy: X-Forwarded-For/-Proto are believed only from the proxies and networks listed in <c>ForwardedHeaders</c>.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>HttpContext.Items key set by the static file middleware, so static files keep their caching.</summary>
    private const string StaticFileMarker = "Mismes.StaticFile";

    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });

        var proxies = builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var networks = builder.Configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;

            // Only the configured proxies (none by default: loopback only) may say which client and scheme a request had.
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }

    /// <summary>First in the pipeline, so the client address and scheme are right for everything after (HSTS, rate limits, audit).</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Apply(context);
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>Marks a static file answer (StaticFileOptions.OnPrepareResponse) so it keeps being cacheable.</summary>
    public static void MarkStaticFile(HttpContext context) => context.Items[StaticFileMarker] = true;

    /// <summary>The policy for one answer; pages of the API reference (Scalar) get their script nonce and inline styles.</summary>
    internal static string ContentSecurityPolicy(string? scriptNonce)
    {
        var script = scriptNonce is null ? "'self'" : $"'self' 'nonce-{scriptNonce}'";

        // Scalar's Vue components write <style> elements at run time; only its page allows them.
        var style = scriptNonce is null ? "'self'" : "'self' 'unsafe-inline'";
        return $"default-src 'self'; script-src {script}; style-src {style}; img-src 'self' data:; font-src 'self'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        var nonce = context.Items.TryGetValue(Scalar.AspNetCore.ScalarOptions.NonceHttpContextItemKey, out var value) ? value as string : null;
        headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.Remove("Server");
        if (context.User.Identity?.IsAuthenticated == true && !context.Items.ContainsKey(StaticFileMarker))
        {
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }
    }
}
