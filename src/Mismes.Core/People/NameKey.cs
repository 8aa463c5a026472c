using System.Globalization;
using System.Text;
using Mismes.Taxonomy.Text;

namespace Mismes.Core.People;

/// <summary>
/// Phonetic keys for Maghrebi names written in Latin or Arabic script, so that transliteration variants of one
/// name get the same (or a very close) key: Mohamed/Mohammed/Muhammad/Mhamed/محمد → "mhmd",
/// Youssef/Yousef/Youssouf/Yusuf/يوسف → "ysf", El Amrani/Elamrani/العمراني → "almrn".
/// The key is a consonant skeleton: vowels are dropped (Arabic script rarely writes them and French, English and
/// Spanish transliterations disagree on them), a leading vowel is kept as "a", doubled letters are collapsed,
/// and digraphs are folded to one sound (ch/sh → š, kh → k, dj → j, gh → g, ou → u/w, q → k).
/// See docs/adr/0007-people-duplicate-detection.md.
/// </summary>
public static class NameKey
{
    /// <summary>Spellings that are the same given name but would not converge phonetically.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["fatna"] = "fatima",
        ["fettouma"] = "fatima",
        ["brahim"] = "ibrahim",
        ["driss"] = "idriss",
        ["hmad"] = "ahmed",
        ["hmed"] = "ahmed",
        ["mehdi"] = "mahdi",
        ["abdou"] = "abdo",
        ["khadouj"] = "khadija",
        ["zhor"] = "zohra",
        ["zahra"] = "zohra",
    };

    /// <summary>Articles joined to the following word: El Amrani = Elamrani = Al-Amrani.</summary>
    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal) { "el", "al", "l", "ال" };

    /// <summary>Particles that are spelt several ways but are one word: Ben/Bin/Ibn, Ait/Ayt.</summary>
    private static readonly Dictionary<string, string> Particles = new(StringComparer.Ordinal)
    {
        ["bin"] = "ben",
        ["ibn"] = "ben",
        ["b"] = "ben",
        ["ayt"] = "ait",
    };

    /// <summary>Latin digraphs and letters folded to one sound, longest first.</summary>
    private static readonly (string From, string To)[] LatinRewrites =
    [
        ("sch", "š"), ("tch", "š"), ("ch", "š"), ("sh", "š"), ("kh", "k"), ("gh", "g"), ("dj", "j"), ("dh", "d"),
        ("th", "t"), ("ph", "f"), ("ck", "k"), ("qu", "k"), ("q", "k"), ("ou", "u"), ("oo", "u"), ("x", "ks"),
        ("ce", "se"), ("ci", "si"), ("cy", "sy"), ("c", "k"), ("v", "f"), ("p", "b"),
    ];

    /// <summary>
    /// Lower case, no accents, and Arabic spelling normalised (<see cref="ArabicNormalizer"/>: hamza and alef forms,
    /// alef maqsura, taa marbuta, tatweel, harakat, Arabic-Indic digits) — the form search text is stored and queried in.
    /// </summary>
    public static string Fold(string text)
    {
        var decomposed = ArabicNormalizer.Normalize(text.Trim()).Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The key of a whole name (all its words, in order, concatenated).</summary>
    public static string Key(string? name) => string.Concat(TokenKeys(name));

    /// <summary>One key per word, after joining articles to the next word and normalising particles.</summary>
    public static IReadOnlyList<string> TokenKeys(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return [];
        }

        var words = Tokenize(Fold(name));
        var keys = new List<string>(words.Count);
        var pendingArticle = false;
        foreach (var raw in words)
        {
            if (Articles.Contains(raw))
            {
                pendingArticle = true;
                continue;
            }

            var word = Particles.GetValueOrDefault(raw, raw);
            word = Aliases.GetValueOrDefault(word, word);
            if (pendingArticle)
            {
                word = (IsArabic(word) ? "ال" : "al") + word;
                pendingArticle = false;
            }

            var key = IsArabic(word) ? ArabicKey(word) : LatinKey(word);
            if (key.Length > 0)
            {
                keys.Add(key);
            }
        }

        if (pendingArticle)
        {
            keys.Add("al");
        }

        return keys;
    }

    /// <summary>
    /// How alike two persons' names are (0..1): Jaro–Winkler on the keys, the weaker of first and last name, and
    /// first/last swapped as well (the two are often entered the other way round).
    /// </summary>
    public static double Similarity(string? firstA, string? lastA, string? firstB, string? lastB)
    {
        string fa = Key(firstA), la = Key(lastA), fb = Key(firstB), lb = Key(lastB);
        if (fa.Length == 0 || la.Length == 0 || fb.Length == 0 || lb.Length == 0)
        {
            return 0;
        }

        var direct = Math.Min(JaroWinkler(fa, fb), JaroWinkler(la, lb));
        var swapped = Math.Min(JaroWinkler(fa, lb), JaroWinkler(la, fb));
        return Math.Max(direct, swapped);
    }

    public static double JaroWinkler(string a, string b)
    {
        if (a.Length == 0 && b.Length == 0)
        {
            return 1;
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        var aMatched = new bool[a.Length];
        var bMatched = new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (!bMatched[j] && a[i] == b[j])
                {
                    aMatched[i] = bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!aMatched[i])
            {
                continue;
            }

            while (!bMatched[k])
            {
                k++;
            }

            if (a[i] != b[k])
            {
                transpositions++;
            }

            k++;
        }

        double m = matches;
        var jaro = ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2.0)) / m)) / 3;
        var prefix = 0;
        while (prefix < Math.Min(4, Math.Min(a.Length, b.Length)) && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * 0.1 * (1 - jaro));
    }

    private static List<string> Tokenize(string folded)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        foreach (var ch in folded)
        {
            if (char.IsLetter(ch))
            {
                sb.Append(ch);
            }
            else if (sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
            }
        }

        if (sb.Length > 0)
        {
            words.Add(sb.ToString());
        }

        return words;
    }

    private static bool IsArabic(string word) => word.Any(c => c is >= '\u0600' and <= '\u06FF');

    private static string LatinKey(string word)
    {
        // "Ou" before a vowel at the start of a word is the French spelling of w: Ouafae = Wafae, Oualid = Walid.
        if (word.Length > 2 && word.StartsWith("ou", StringComparison.Ordinal) && IsLatinVowel(word[2]))
        {
            word = "w" + word[2..];
        }

        foreach (var (from, to) in LatinRewrites)
        {
            word = word.Replace(from, to, StringComparison.Ordinal);
        }

        // A final h after a vowel is silent (Fatimah = Fatima, Abdellah = عبدالله), as a final ه is in Arabic script.
        if (word.Length > 2 && word[^1] == 'h' && IsLatinVowel(word[^2]))
        {
            word = word[..^1];
        }

        // y and w are consonants only at the start of a word, as و and ي are in Arabic script.
        return Skeleton(word, (ch, i) => IsLatinVowel(ch) || (i > 0 && ch is 'y' or 'w') ? '\0' : ch);
    }

    /// <summary>
    /// The word arrives normalised (ة is already ه): a final ه of a word longer than two letters is the feminine
    /// ending or a silent h and counts as a vowel (فاطمة = فاطمه = Fatima), while طه keeps its h (Taha).
    /// </summary>
    private static string ArabicKey(string word) => Skeleton(word, (ch, i) => ch switch
    {
        'و' => i == 0 ? 'w' : '\0',
        'ي' => i == 0 ? 'y' : '\0',
        'ه' when i == word.Length - 1 && word.Length > 2 => '\0',
        'ا' or 'ع' or 'ء' => '\0',
        'ب' or 'پ' => 'b',
        'ت' or 'ث' or 'ط' => 't',
        'ج' => 'j',
        'ح' or 'ه' => 'h',
        'خ' or 'ق' or 'ك' => 'k',
        'د' or 'ذ' or 'ض' => 'd',
        'ر' => 'r',
        'ز' or 'ظ' => 'z',
        'س' or 'ص' => 's',
        'ش' or 'چ' => 'š',
        'غ' or 'گ' or 'ڭ' => 'g',
        'ف' or 'ڤ' => 'f',
        'ل' => 'l',
        'م' => 'm',
        'ن' => 'n',
        _ => '\0',
    });

    /// <summary>
    /// The consonant skeleton shared by both scripts: <paramref name="consonant"/> maps a letter (and its position)
    /// to a consonant, or to '\0' for a vowel. A word-initial vowel becomes 'a', vowels separate consonants, and a
    /// consonant repeated without a vowel between is written once (Mohammed = Mohamed).
    /// </summary>
    private static string Skeleton(string word, Func<char, int, char> consonant)
    {
        var sb = new StringBuilder();
        var last = '\0';
        for (var i = 0; i < word.Length; i++)
        {
            var mapped = consonant(word[i], i);
            if (mapped == '\0')
            {
                if (i == 0)
                {
                    sb.Append('a');
                }

                last = i == 0 ? 'a' : '\0';
                continue;
            }

            if (mapped != last)
            {
                sb.Append(mapped);
            }

            last = mapped;
        }

        return sb.ToString();
    }

    private static bool IsLatinVowel(char ch) => ch is 'a' or 'e' or 'i' or 'o' or 'u';
}

