namespace Mismes.Web.Placement;

/// <summary>Marker for the Placement strings in Resources/Placement/PlacementResource*.resx (keys "Placement.…"; fr is the neutral language).</summary>
public sealed class PlacementResource;
