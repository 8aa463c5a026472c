using Mismes.Core.Diaspora;
using Mismes.Web.Diaspora.Api;
using Mismes.Web.Platform;

namespace Mismes.Web.Diaspora;

/// <summary>
/// Registers the Diaspora capability: Moroccan experts abroad and their profiles, matched to the needs of Moroccan
/// institutions (ADR 0037).
/// </summary>
internal static class DiasporaModule
{
    public static IServiceCollection AddDiaspora(this IServiceCollection services)
    {
        services.AddDiasporaCore();
        services.AddResourceSet<DiasporaResource>("Diaspora");
        services.AddAuthorizationBuilder().AddDiasporaPolicies();
        services.AddNavigationEntry(new("Diaspora.Expert.Nav", "/Diaspora/Experts", DiasporaPolicies.ManageExperts, 45));
        services.AddNavigationEntry(new("Diaspora.Need.Nav", "/Diaspora/Needs", DiasporaPolicies.ManageNeeds, 46));
        return services;
    }

    public static IEndpointRouteBuilder MapDiaspora(this IEndpointRouteBuilder app)
    {
        app.MapExpertEndpoints();
        app.MapNeedEndpoints();
        return app;
    }
}
