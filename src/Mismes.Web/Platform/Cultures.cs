using System.Globalization;

namespace Mismes.Web.Platform;

/// <summary>
/// The four languages of Mismes. Arabic is ar-MA on purpose: ar-SA would default to the Hijri calendar.
/// </summary>
public static class Cultures
{
    public const string Default = "fr";

    public const string Arabic = "ar-MA";

    public static readonly IReadOnlyList<string> Supported = ["fr", Arabic, "en", "es"];

    /// <summary>The name each language has in itself, for the language switcher.</summary>
    public static readonly IReadOnlyDictionary<string, string> NativeNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fr"] = "Français",
        [Arabic] = "العربية",
        ["en"] = "English",
        ["es"] = "Español",
    };

    /// <summary>
    /// The culture objects the request localization hands out. Dates use the Gregorian calendar in every language
    /// (ar-MA already does; this keeps it true if another Arabic culture is ever added), and .NET formats numbers
    /// with Western digits.
    /// </summary>
    public static CultureInfo Create(string name)
    {
        var culture = new CultureInfo(name);
        if (culture.DateTimeFormat.Calendar is not GregorianCalendar)
        {
            culture.DateTimeFormat.Calendar = new GregorianCalendar();
        }

        return culture;
    }

    /// <summary>
    /// Maps what a user or browser asks for to one of the supported cultures: "ar", "ar-SA" → ar-MA,
    /// "fr-FR" → fr, "EN" → en; null when the language is not offered.
    /// </summary>
    public static string? Match(string? requested)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return null;
        }

        var value = requested.Trim();
        foreach (var supported in Supported)
        {
            if (supported.Equals(value, StringComparison.OrdinalIgnoreCase))
            {
                return supported;
            }
        }

        var language = value.Split('-', '_')[0];
        foreach (var supported in Supported)
        {
            if (supported.Split('-')[0].Equals(language, StringComparison.OrdinalIgnoreCase))
            {
                return supported;
            }
        }

        return null;
    }
}
