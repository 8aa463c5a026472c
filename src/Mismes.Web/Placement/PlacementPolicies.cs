using Microsoft.AspNetCore.Authorization;

namespace Mismes.Web.Placement;

/// <summary>Placement's own policies (the shared staff ones are in Administration/Policies.cs).</summary>
public static class PlacementPolicies
{
    public static AuthorizationBuilder AddPlacementPolicies(this AuthorizationBuilder builder) => builder;
}
