using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Mismes.Web.Administration;

namespace Mismes.Web.Platform;

/// <summary>One limit: at most <see cref="PermitLimit"/> requests per <see cref="Window"/>.</summary>
internal sealed class RateLimitRule
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>The limits (section <c>RateLimits</c>), so tests and operators can change them.</summary>
internal sealed class RateLimitSettings
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in posts from one client address, whatever the account.</summary>
    public RateLimitRule SignInPerClient { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Searches (people, catalogue, exports) per signed-in user, or per client address when anonymous.</summary>
    public RateLimitRule Search { get; set; } = new() { PermitLimit = 120, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Duplicate checks per user: each one discloses whether a person is registered.</summary>
    public RateLimitRule DuplicateCheck { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Posts of public (anonymous) forms per client address.</summary>
    public RateLimitRule PublicForm { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Requests per API key, whatever the endpoint.</summary>
    public RateLimitRule ApiKey { get; set; } = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) };
}

/// <summary>
/// Anti-automation with ASP.NET Core's rate limiter (ASVS V2.4, V6.3). Sign-in posts are limited per client address,
/// never per account name (anybody could then keep an account's owner out: failures per account are the sign-in
/// throttle's, docs/adr/0020-sign-in-throttling.md), and every request made with an API key per key (the global limiter, so no endpoint can forget it);
/// searches, duplicate checks and public forms take a named policy: <c>.RequireRateLimiting(RateLimits.Search)</c> on
/// an endpoint, <c>[EnableRateLimiting(RateLimits.Search)]</c> on a page. Over the limit the answer is 429 with
/// Retry-After: problem details under /api, the localized error page elsewhere. Counters live in each node's memory,
/// so behind N nodes a client gets up to N times a limit: acceptable for throttling, and no shared store is needed.
/// </summary>
internal static class RateLimits
{
    public const string Search = "search";
    public const string DuplicateCheck = "duplicate-check";
    public const string PublicForm = "public-form";

    /// <summary>The sign-in form's address; its posts are limited by client.</summary>
    public const string SignInPath = "/Account/SignIn";

    /// <summary>
    /// The forms that guess or spend something of an account (sign-in and its second step, forgot and reset
    /// password): their posts are limited by client like sign-in, each form with its own count.
    /// </summary>
    public static readonly IReadOnlyList<string> AccountFormPaths = [SignInPath, "/Account/ForgotPassword", "/Account/ResetPassword"];

    internal static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitSettings>().BindConfiguration(RateLimitSettings.Section);
        services.AddRateLimiter(_ => { });
        services.AddSingleton<IConfigureOptions<RateLimiterOptions>, ConfigureLimits>();
        return services;
    }

    /// <summary>After authentication (API keys and users are known), before the endpoints.</summary>
    internal static IApplicationBuilder UseRateLimits(this IApplicationBuilder app) => app.UseRateLimiter();

    /// <summary>The account form this request posts to, or null.</summary>
    private static string? AccountFormPost(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
            ? AccountFormPaths.FirstOrDefault(p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase))
            : null;

    internal static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string UserOrClient(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } id
            ? "user:" + id
            : "client:" + ClientAddress(context);

    private static RateLimitPartition<string> Fixed(string key, RateLimitRule rule) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, rule.PermitLimit),
            Window = rule.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static RateLimitPartition<string> None() => RateLimitPartition.GetNoLimiter("none");

    private sealed class ConfigureLimits(IOptions<RateLimitSettings> settings) : IConfigureOptions<RateLimiterOptions>
    {
        public void Configure(RateLimiterOptions options)
        {
            var s = settings.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.AddPolicy(Search, context => Fixed(UserOrClient(context), s.Search));
            options.AddPolicy(DuplicateCheck, context => Fixed(UserOrClient(context), s.DuplicateCheck));
            options.AddPolicy(PublicForm, context => Fixed("client:" + ClientAddress(context), s.PublicForm));
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    AccountFormPost(context) is { } form ? Fixed(form.ToLowerInvariant() + " client:" + ClientAddress(context), s.SignInPerClient) : None()),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    context.User.FindFirst(MismesClaims.ApiKeyId)?.Value is { } keyId ? Fixed("key:" + keyId, s.ApiKey) : None()));
        }

        private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
        {
            var http = rejected.HttpContext;
            var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                : 60;
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimits))
                .LogWarning("Rate limit reached on {Method} {Path}", http.Request.Method, http.Request.Path);
            if (!ErrorHandling.IsApi(http))
            {
                return; // an empty 429: the status code pages show the localized /Error/429 page
            }

            var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = l["Error.TooManyRequests.Title"],
                    Detail = l["Error.TooManyRequests.Text"],
                },
            });
        }
    }
}
