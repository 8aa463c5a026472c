namespace Mismes.Matching;

/// <summary>Packs a 2- or 3-letter ISO code (language or country) into a ushort, case-insensitively; 0 means none.</summary>
internal static class IsoCode
{
    public static ushort Encode(string code)
    {
        if (code.Length is < 2 or > 3)
        {
            throw new ArgumentException($"'{code}' is not a 2- or 3-letter ISO code", nameof(code));
        }

        int v = 0;
        for (int i = 0; i < 3; i++)
        {
            int letter = 0;
            if (i < code.Length)
            {
                char c = (char)(code[i] | 0x20);
                if (c is < 'a' or > 'z')
                {
                    throw new ArgumentException($"'{code}' is not a 2- or 3-letter ISO code", nameof(code));
                }

                letter = c - 'a' + 1;
            }

            v = (v * 27) + letter;
        }

        return (ushort)v;
    }

    // Decoded codes are few (a few dozen languages and countries): keep one string each instead of allocating per call.
    private static readonly string?[] Lower = new string?[27 * 27 * 27];
    private static readonly string?[] Upper = new string?[27 * 27 * 27];

    public static string Decode(ushort value, bool upper)
    {
        var cache = upper ? Upper : Lower;
        return value < cache.Length ? cache[value] ??= DecodeNew(value, upper) : DecodeNew(value, upper);
    }

    private static string DecodeNew(ushort value, bool upper)
    {
        Span<char> chars = stackalloc char[3];
        int v = value;
        for (int i = 2; i >= 0; i--)
        {
            chars[i] = (char)(v % 27 == 0 ? '\0' : (upper ? 'A' : 'a') + (v % 27) - 1);
            v /= 27;
        }

        return new string(chars[2] == '\0' ? chars[..2] : chars);
    }
}
