using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.Seeding;
using Mismes.Web.Platform.Jobs;
using Scalar.AspNetCore;

namespace Mismes.Web.Platform;

/// <summary>What every capability stands on: database, identity, languages, errors, OpenAPI, health, telemetry.</summary>
internal static class PlatformSetup
{
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.Host.UseDefaultServiceProvider(o =>
        {
            o.ValidateOnBuild = true;
            o.ValidateScopes = true;
        });

        services.AddMismesDatabase(builder.Configuration);

        // Keys live in the database so several stateless web nodes can read each other's cookies, encrypted there.
        builder.AddMismesDataProtection();
        builder.AddSecurityHeaders();
        services.AddSingleton<PublicLinks>();
        services.AddRateLimits();

        services.AddIdentity<AppUser, IdentityRole<Guid>>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/SignIn";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "mismes.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // APIs answer 401/403 instead of redirecting to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => RedirectOrStatus(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                var user = ctx.HttpContext.RequestServices.GetRequiredService<ICurrentUser>();
                SecurityEvents.AccessDenied(ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Mismes.Security"),
                    ctx.Request.Path, user.UserId, user.ClientAddress);
                return RedirectOrStatus(ctx, StatusCodes.Status403Forbidden);
            };
        });

        services.AddAuthorizationBuilder()
            // Everything needs a signed-in user unless it is on the public allow-list ([AllowAnonymous]).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddHttpContextAccessor();
        // The layout's links come from the capabilities' AddNavigationEntry calls (none: an empty menu).
        services.AddScoped<NavigationMenu>();
        // Each signed-in user's home: the capabilities fill its work queue (AddWorkQueueSource, Platform/WorkQueue.cs).
        services.AddRoleHome();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Cultures.Supported.Select(Cultures.Create).ToList();
            o.DefaultRequestCulture = new RequestCulture(Cultures.Default);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new SupportedCultureProvider(new QueryStringRequestCultureProvider { QueryStringKey = "culture", UIQueryStringKey = "culture" }),
                new SupportedCultureProvider(new CookieRequestCultureProvider()),
                new SupportedCultureProvider(new AcceptLanguageHeaderRequestCultureProvider()),
            ];
        });

        // Feature folders: src/Mismes.Web/People/Pages/Index.cshtml serves /People (see FeatureFolderRoutes).
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/";
                o.Conventions.Add(new FeatureFolderRoutes());
            })
            .AddMvcOptions(o => o.ModelMetadataDetailsProviders.Add(new LocalizedValidationMetadataProvider()))
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));

        // Arabic and accented text stays readable in the HTML source instead of becoming numeric entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<MvcOptions>, LocalizedModelBindingMessages>();

        services.AddErrorHandling();
        // The OpenAPI document: security schemes, scopes and problem-details answers per operation (ApiDocument).
        services.AddApiDocument();
        services.AddHealth();
        builder.AddTelemetry();
        services.AddJobRunner();
        return builder;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        // Production refuses to start without a public base URL (absolute links never come from the Host header).
        _ = app.Services.GetRequiredService<PublicLinks>();
        app.UseSecurityHeaders();

        // Culture first, so error pages re-executed below are in the user's language too.
        app.UseRequestLocalization();
        app.UseErrorHandling();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = f => SecurityHeaders.MarkStaticFile(f.Context) });
        app.UseRouting();
        app.UseAuthentication();
        Mismes.Web.Administration.TwoFactorGate.UseTwoFactorGate(app);
        app.UseRateLimits();
        app.UseNotFoundForUnmatchedRoutes();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapPlatformEndpoints(this WebApplication app)
    {
        app.MapHealth();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api-reference", ApiReference.Configure).AllowAnonymous();
        app.MapCultureSelection();
        app.MapEscoEndpoints();
        app.MapRazorPages();
        return app;
    }

    /// <summary>
    /// Migrates at start in Development (and in tests, with Database:MigrateAtStart); elsewhere `mismes migrate` does it.
    /// Reference data follows every migration; the demo data set only where Demo:Seed is on (Development default),
    /// and never in Production.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var migrateAtStart = app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("Database:MigrateAtStart");
        if (!migrateAtStart)
        {
            await ProductionSafety.RefuseDemoDataAsync(app);
            return;
        }

        var ct = app.Lifetime.ApplicationStopping;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseSetup.MigrateAsync(db, ct);
        var seeds = scope.ServiceProvider.GetRequiredService<SeedRunner>();
        await seeds.SeedReferenceDataAsync(ct);
        if (app.Configuration.GetValue("Demo:Seed", app.Environment.IsDevelopment()) && !app.Environment.IsProduction())
        {
            await seeds.SeedDemoDataAsync(ct);
        }

        await ProductionSafety.RefuseDemoDataAsync(app);
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
