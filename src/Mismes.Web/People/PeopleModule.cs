using Mismes.Core.People;
using Mismes.Web.Administration;
using Mismes.Web.People.Api;
using Mismes.Web.Platform;

namespace Mismes.Web.People;

/// <summary>Registers the People capability: its Core services, API endpoints and pages.</summary>
internal static class PeopleModule
{
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddPeopleCore();
        services.AddResourceSet<PeopleResource>("People");
        services.AddNavigationEntry(new("People.Nav", "/People", Policies.ManagePeople, 20));

        return services;
    }

    public static IEndpointRouteBuilder MapPeople(this IEndpointRouteBuilder app)
    {
        app.MapPeopleApi();
        return app;
    }
}
