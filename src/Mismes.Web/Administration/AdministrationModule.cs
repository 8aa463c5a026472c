using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Mismes.Core.Administration;
using Mismes.Web.Administration.Api;
using Mismes.Web.Platform;

namespace Mismes.Web.Administration;

/// <summary>Registers the Administration capability: its Core services, API endpoints and pages.</summary>
internal static class AdministrationModule
{
    /// <summary>API-key scope: read the audit trail of the key's institution.</summary>
    public const string AuditReadScope = "audit:read";

    public static IServiceCollection AddAdministration(this IServiceCollection services)
    {
        services.AddAdministrationCore();
        services.AddResourceSet<AdministrationResource>("Administration");
        services.AddResourceSet<Account.AccountResource>("Account");
        // The tab only for those it holds work for (users, API keys, the audit trail): administrators and programme
        // managers. /Administration and its institutions directory stay open to all staff (StaffOnly); the other
        // staff reach the directory from their home page.
        services.AddNavigationEntry(new("Administration.Nav", "/Administration", Policies.ManageUsers, 90));
        services.AddHomeLink(new("Administration.Institutions.Title", "/Administration/Institutions", Policies.StaffOnly, 90));
        services.AddWorkQueueSource<AdministrationWorkQueue>();

        // The institution id and name travel in the cookie so scoping never needs a lookup per request.
        services.RemoveAll<IUserClaimsPrincipalFactory<AppUser>>();
        services.AddScoped<IUserClaimsPrincipalFactory<AppUser>, MismesClaimsPrincipalFactory>();
        // A deactivated account cannot sign in, whichever page signs it in.
        services.Replace(ServiceDescriptor.Scoped<SignInManager<AppUser>, MismesSignInManager>());
        // Reset links ("forgot password", or sent by an administrator) work for an hour, once.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = PasswordResetService.LinkLifetime);

        // One default scheme that picks the API key handler for /api requests presenting a key and the Identity
        // cookie otherwise, so the fallback policy and every role policy accept both (docs/adr/0005-roles-and-institution-scope.md).
        services.AddAuthentication()
            .AddPolicyScheme(ApiKeyAuthentication.Selector, "Cookie or API key", o => o.ForwardDefaultSelector = ApiKeyAuthentication.SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthentication.Scheme, null);
        services.Configure<AuthenticationOptions>(o =>
        {
            o.DefaultScheme = ApiKeyAuthentication.Selector;
            o.DefaultAuthenticateScheme = ApiKeyAuthentication.Selector;
            o.DefaultChallengeScheme = ApiKeyAuthentication.Selector;
            o.DefaultForbidScheme = ApiKeyAuthentication.Selector;
        });
        services.Configure<IdentityOptions>(o =>
        {
            o.Lockout.AllowedForNewUsers = true;
            o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        });

        // Sessions live in the database and the cookie holds only their key, so signing out or a change to the
        // user's access ends the session at once on every node (docs/adr/0015-server-side-sessions.md). The store
        // ends a session after 30 idle minutes and 12 hours after sign-in; the cookie's own lifetime is the 12 hours.
        services.AddSingleton<DatabaseTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore>((o, store) =>
            {
                o.SessionStore = store;
                o.CookieManager = new SessionCookieManager(new ChunkingCookieManager());
                o.ExpireTimeSpan = UserSessions.AbsoluteTimeout;
                o.SlidingExpiration = false;
            });
        // Also re-read the security stamp every minute: any Identity change that rotates it (password reset,
        // authenticator reset) ends the session within a minute even where no code revokes it explicitly.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            // The refreshed principal is rebuilt from the database: keep when the user last proved who they are and how.
            o.OnRefreshingPrincipal = context =>
            {
                var kept = context.CurrentPrincipal?.Claims.Where(c => c.Type is MismesClaims.ConfirmedAt or "amr").ToList() ?? [];
                if (context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                {
                    identity.AddClaims(kept.Select(c => new System.Security.Claims.Claim(c.Type, c.Value)));
                }

                return Task.CompletedTask;
            };
        });

        // Two-step verification (docs/adr/0024-two-step-verification.md): sensitive pages ask for a fresh sign-in.
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<RecentAuthenticationFilter>());

        services.AddAuthorizationBuilder().AddPolicies();

        // API keys act only within the scopes their creator granted (docs/adr/0019-api-key-scopes.md); each module
        // declares the scopes of its own endpoints.
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, StaffRoleOrApiScopeHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, ApiScopeHandler>();
        services.AddScoped<ApiScopeCatalog>();
        services.AddApiScope(new(AuditReadScope, "Administration.ApiScope.AuditRead", Policies.ReadAudit, 90));
        return services;
    }

    public static IEndpointRouteBuilder MapAdministration(this IEndpointRouteBuilder app)
    {
        app.MapAuditApi();
        app.MapAdministrationApi();
        PrintDemoAccountsAtStart(app.ServiceProvider);
        return app;
    }

    /// <summary>
    /// In Development, a newcomer sees at once how to sign in. Written to the console, not the log: demo credentials
    /// are not personal data, but they do not belong in log files either.
    /// </summary>
    private static void PrintDemoAccountsAtStart(IServiceProvider services)
    {
        var environment = services.GetRequiredService<IHostEnvironment>();
        var configuration = services.GetRequiredService<IConfiguration>();
        if (!environment.IsDevelopment() || !configuration.GetValue("Demo:Seed", true))
        {
            return;
        }

        var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStarted.Register(() => Console.WriteLine(DemoAccounts.Table(DemoAccounts.Password(configuration), DemoAccounts.AuthenticatorKey(configuration))));
    }
}
