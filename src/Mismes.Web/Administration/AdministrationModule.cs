namespace Mismes.Web.Administration;

/// <summary>Registers the Administration capability: its Core services, API endpoints and pages.</summary>
internal static class AdministrationModule
{
    public static IServiceCollection AddAdministration(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapAdministration(this IEndpointRouteBuilder app) => app;
}
