using Mismes.Core.People;
using Mismes.Web.People.Api;

namespace Mismes.Web.People;

/// <summary>Registers the People capability: its Core services, API endpoints and pages.</summary>
internal static class PeopleModule
{
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddPeopleCore();

        return services;
    }

    public static IEndpointRouteBuilder MapPeople(this IEndpointRouteBuilder app)
    {
        app.MapPeopleApi();
        return app;
    }
}
