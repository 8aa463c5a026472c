using Mismes.Core.Common;

namespace Mismes.Web.Diaspora;

/// <summary>Text from forms and JSON to Diaspora's enums: names only (never numbers), any case.</summary>
internal static class DiasporaParsing
{
    public static T? ParseEnum<T>(string? value)
        where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(value) && !char.IsAsciiDigit(value.Trim()[0]) && !value.Contains('-', StringComparison.Ordinal)
            && Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : null;

    public static T Required<T>(string? value, FieldErrors errors, string field, string errorKey, T fallback)
        where T : struct, Enum
    {
        if (ParseEnum<T>(value) is { } parsed)
        {
            return parsed;
        }

        errors.Add(field, errorKey);
        return fallback;
    }

    /// <summary>A missing value is the default; a value that is not a name is a field error.</summary>
    public static T Optional<T>(string? value, FieldErrors errors, string field, string errorKey, T fallback)
        where T : struct, Enum =>
        string.IsNullOrWhiteSpace(value) ? fallback : Required(value, errors, field, errorKey, fallback);
}
