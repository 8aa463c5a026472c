namespace Mismes.Web.Administration;

/// <summary>
/// Authorization policy names. (Minimal version added by the Catalogue branch: only the constant it needs.
/// The Administration branch owns this file and the full list; keep theirs when merging.)
/// </summary>
internal static class Policies
{
    public const string ManageCatalogue = "ManageCatalogue";
}
