namespace Mismes.Web.Catalogue;

/// <summary>Registers the Catalogue capability: its Core services, API endpoints and pages.</summary>
internal static class CatalogueModule
{
    public static IServiceCollection AddCatalogue(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapCatalogue(this IEndpointRouteBuilder app) => app;
}
