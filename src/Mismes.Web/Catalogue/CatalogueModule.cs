using Mismes.Core.Catalogue;
using Mismes.Web.Catalogue.Api;
using Mismes.Web.Platform;

namespace Mismes.Web.Catalogue;

/// <summary>Registers the Catalogue capability: its Core services, API endpoints and pages.</summary>
internal static class CatalogueModule
{
    /// <summary>API-key scope: add and change the measures the key's institution implements (reading is public).</summary>
    public const string WriteScope = "catalogue:write";

    public static IServiceCollection AddCatalogue(this IServiceCollection services)
    {
        services.AddCatalogueCore();
        services.AddScoped<CatalogueLabels>();
        services.AddResourceSet<CatalogueResource>("Catalogue");
        // The public catalogue is open to everyone, signed in or not.
        services.AddNavigationEntry(new("Catalogue.Nav", "/Catalogue", null, 10));
        services.AddWorkQueueSource<CatalogueWorkQueue>();
        services.AddApiScope(new(WriteScope, "Catalogue.ApiScope.Write", Mismes.Web.Administration.Policies.ManageCatalogue, 30));
        return services;
    }

    public static IEndpointRouteBuilder MapCatalogue(this IEndpointRouteBuilder app)
    {
        app.MapMeasureEndpoints();
        app.MapCatalogueExport();
        return app;
    }
}
