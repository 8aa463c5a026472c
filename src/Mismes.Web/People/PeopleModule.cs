using Mismes.Core.People;
using Mismes.Web.Administration;
using Mismes.Web.People.Api;
using Mismes.Web.Platform;

namespace Mismes.Web.People;

/// <summary>Registers the People capability: its Core services, API endpoints and pages.</summary>
internal static class PeopleModule
{
    /// <summary>API-key scope: search and read the people of the key's institution.</summary>
    public const string ReadScope = "people:read";

    /// <summary>API-key scope: register and change people of the key's institution (consents, merges, duplicate checks).</summary>
    public const string WriteScope = "people:write";

    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddPeopleCore();
        services.AddResourceSet<PeopleResource>("People");
        services.AddNavigationEntry(new("People.Nav", "/People", Policies.ManagePeople, 20));
        services.AddWorkQueueSource<PeopleWorkQueue>();
        // A beneficiary's own record (Pages/MyRecord): a tab and a shortcut on their home page.
        services.AddAuthorizationBuilder().AddPeoplePolicies();
        services.AddNavigationEntry(new("People.MyRecord.Nav", "/People/MyRecord", PeoplePolicies.OwnRecord, 20));
        services.AddHomeLink(new("People.MyRecord.Nav", "/People/MyRecord", PeoplePolicies.OwnRecord, 10));
        services.AddApiScope(new(ReadScope, "People.ApiScope.Read", Policies.ManagePeople, 20));
        services.AddApiScope(new(WriteScope, "People.ApiScope.Write", Policies.ManagePeople, 21));

        return services;
    }

    public static IEndpointRouteBuilder MapPeople(this IEndpointRouteBuilder app)
    {
        app.MapPeopleApi();
        app.MapPersonMergeApi();
        return app;
    }
}
