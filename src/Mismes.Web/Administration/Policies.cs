using Microsoft.AspNetCore.Authorization;
using Mismes.Core.Administration;

namespace Mismes.Web.Administration;

/// <summary>
/// Authorization policies by role. (Minimal version added by the Catalogue branch for ManageCatalogue;
/// the Administration branch owns this file and its full list of policies.)
/// </summary>
internal static class Policies
{
    public const string ManageCatalogue = "ManageCatalogue";

    public static AuthorizationBuilder AddCataloguePolicy(this AuthorizationBuilder builder) =>
        builder.AddPolicy(ManageCatalogue, p => p.RequireRole(Roles.ProgrammeManager, Roles.Administrator));
}
