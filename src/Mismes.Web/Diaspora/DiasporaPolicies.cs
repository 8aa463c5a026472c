using Microsoft.AspNetCore.Authorization;
using Mismes.Core.Administration;

namespace Mismes.Web.Diaspora;

/// <summary>Diaspora's own policies (the shared staff ones are in Administration/Policies.cs).</summary>
public static class DiasporaPolicies
{
    /// <summary>Register experts abroad and edit their profiles (institution-scoped, like the people registry). Never an API key.</summary>
    public const string ManageExperts = "Diaspora.ManageExperts";

    /// <summary>Post and edit the needs of a Moroccan institution (its members, and staff who help them). Never an API key.</summary>
    public const string ManageNeeds = "Diaspora.ManageNeeds";

    public static AuthorizationBuilder AddDiasporaPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(ManageExperts, p => p.RequireRole(Roles.Advisor, Roles.CaseWorker, Roles.ProgrammeManager, Roles.Administrator))
        .AddPolicy(ManageNeeds, p => p.RequireRole(Roles.InstitutionMember, Roles.Advisor, Roles.ProgrammeManager, Roles.Administrator));
}
