namespace Mismes.Web.Diaspora;

/// <summary>Marker for the Diaspora strings in Resources/Diaspora/DiasporaResource*.resx (keys "Diaspora.…"; fr is the neutral language).</summary>
public sealed class DiasporaResource;
