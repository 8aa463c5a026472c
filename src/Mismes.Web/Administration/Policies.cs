namespace Mismes.Web.Administration;

/// <summary>Authorization policy names. (Minimal version added by People; Administration owns the full list.)</summary>
internal static class Policies
{
    /// <summary>Advisors, case workers, programme managers and administrators register and edit people.</summary>
    public const string ManagePeople = "ManagePeople";
}
