using Microsoft.AspNetCore.Authorization;
using Mismes.Core.Administration;
using Mismes.Web.Administration;

namespace Mismes.Web.Placement;

/// <summary>Placement's own policies (the shared staff ones are in Administration/Policies.cs).</summary>
public static class PlacementPolicies
{
    /// <summary>Enter, change and follow foreign vacancies: advisors and programme managers (their institution's), employers (their company's), partner keys with a placement scope.</summary>
    public const string ManageVacancies = "Placement.ManageVacancies";

    public static AuthorizationBuilder AddPlacementPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(ManageVacancies, p => p.RequireStaffRoleOrApiScope(Roles.Advisor, Roles.ProgrammeManager, Roles.Administrator, Roles.Employer));
}
