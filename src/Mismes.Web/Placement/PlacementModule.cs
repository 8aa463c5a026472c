using Mismes.Core.Placement;
using Mismes.Web.Placement.Api;
using Mismes.Web.Platform;

namespace Mismes.Web.Placement;

/// <summary>
/// Registers the Placement capability (ANAPEC International's job): foreign vacancies, candidates and their profiles,
/// shortlists within the offer's validity, seasonal campaigns and labour-market intelligence.
/// </summary>
internal static class PlacementModule
{
    /// <summary>API-key scopes: read a key's institution's vacancies; add and change them.</summary>
    public const string ReadScope = "placement:read";

    public const string WriteScope = "placement:write";

    public static IServiceCollection AddPlacement(this IServiceCollection services)
    {
        services.AddPlacementCore();
        services.AddResourceSet<PlacementResource>("Placement");
        services.AddAuthorizationBuilder().AddPlacementPolicies();
        services.AddVacancyWeb();

        // Candidates: the staff list, and the index every node keeps in memory (built at start, fed by the change feed).
        services.AddNavigationEntry(new("Placement.Candidate.Nav", "/Placement/Candidates", PlacementPolicies.ManageCandidates, 35));
        services.AddOptions<CandidateIndexOptions>().BindConfiguration("Placement:Index");
        services.AddHostedService<CandidateIndexWorker>();
        return services;
    }

    public static IEndpointRouteBuilder MapPlacement(this IEndpointRouteBuilder app)
    {
        app.MapVacancyEndpoints();
        app.MapCandidateEndpoints();
        return app;
    }
}
