using Microsoft.AspNetCore.Authorization;
using Mismes.Core.Administration;
using Mismes.Web.Administration;

namespace Mismes.Web.Placement;

/// <summary>Placement's own policies (the shared staff ones are in Administration/Policies.cs).</summary>
public static class PlacementPolicies
{
    /// <summary>Enter, change and follow foreign vacancies: advisors and programme managers (their institution's), employers (their company's), partner keys with a placement scope.</summary>
    public const string ManageVacancies = "Placement.ManageVacancies";

    /// <summary>Register candidates and edit their profiles (institution-scoped, like the people registry). Never an API key.</summary>
    public const string ManageCandidates = "Placement.ManageCandidates";

    /// <summary>A candidate's own application (/Placement/MyApplication): found from the signed-in account.</summary>
    public const string OwnApplication = "Placement.OwnApplication";

    public static AuthorizationBuilder AddPlacementPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(ManageCandidates, p => p.RequireRole(Roles.Advisor, Roles.CaseWorker, Roles.ProgrammeManager, Roles.Administrator))
        .AddPolicy(OwnApplication, p => p.RequireRole(Roles.Beneficiary))
        .AddPolicy(ManageVacancies, p => p.RequireStaffRoleOrApiScope(Roles.Advisor, Roles.ProgrammeManager, Roles.Administrator, Roles.Employer));
}
