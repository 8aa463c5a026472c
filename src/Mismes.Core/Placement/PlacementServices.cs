using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Placement.Vacancies;
using Mismes.Core.People;
using Mismes.Core.Placement.Candidates;
using Mismes.Core.Placement.Matching;
using Mismes.Core.Placement.Shortlists;

namespace Mismes.Core.Placement;

public static class PlacementServices
{
    /// <summary>Placement's Core services and seeders (foreign vacancies, candidates, shortlists, seasonal campaigns), for the web host and the CLI.</summary>
    public static IServiceCollection AddPlacementCore(this IServiceCollection services)
    {
        services.AddVacancies();
        // Candidates and the matching index (one index per process, kept current from the change feed).
        services.AddScoped<CandidateService>();
        services.AddScoped<SelfRegistrationService>();
        services.AddScoped<IConsentObserver, CandidateConsentObserver>();
        services.AddSingleton<CandidateIndex>();
        services.AddScoped<CandidateIndexFeed>();
        services.AddScoped<ShortlistService>();
        services.AddScoped<IConsentObserver, ShortlistConsentObserver>();
        return services;
    }
}
