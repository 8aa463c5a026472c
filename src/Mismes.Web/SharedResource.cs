namespace Mismes.Web;

/// <summary>
/// The one localizer the UI asks for any string. Keys "Cap.…" are read from that capability's resource set
/// (Platform/CapabilityResources.cs); the platform's own strings (layout, home, validation, errors) live in
/// Resources/SharedResource*.resx (fr is the neutral language).
/// </summary>
public sealed class SharedResource;
