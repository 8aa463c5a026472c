using System.Text.RegularExpressions;

namespace Mismes.Core.Evaluation;

/// <summary>
/// Outcome event kinds are strings owned by the capability that records them ("placement.hired",
/// "validation.certificate-issued"), never an enum here: a new kind needs no change in Evaluation, and indicators
/// name kinds as data.
/// </summary>
public static partial class OutcomeKind
{
    public const int MaxLength = 80;

    /// <summary>"capability.what" in lower case, words joined by hyphens.</summary>
    public static bool IsValid(string? kind) => kind is { Length: > 0 and <= MaxLength } && Shape().IsMatch(kind);

    /// <summary>"placement.hired" → "Placement".</summary>
    public static string CapabilityOf(string kind)
    {
        var first = kind[..kind.IndexOf('.', StringComparison.Ordinal)];
        return string.Concat(char.ToUpperInvariant(first[0]).ToString(), first[1..]);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
