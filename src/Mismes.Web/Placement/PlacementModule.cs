using Mismes.Core.Placement;
using Mismes.Web.Platform;

namespace Mismes.Web.Placement;

/// <summary>
/// Registers the Placement capability (ANAPEC International's job): foreign vacancies, candidates and their profiles,
/// shortlists within the offer's validity, seasonal campaigns and labour-market intelligence.
/// </summary>
internal static class PlacementModule
{
    public static IServiceCollection AddPlacement(this IServiceCollection services)
    {
        services.AddPlacementCore();
        services.AddResourceSet<PlacementResource>("Placement");
        services.AddAuthorizationBuilder().AddPlacementPolicies();
        return services;
    }

    public static IEndpointRouteBuilder MapPlacement(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
