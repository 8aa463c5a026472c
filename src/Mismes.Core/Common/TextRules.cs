namespace Mismes.Core.Common;

/// <summary>
/// Rules every text typed into Mismes follows, whatever the capability: no NUL or other control characters (PostgreSQL
/// refuses NUL in text, and invisible characters make names that look alike differ), no half of a surrogate pair.
/// Multi-line fields (notes, descriptions) may hold line breaks and tabs. Services call <see cref="Check"/> on each
/// text field and report <see cref="ControlCharactersError"/>; list inputs are capped with <see cref="TooManyItemsError"/>.
/// </summary>
public static class TextRules
{
    /// <summary>Resource key of the field error (in the platform's resource set, so every capability shares it).</summary>
    public const string ControlCharactersError = "Validation.ControlCharacters";

    /// <summary>Resource key of the field error for a list longer than its cap.</summary>
    public const string TooManyItemsError = "Validation.TooManyItems";

    /// <summary>Whether <paramref name="value"/> holds only characters a person could have meant to type.</summary>
    public static bool IsClean(string? value, bool multiLine = false)
    {
        if (value is null)
        {
            return true;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                return false;
            }

            if (char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Sets <see cref="ControlCharactersError"/> as the error of <paramref name="field"/> when its value is not clean; it
    /// replaces other errors of the field (a "wrong script" message would hide the invisible character that caused it).
    /// </summary>
    public static void Check(IDictionary<string, string[]> errors, string field, string? value, bool multiLine = false)
    {
        if (!IsClean(value, multiLine))
        {
            errors[field] = [ControlCharactersError];
        }
    }

    /// <summary>Adds <see cref="TooManyItemsError"/> for <paramref name="field"/> when the list is longer than <paramref name="max"/>.</summary>
    public static bool CheckCount<T>(IDictionary<string, string[]> errors, string field, IReadOnlyCollection<T>? items, int max)
    {
        if (items is null || items.Count <= max)
        {
            return true;
        }

        errors[field] = [TooManyItemsError];
        return false;
    }
}
