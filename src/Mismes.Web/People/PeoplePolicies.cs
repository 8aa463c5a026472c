using Microsoft.AspNetCore.Authorization;
using Mismes.Core.Administration;

namespace Mismes.Web.People;

/// <summary>People's own policies (the staff ones are shared: Administration/Policies.cs).</summary>
public static class PeoplePolicies
{
    /// <summary>
    /// A beneficiary's own record (/People/MyRecord): the record is found from the signed-in account, never from an
    /// id in the request, so this policy needs no institution scope. Never an API key.
    /// </summary>
    public const string OwnRecord = "People.OwnRecord";

    public static AuthorizationBuilder AddPeoplePolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(OwnRecord, p => p.RequireRole(Roles.Beneficiary));
}
