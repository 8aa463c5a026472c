namespace Mismes.Web.Platform;

/// <summary>
/// The four languages of Mismes. Arabic is ar-MA on purpose: ar-SA would default to the Hijri calendar.
/// </summary>
public static class Cultures
{
    public const string Default = "fr";

    public static readonly IReadOnlyList<string> Supported = ["fr", "ar-MA", "en", "es"];
}
