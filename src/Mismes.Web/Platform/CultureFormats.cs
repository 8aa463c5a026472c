using System.Globalization;

namespace Mismes.Web.Platform;

/// <summary>
/// Dates and numbers as the current culture writes them: "2 novembre 2026", "2 نونبر 2026" (Gregorian, Western
/// digits), "November 2, 2026". Pages call these instead of ToString() so the culture is never forgotten.
/// </summary>
public static class CultureFormats
{
    public static string LongDate(DateTimeOffset value) => LongDate(value, CultureInfo.CurrentCulture);

    public static string LongDate(DateTimeOffset value, CultureInfo culture) => value.ToString("D", culture);

    public static string ShortDate(DateTimeOffset value) => value.ToString("d", CultureInfo.CurrentCulture);

    public static string ShortDate(DateOnly value) => value.ToString("d", CultureInfo.CurrentCulture);

    public static string Number(decimal value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
