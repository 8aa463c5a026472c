using Microsoft.AspNetCore.Authorization;
using Mismes.Core.Administration;

namespace Mismes.Web.Administration;

/// <summary>
/// Authorization policies by role (docs/adr/0005-roles-and-institution-scope.md). A policy says which roles may use a
/// feature; which institution's records they then see is decided in Core by <see cref="InstitutionScope"/>.
/// Policies built with RequireStaffRoleOrApiScope also admit a partner's API key on endpoints that name the scope it
/// holds (docs/adr/0019-api-key-scopes.md); the others never admit a key.
/// </summary>
public static class Policies
{
    /// <summary>Staff of any institution and partner systems; not beneficiaries, employers or experts.</summary>
    public const string StaffOnly = "StaffOnly";

    /// <summary>Register, edit and follow people (the beneficiary registry).</summary>
    public const string ManagePeople = "ManagePeople";

    /// <summary>Create and edit support measures in the public catalogue.</summary>
    public const string ManageCatalogue = "ManageCatalogue";

    /// <summary>Institutions, every user, system settings: the system administrator only.</summary>
    public const string Administer = "Administer";

    /// <summary>Users and API keys of one's own institution (administrators: of every institution).</summary>
    public const string ManageUsers = "ManageUsers";

    /// <summary>Read the audit trail (administrators all of it; programme managers their own institution's).</summary>
    public const string ReadAudit = "ReadAudit";

    /// <summary>A partner system authenticated with an API key.</summary>
    public const string PartnerApi = "PartnerApi";

    public static readonly IReadOnlyList<string> StaffRoles =
    [
        Roles.Administrator, Roles.Advisor, Roles.ProgrammeManager, Roles.CaseWorker, Roles.Trainer,
        Roles.Analyst, Roles.PartnerService, Roles.InstitutionMember,
    ];

    public static AuthorizationBuilder AddPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(StaffOnly, p => p.RequireRole(StaffRoles))
        .AddPolicy(ManagePeople, p => p.RequireStaffRoleOrApiScope(Roles.Advisor, Roles.CaseWorker, Roles.ProgrammeManager, Roles.Administrator))
        .AddPolicy(ManageCatalogue, p => p.RequireStaffRoleOrApiScope(Roles.ProgrammeManager, Roles.Administrator))
        .AddPolicy(Administer, p => p.RequireRole(Roles.Administrator))
        .AddPolicy(ManageUsers, p => p.RequireRole(Roles.Administrator, Roles.ProgrammeManager))
        .AddPolicy(ReadAudit, p => p.RequireStaffRoleOrApiScope(Roles.Administrator, Roles.ProgrammeManager))
        .AddPolicy(PartnerApi, p => p
            .AddAuthenticationSchemes(ApiKeyAuthentication.Scheme)
            .RequireAuthenticatedUser()
            .RequireRole(Roles.PartnerService));
}
