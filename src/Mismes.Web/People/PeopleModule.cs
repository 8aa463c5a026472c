using Mismes.Core.Administration;
using Mismes.Core.People;
using Mismes.Web.Administration;
using Mismes.Web.People.Api;

namespace Mismes.Web.People;

/// <summary>Registers the People capability: its Core services, API endpoints and pages.</summary>
internal static class PeopleModule
{
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddPeopleCore();

        // Administration owns the policy list; registering the same name again there simply replaces this one.
        services.AddAuthorizationBuilder().AddPolicy(Policies.ManagePeople, p =>
            p.RequireRole(Roles.Advisor, Roles.CaseWorker, Roles.ProgrammeManager, Roles.Administrator));
        return services;
    }

    public static IEndpointRouteBuilder MapPeople(this IEndpointRouteBuilder app)
    {
        app.MapPeopleApi();
        return app;
    }
}
