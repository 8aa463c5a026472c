namespace Mismes.Web.Administration;

/// <summary>Marker for the Administration strings in Resources/Administration/AdministrationResource*.resx (keys "Administration.…"; fr is the neutral language).</summary>
public sealed class AdministrationResource;
