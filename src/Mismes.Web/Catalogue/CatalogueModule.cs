using Mismes.Core.Administration;
using Mismes.Core.Catalogue;
using Mismes.Core.Seeding;
using Mismes.Web.Administration;
using Mismes.Web.Catalogue.Api;

namespace Mismes.Web.Catalogue;

/// <summary>Registers the Catalogue capability: its Core services, API endpoints and pages.</summary>
internal static class CatalogueModule
{
    public static IServiceCollection AddCatalogue(this IServiceCollection services)
    {
        services.AddScoped<CatalogueService>();
        services.AddScoped<IReferenceDataSeeder, CatalogueSeeder>();
        services.AddScoped<CatalogueLabels>();
        // Same rule as the Administration branch's policy list (programme managers and administrators); registering
        // it here too keeps the catalogue self-contained, and a second registration of the same name just replaces it.
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.ManageCatalogue, p => p.RequireRole(Roles.ProgrammeManager, Roles.Administrator));
        return services;
    }

    public static IEndpointRouteBuilder MapCatalogue(this IEndpointRouteBuilder app)
    {
        app.MapMeasureEndpoints();
        app.MapCatalogueExport();
        return app;
    }
}
