using Microsoft.Extensions.DependencyInjection;

namespace Mismes.Core.Placement;

public static class PlacementServices
{
    /// <summary>Placement's Core services and seeders (foreign vacancies, candidates, shortlists, seasonal campaigns), for the web host and the CLI.</summary>
    public static IServiceCollection AddPlacementCore(this IServiceCollection services)
    {
        return services;
    }
}
