namespace Mismes.Web.Catalogue;

/// <summary>Marker for the Catalogue strings in Resources/Catalogue/CatalogueResource*.resx (keys "Catalogue.…"; fr is the neutral language).</summary>
public sealed class CatalogueResource;