/// <summary>Phone numbers to E.164; Moroccan national numbers (06..., 07..., 05...) get +212.</summary>
public static class PhoneNumbers
{
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var sb = new StringBuilder();

        // Arabic-Indic digits (٠٦١٢...) are the same number: an Arabic keyboard types them.
        foreach (var ch in ArabicNormalizer.Normalize(input.Trim()))
        {
            if (char.IsAsciiDigit(ch) || (ch == '+' && sb.Length == 0))
            {
                sb.Append(ch);
            }
            else if (ch is not (' ' or '-' or '.' or '(' or ')' or '/'))
            {
                return null;
            }
        }

        var s = sb.ToString();
        if (s.StartsWith("00", StringComparison.Ordinal))
        {
            s = "+" + s[2..];
        }
        else if (s.Length == 10 && s[0] == '0')
        {
            s = "+212" + s[1..];
        }
        else if (s.Length == 12 && s.StartsWith("212", StringComparison.Ordinal))
        {
            s = "+" + s;
        }

        if (!s.StartsWith('+') || s.Length < 9 || s.Length > 16 || s[1] == '0')
        {
            return null;
        }

        // A Moroccan number has 9 digits after +212.
        if (s.StartsWith("+212", StringComparison.Ordinal) && s.Length != 13)
        {
            return null;
        }

        return s;
    }
}
