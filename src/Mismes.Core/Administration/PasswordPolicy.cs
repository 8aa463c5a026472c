using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace Mismes.Core.Administration;

/// <summary>
/// The password policy (ASVS 6.2, issue 6 3.5): at least 12 characters and at most 256, any characters (spaces and
/// passphrases welcome), no composition rules, and not a common or breached password, a keyboard walk, a sequence, a
/// repetition or a word of this application or of the user's own name or e-mail (docs/adr/0016-password-policy.md).
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;

    /// <summary>Long passphrases are fine; the bound only keeps hashing cheap for absurd input.</summary>
    public const int MaximumLength = 256;

    /// <summary>Identity's own options: length only, no required character classes.</summary>
    public static void Configure(PasswordOptions options)
    {
        options.RequiredLength = MinimumLength;
        options.RequireDigit = false;
        options.RequireLowercase = false;
        options.RequireUppercase = false;
        options.RequireNonAlphanumeric = false;
        options.RequiredUniqueChars = 1;
    }
}

/// <summary>
/// Refuses passwords too long, common (the shipped list, CommonPasswords.txt, after undoing case, accents, leetspeak
/// and the digits and symbols around a word), keyboard walks, sequences and repetitions, and passwords built on the
/// user's own e-mail or name. Error codes: PasswordTooLong, PasswordCommon, PasswordPersonal.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const string TooLong = "PasswordTooLong";
    public const string Common = "PasswordCommon";
    public const string Personal = "PasswordPersonal";

    private static readonly Lazy<HashSet<string>> List = new(Load);

    /// <summary>Keyboard rows (QWERTY, AZERTY), the alphabet and the digits: passwords inside them are walks or sequences.</summary>
    private static readonly string[] Walks =
    [
        "1234567890", "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm", "azertyuiopqsdfghjklmwxcvbn",
        "qwertzuiopasdfghjklyxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p", "1q2w3e4r5t6y7u8i9o0p", "1a2z3e4r5t6y7u8i9o0p",
        "qazwsxedcrfvtgbyhnujmikolp", "zaqxswcdevfrbgtnhymjukilop", "147258369", "159357", "741852963",
    ];

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (password.Length > PasswordPolicy.MaximumLength)
        {
            return Failed(TooLong, $"Passwords are at most {PasswordPolicy.MaximumLength} characters.");
        }

        if (IsCommon(password))
        {
            return Failed(Common, "This password is too common.");
        }

        if (IsPersonal(password, user))
        {
            return Failed(Personal, "This password is built on the user's name or e-mail.");
        }

        return Task.FromResult(IdentityResult.Success);
    }

    /// <summary>Whether the password is on the list or follows a pattern that guessing tools try first.</summary>
    public static bool IsCommon(string password)
    {
        var folded = Fold(password);
        var compact = RemoveSeparators(folded);
        foreach (var candidate in Candidates(folded).Concat(Candidates(compact)))
        {
            // A listed word, or two glued together, alone or with digits and symbols around: "Password1234",
            // "Welcome2026!", "AdminPassword1".
            if (candidate.Length > 0 && (List.Value.Contains(candidate) || IsTwoListedWords(candidate)))
            {
                return true;
            }
        }

        return IsWalkOrSequence(compact) || IsRepetition(compact) || compact.Distinct().Count() < 4;
    }

    /// <summary>"adminpassword", "welcomemaroc", "demomismes": two listed words glued together.</summary>
    private static bool IsTwoListedWords(string core)
    {
        for (var split = 3; split <= core.Length - 3; split++)
        {
            if (List.Value.Contains(core[..split]) && List.Value.Contains(core[split..]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPersonal(string password, AppUser user)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        if (user.Email is { } email)
        {
            words.Add(RemoveSeparators(Fold(email.Split('@')[0])));
        }

        var name = Fold(user.DisplayName ?? "");
        words.Add(RemoveSeparators(name));
        words.UnionWith(name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        words.RemoveWhere(w => w.Length < 3);

        // Only the whole password, give or take digits and symbols: a passphrase may contain a first name, but
        // "Ghita2026!" is not a password.
        return Candidates(RemoveSeparators(Fold(password))).Any(words.Contains);
    }

    /// <summary>The forms a password is looked up in: as typed (folded), without the digits and symbols around it, de-leeted.</summary>
    private static IEnumerable<string> Candidates(string folded)
    {
        yield return folded;
        var stripped = StripEnds(folded);
        yield return stripped;
        yield return Deleet(stripped);
        yield return StripEnds(Deleet(folded));
        yield return StripEnds(Deleet(stripped));
    }

    private static bool IsWalkOrSequence(string compact)
    {
        foreach (var walk in Walks)
        {
            var reversed = new string(walk.Reverse().ToArray());
            if ((walk + walk + walk).Contains(compact, StringComparison.Ordinal)
                || (reversed + reversed + reversed).Contains(compact, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"abcabcabcabc", "passwordpassword", "121212121212".</summary>
    private static bool IsRepetition(string compact)
    {
        for (var size = 1; size <= compact.Length / 2; size++)
        {
            if (compact.Length % size == 0 && string.Concat(Enumerable.Repeat(compact[..size], compact.Length / size)) == compact)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lower case, accents removed (été -> ete), compatibility forms folded.</summary>
    private static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD).ToLowerInvariant();
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString().Trim();
    }

    private static string RemoveSeparators(string text) =>
        new(text.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '_' or '.')).ToArray());

    /// <summary>Removes the digits, symbols and spaces before the first letter and after the last.</summary>
    private static string StripEnds(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && !char.IsLetter(text[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetter(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    private static string Deleet(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = source[i] switch
            {
                '@' or '4' => 'a',
                '0' => 'o',
                '1' or '!' or '|' => 'i',
                '3' => 'e',
                '$' or '5' => 's',
                '7' or '+' => 't',
                '8' => 'b',
                '9' => 'g',
                _ => source[i],
            };
        }
    });

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Mismes.Core.Administration.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common password list is not embedded in Mismes.Core.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add(line.Trim());
            }
        }

        return words;
    }

    private static Task<IdentityResult> Failed(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));
}
