namespace Mismes.Core.People;

/// <summary>What the duplicate check compares of a person: names in both scripts, birth date, phone, e-mail.</summary>
public sealed record PersonIdentity(
    string? FirstNameLatin,
    string? LastNameLatin,
    string? FirstNameArabic,
    string? LastNameArabic,
    DateOnly? BirthDate,
    string? Phone = null,
    string? Email = null);

/// <summary>Why two records may be one person, and how alike the names are (0..1).</summary>
public sealed record DuplicateMatch(IReadOnlyList<DuplicateReason> Reasons, double NameSimilarity);

/// <summary>
/// The duplicate rule, pure so the service and the benchmark (bench/Mismes.Bench `duplicates`) run the same code.
/// See docs/adr/0007-people-duplicate-detection.md for the measured precision and recall.
/// <list type="bullet">
/// <item>same birth date and a similar name (<see cref="NameThreshold"/>);</item>
/// <item>day and month swapped (03/07 for 07/03) and a similar name;</item>
/// <item>same birth year and a very similar name (<see cref="CloseNameThreshold"/>), when the dates still share their
/// month or their day (one part mistyped) or one of them is 1 January, the date written for "born in 1985" when the
/// day is unknown. A year with nothing else in common is left out: namesakes born the same year would flood advisors
/// (the benchmark measures that alternative too);</item>
/// <item>the same phone or e-mail, whatever the names.</item>
/// </list>
/// </summary>
public static class DuplicateRule
{
    /// <summary>Both first and last name keys at least this alike (Jaro–Winkler) when the birth date is the same or swapped.</summary>
    public const double NameThreshold = 0.88;

    /// <summary>The stricter bar when only the birth year (with one date part, or the 1 January placeholder) agrees.</summary>
    public const double CloseNameThreshold = 0.95;

    /// <summary>
    /// The score of a compound first name against one of its parts ("Fatima Zahra" and "Fatima"): enough with the
    /// same or swapped birth date, not enough with the birth year alone.
    /// </summary>
    public const double CompoundPartScore = 0.92;

    public static DuplicateMatch? Compare(PersonIdentity query, PersonIdentity candidate)
    {
        var reasons = new List<DuplicateReason>();
        var similarity = 0.0;
        if (query.BirthDate is { } a && candidate.BirthDate is { } b)
        {
            var relation = Relation(a, b);
            if (relation != DateRelation.None)
            {
                similarity = NameSimilarity(query, candidate);
                if (relation == DateRelation.Same && similarity >= NameThreshold)
                {
                    reasons.Add(DuplicateReason.SimilarNameSameBirthDate);
                }
                else if (relation == DateRelation.DayMonthSwapped && similarity >= NameThreshold)
                {
                    reasons.Add(DuplicateReason.SimilarNameSwappedBirthDate);
                }
                else if (relation == DateRelation.SameYear && similarity >= CloseNameThreshold)
                {
                    reasons.Add(DuplicateReason.SimilarNameSameBirthYear);
                }
            }
        }

        if (query.Phone is not null && string.Equals(query.Phone, candidate.Phone, StringComparison.Ordinal))
        {
            reasons.Add(DuplicateReason.SamePhone);
        }

        if (query.Email is not null && string.Equals(query.Email, candidate.Email, StringComparison.Ordinal))
        {
            reasons.Add(DuplicateReason.SameEmail);
        }

        return reasons.Count == 0 ? null : new DuplicateMatch(reasons, Math.Round(similarity, 3));
    }

    /// <summary>The birth dates the candidate query must fetch for a date: the same, swapped, and the year's range.</summary>
    public static (DateOnly? Swapped, DateOnly YearStart, DateOnly YearEnd) DatesToFetch(DateOnly date) =>
        (Swap(date), new DateOnly(date.Year, 1, 1), new DateOnly(date.Year, 12, 31));

    internal enum DateRelation
    {
        None,
        Same,
        DayMonthSwapped,
        SameYear,
    }

    internal static DateRelation Relation(DateOnly a, DateOnly b)
    {
        if (a == b)
        {
            return DateRelation.Same;
        }

        if (a.Year != b.Year)
        {
            return DateRelation.None;
        }

        if (Swap(a) == b)
        {
            return DateRelation.DayMonthSwapped;
        }

        var placeholder = (a.Month == 1 && a.Day == 1) || (b.Month == 1 && b.Day == 1);
        return placeholder || a.Month == b.Month || a.Day == b.Day ? DateRelation.SameYear : DateRelation.None;
    }

    private static DateOnly? Swap(DateOnly d) =>
        d.Day != d.Month && d.Day <= 12 ? new DateOnly(d.Year, d.Day, d.Month) : null;

    /// <summary>The best name similarity over both scripts of each record (Latin against Arabic too).</summary>
    public static double NameSimilarity(PersonIdentity a, PersonIdentity b)
    {
        var mine = new[] { (a.FirstNameLatin, a.LastNameLatin), (a.FirstNameArabic, a.LastNameArabic) };
        var theirs = new[] { (b.FirstNameLatin, b.LastNameLatin), (b.FirstNameArabic, b.LastNameArabic) };
        var best = 0.0;
        foreach (var (f1, l1) in mine)
        {
            foreach (var (f2, l2) in theirs)
            {
                best = Math.Max(best, Similarity(f1, l1, f2, l2));
            }
        }

        return best;
    }

    /// <summary>The parts of two compound first names compared in the other order ("Zahra Fatima"), or 0.</summary>
    private static double SwappedOrder(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Count == 2 ? Math.Min(NameKey.JaroWinkler(a[0], b[1]), NameKey.JaroWinkler(a[1], b[0])) : 0;

    /// <summary>
    /// <see cref="NameKey.Similarity"/>, with a compound first name allowed to meet one of its parts:
    /// "Fatima Zahra Bouzidi" and "Fatima Bouzidi" (the second part is often left out by another agency), and two
    /// compound first names compared part by part.
    /// </summary>
    public static double Similarity(string? firstA, string? lastA, string? firstB, string? lastB)
    {
        var plain = NameKey.Similarity(firstA, lastA, firstB, lastB);
        var fa = NameKey.TokenKeys(firstA);
        var fb = NameKey.TokenKeys(firstB);
        if (fa.Count == 0 || fb.Count == 0)
        {
            return plain;
        }

        if (fa.Count == fb.Count)
        {
            // Two compound names part by part: twins "Mohamed Amine" and "Mohamed Ali" share only their first part,
            // which the whole-name comparison would find alike.
            if (fa.Count == 1)
            {
                return plain;
            }

            var firstName = Math.Max(fa.Zip(fb, NameKey.JaroWinkler).Min(), SwappedOrder(fa, fb));
            return Math.Min(firstName, NameKey.JaroWinkler(NameKey.Key(lastA), NameKey.Key(lastB)));
        }

        var (shorter, longer) = fa.Count < fb.Count ? (fa, fb) : (fb, fa);
        var partsFound = shorter.All(part => longer.Contains(part, StringComparer.Ordinal));
        if (!partsFound)
        {
            return plain;
        }

        var last = NameKey.JaroWinkler(NameKey.Key(lastA), NameKey.Key(lastB));
        return Math.Max(plain, Math.Min(CompoundPartScore, last));
    }
}
