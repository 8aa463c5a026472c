using System.Text;

namespace Mismes.Taxonomy.Text;

/// <summary>
/// The one Arabic spelling normalisation every search uses (people, catalogue, ESCO labels, duplicate keys), so that
/// a word typed the way most people type it on a phone finds the word as it was stored: "اسبانيا" = "إسبانيا",
/// "انابيك" = "أنابيك", "فاطمه" = "فاطمة".
/// <list type="bullet">
/// <item>hamza and alef forms أ إ آ ٱ → ا; hamza on waw ؤ → و and on yeh ئ → ي; alef maqsura ى (and Farsi yeh ی) → ي;</item>
/// <item>taa marbuta ة → ه; tatweel ـ removed; harakat, shadda, sukun, dagger alef and Quranic marks removed;</item>
/// <item>Arabic-Indic digits (٠..٩ and ۰..۹) → 0..9.</item>
/// </list>
/// Every other character is left as it is (Latin text, case and accents are the caller's business). Pure and
/// culture-independent: the same answer whatever the interface language.
/// </summary>
public static class ArabicNormalizer
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            var mapped = Map(ch);
            if (mapped == ch && sb is null)
            {
                continue;
            }

            // Only allocate once something changes: most text (Latin, already normal) comes back as the same string.
            sb ??= new StringBuilder(text.Length).Append(text, 0, i);
            if (mapped != '\0')
            {
                sb.Append(mapped);
            }
        }

        return sb?.ToString() ?? text;
    }

    /// <summary>The normal form of one character, or '\0' when it is dropped.</summary>
    public static char Map(char ch) => ch switch
    {
        'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
        'ؤ' => 'و',
        'ئ' or 'ى' or 'ی' => 'ي',
        'ة' => 'ه',
        'ـ' => '\0',
        >= '\u064B' and <= '\u065F' => '\0', // fathatan .. wavy hamza below (harakat, shadda, sukun, hamza marks)
        '\u0670' => '\0', // superscript (dagger) alef
        >= '\u06D6' and <= '\u06ED' => '\0', // Quranic annotation marks
        >= '\u0660' and <= '\u0669' => (char)('0' + (ch - '\u0660')),
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (ch - '\u06F0')),
        _ => ch,
    };

    /// <summary>Normalises a buffer in place (for token filters); returns the new length.</summary>
    public static int Normalize(char[] buffer, int length)
    {
        var write = 0;
        for (var read = 0; read < length; read++)
        {
            var mapped = Map(buffer[read]);
            if (mapped != '\0')
            {
                buffer[write++] = mapped;
            }
        }

        return write;
    }
}
