namespace Mismes.Web;

/// <summary>Marker for the shared UI strings in Resources/SharedResource.*.resx (fr is the neutral language).</summary>
public sealed class SharedResource;
