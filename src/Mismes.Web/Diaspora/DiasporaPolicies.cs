using Microsoft.AspNetCore.Authorization;
using Mismes.Core.Administration;

namespace Mismes.Web.Diaspora;

/// <summary>Diaspora's own policies (the shared staff ones are in Administration/Policies.cs).</summary>
public static class DiasporaPolicies
{
    /// <summary>Register experts abroad and edit their profiles (institution-scoped, like the people registry). Never an API key.</summary>
    public const string ManageExperts = "Diaspora.ManageExperts";

    public static AuthorizationBuilder AddDiasporaPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(ManageExperts, p => p.RequireRole(Roles.Advisor, Roles.CaseWorker, Roles.ProgrammeManager, Roles.Administrator));
}
