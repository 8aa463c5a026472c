using System.Globalization;
using System.Text;
using System.Text.Json;
using Mismes.Core.People;

namespace Mismes.Bench;

/// <summary>
/// `duplicates [--pairs FILE]`: precision and recall of the people duplicate rule on a labelled set of record pairs
/// (tests/Mismes.Core.Tests/People/duplicate-pairs.tsv), before (same birth date + similar name) and after
/// (<see cref="DuplicateRule"/>), plus the rejected alternative "same year, any date". `duplicates generate [FILE]`
/// rewrites the set, deterministically, from the demo name lists (docs/adr/0007-people-duplicate-detection.md).
/// </summary>
internal static class DuplicatesBenchmark
{
    private const string DefaultPairs = "tests/Mismes.Core.Tests/People/duplicate-pairs.tsv";

    public static Task<int> RunAsync(string[] args)
    {
        if (args.FirstOrDefault() == "generate")
        {
            var target = args.Length > 1 ? args[1] : Path.Combine(RepoRoot(), DefaultPairs);
            var pairs = DuplicatePairs.Generate();
            File.WriteAllText(target, DuplicatePairs.ToTsv(pairs), new UTF8Encoding(false));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pairs.Count} pairs written to {target}"));
            return Task.FromResult(0);
        }

        var file = Option(args, "--pairs") ?? Path.Combine(RepoRoot(), DefaultPairs);
        var set = DuplicatePairs.FromTsv(File.ReadAllLines(file));
        var rules = new (string Name, Func<PersonIdentity, PersonIdentity, bool> Flags)[]
        {
            ("before", Before),
            ("after", (a, b) => DuplicateRule.Compare(a, b) is not null),
            ("after-year-any-date", YearAnyDate),
        };

        var results = new List<object>();
        foreach (var (name, flags) in rules)
        {
            int tp = 0, fp = 0, fn = 0, tn = 0;
            var byKind = new SortedDictionary<string, (int Flagged, int Total)>(StringComparer.Ordinal);
            foreach (var pair in set)
            {
                var flagged = flags(pair.A, pair.B);
                (tp, fp, fn, tn) = (pair.Duplicate, flagged) switch
                {
                    (true, true) => (tp + 1, fp, fn, tn),
                    (false, true) => (tp, fp + 1, fn, tn),
                    (true, false) => (tp, fp, fn + 1, tn),
                    _ => (tp, fp, fn, tn + 1),
                };
                var kind = (pair.Duplicate ? "dup:" : "not:") + pair.Kind;
                var (f, t) = byKind.GetValueOrDefault(kind);
                byKind[kind] = (f + (flagged ? 1 : 0), t + 1);
            }

            var precision = tp + fp == 0 ? 1 : (double)tp / (tp + fp);
            var recall = tp + fn == 0 ? 1 : (double)tp / (tp + fn);
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-22} precision {precision:F3}  recall {recall:F3}  F1 {f1:F3}  (tp {tp}, fp {fp}, fn {fn}, tn {tn})"));
            foreach (var (kind, (flagged, total)) in byKind)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {kind,-34} flagged {flagged,3} / {total,3}"));
            }

            results.Add(new
            {
                rule = name,
                precision = Math.Round(precision, 3),
                recall = Math.Round(recall, 3),
                f1 = Math.Round(f1, 3),
                tp, fp, fn, tn,
                flaggedByKind = byKind.ToDictionary(k => k.Key, k => $"{k.Value.Flagged}/{k.Value.Total}", StringComparer.Ordinal),
            });
        }

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            benchmark = "duplicates",
            pairs = set.Count,
            duplicates = set.Count(p => p.Duplicate),
            rules = results,
        }));
        return Task.FromResult(0);
    }

    /// <summary>The rule before issue 6: the same birth date and a similar name (phone and e-mail aside).</summary>
    private static bool Before(PersonIdentity a, PersonIdentity b)
    {
        if (a.BirthDate != b.BirthDate)
        {
            return false;
        }

        var best = 0.0;
        foreach (var (f1, l1) in new[] { (a.FirstNameLatin, a.LastNameLatin), (a.FirstNameArabic, a.LastNameArabic) })
        {
            foreach (var (f2, l2) in new[] { (b.FirstNameLatin, b.LastNameLatin), (b.FirstNameArabic, b.LastNameArabic) })
            {
                best = Math.Max(best, NameKey.Similarity(f1, l1, f2, l2));
            }
        }

        return best >= DuplicateRule.NameThreshold;
    }

    /// <summary>The alternative left out: any date of the same year with a very similar name.</summary>
    private static bool YearAnyDate(PersonIdentity a, PersonIdentity b) =>
        DuplicateRule.Compare(a, b) is not null
        || (a.BirthDate?.Year == b.BirthDate?.Year && DuplicateRule.NameSimilarity(a, b) >= DuplicateRule.CloseNameThreshold);

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mismes.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}

/// <summary>One labelled pair: two records, whether they are the same person, and how the second was made.</summary>
internal sealed record DuplicatePair(bool Duplicate, string Kind, PersonIdentity A, PersonIdentity B);

/// <summary>
/// The labelled set, generated from the demo name lists (PeopleDemoSeeder) with a fixed seed: for each of 150 people,
/// two records of the same person written another way (transliteration, script, day/month swapped, 1 January for an
/// unknown day, one date part mistyped, compound first name shortened, a typo, first and last name swapped) and two
/// records of someone else that look alike (siblings sharing surname and birth year, twins, namesakes the same or
/// another year, compound names sharing their first part, strangers born the same day).
/// </summary>
internal static class DuplicatePairs
{
    private static readonly (string Latin, string Arabic)[] CompoundWomen =
        [("Fatima Zahra", "فاطمة الزهراء"), ("Khadija Nour", "خديجة نور"), ("Salma Imane", "سلمى إيمان"), ("Nour Houda", "نور الهدى")];

    private static readonly (string Latin, string Arabic)[] CompoundMen =
        [("Mohamed Amine", "محمد أمين"), ("Mohamed Ali", "محمد علي"), ("Mohamed Reda", "محمد رضا"), ("Ahmed Yassine", "أحمد ياسين")];

    /// <summary>Other spellings staff type for the same name (besides the seeder's own variants).</summary>
    private static readonly Dictionary<string, string> MoreVariants = new(StringComparer.Ordinal)
    {
        ["Ahmed"] = "Ahmad", ["Hassan"] = "Hasan", ["Said"] = "Saïd", ["Karim"] = "Kareem", ["Khalid"] = "Khaled",
        ["Omar"] = "Omer", ["Driss"] = "Idriss", ["Brahim"] = "Ibrahim", ["Mehdi"] = "Mahdi", ["Anas"] = "Anass",
        ["Ayoub"] = "Ayyoub", ["Nabil"] = "Nabile", ["Tarik"] = "Tariq", ["Amine"] = "Amin", ["Ilyas"] = "Ilias",
        ["Hamid"] = "Hameed", ["Jamal"] = "Djamal", ["Abdellah"] = "Abdallah", ["Naima"] = "Naïma", ["Zineb"] = "Zaynab",
        ["Meryem"] = "Maryam", ["Salma"] = "Selma", ["Hanane"] = "Hanan", ["Latifa"] = "Latefa", ["Rachida"] = "Rashida",
        ["Saida"] = "Saïda", ["Karima"] = "Kerima", ["Nadia"] = "Nadya", ["Samira"] = "Sameera", ["Houda"] = "Hoda",
        ["Imane"] = "Iman", ["Asmae"] = "Asmaa", ["Sanae"] = "Sanaa", ["Loubna"] = "Lubna", ["Malika"] = "Malikah",
        ["Hayat"] = "Hayate", ["Souad"] = "Suad", ["Widad"] = "Wedad", ["Ghizlane"] = "Ghislane",
        ["Alaoui"] = "Alawi", ["Bennani"] = "Benani", ["Tazi"] = "Tazy", ["Idrissi"] = "Idrissy", ["Chraibi"] = "Chraïbi",
        ["Berrada"] = "Berada", ["Benjelloun"] = "Benjeloun", ["Lahlou"] = "Lahlu", ["Kettani"] = "Ketani",
        ["Ait Ali"] = "Aït Ali", ["Ziani"] = "Zyani", ["Haddad"] = "Hadad", ["Naciri"] = "Nassiri", ["Sbai"] = "Sbaï",
        ["Bouzidi"] = "Bouzidy", ["Mansouri"] = "Mansuri", ["Rifi"] = "Riffi", ["Soussi"] = "Sousi", ["Zerouali"] = "Zerwali",
        ["Belkadi"] = "Belqadi", ["El Khattabi"] = "Elkhattabi", ["Tahiri"] = "Tahiry", ["Jabri"] = "Jabry", ["Hajji"] = "Haji",
        ["Ait Benhaddou"] = "Ait Ben Haddou", ["Amzil"] = "Amzill",
    };

    private static readonly string[] PositiveKinds =
    [
        "transliteration", "other-script", "day-month-swapped", "unknown-day-1-january", "mistyped-day",
        "compound-first-name-shortened", "typo", "first-last-swapped", "transliteration-and-swapped-date", "mistyped-month",
    ];

    private static readonly string[] NegativeKinds =
    [
        "sibling-same-birth-year", "twins", "namesake-other-year", "namesake-same-year", "compound-sharing-first-part",
        "stranger-same-birth-date", "same-first-name-same-birth-date",
    ];

    public static List<DuplicatePair> Generate(int people = 150)
    {
        var rng = new Random(6);
        var pairs = new List<DuplicatePair>();
        for (var i = 0; i < people; i++)
        {
            var female = rng.Next(2) == 0;
            var compound = rng.Next(5) == 0;
            var firsts = compound ? (female ? CompoundWomen : CompoundMen) : (female ? PeopleDemoSeeder.Women : PeopleDemoSeeder.Men);
            var first = firsts[rng.Next(firsts.Length)];
            var family = PeopleDemoSeeder.Families[rng.Next(PeopleDemoSeeder.Families.Length)];
            var birth = new DateOnly(1960, 1, 1).AddDays(rng.Next(365 * 45));
            var withArabic = rng.Next(2) == 0;
            var a = new PersonIdentity(first.Latin, family.Latin, withArabic ? first.Arabic : null, withArabic ? family.Arabic : null, birth);

            foreach (var kind in new[] { PositiveKinds[i % PositiveKinds.Length], PositiveKinds[((i * 7) + 3) % PositiveKinds.Length] })
            {
                // Swapped-date kinds need a date that can be swapped (day 12 or less, not equal to the month).
                var left = kind.Contains("swapped-date", StringComparison.Ordinal) || kind == "day-month-swapped" ? Swappable(a) : a;
                pairs.Add(new DuplicatePair(true, kind, left, Positive(rng, kind, left, first, family)));
            }

            foreach (var kind in new[] { NegativeKinds[i % NegativeKinds.Length], NegativeKinds[((i * 5) + 2) % NegativeKinds.Length] })
            {
                pairs.Add(new DuplicatePair(false, kind, a, Negative(rng, kind, a, female, first, family)));
            }
        }

        return pairs;
    }

    private static PersonIdentity Positive(Random rng, string kind, PersonIdentity a, (string Latin, string Arabic) first, (string Latin, string Arabic) family)
    {
        var date = a.BirthDate!.Value;
        var arabic = rng.Next(2) == 0;
        var b = new PersonIdentity(first.Latin, family.Latin, arabic ? first.Arabic : null, arabic ? family.Arabic : null, date);
        switch (kind)
        {
            case "transliteration":
                return rng.Next(2) == 0 ? b with { FirstNameLatin = Variant(first.Latin) } : b with { LastNameLatin = Variant(family.Latin) };
            case "other-script":
                // The other agency typed the Arabic names and its own transliteration.
                return new PersonIdentity(Variant(first.Latin), Variant(family.Latin), first.Arabic, family.Arabic, date);
            case "day-month-swapped":
                return b with { BirthDate = new DateOnly(date.Year, date.Day, date.Month) };
            case "transliteration-and-swapped-date":
                return b with { FirstNameLatin = Variant(first.Latin), BirthDate = new DateOnly(date.Year, date.Day, date.Month) };
            case "unknown-day-1-january":
                return b with { BirthDate = new DateOnly(date.Year, 1, 1) == date ? new DateOnly(date.Year, 6, 15) : new DateOnly(date.Year, 1, 1) };
            case "mistyped-day":
                return b with { BirthDate = new DateOnly(date.Year, date.Month, OtherDay(rng, date)) };
            case "mistyped-month":
                return b with { BirthDate = new DateOnly(date.Year, OtherMonth(rng, date), Math.Min(date.Day, 28)) };
            case "compound-first-name-shortened":
                var parts = first.Latin.Split(' ');
                return parts.Length > 1
                    ? b with { FirstNameLatin = parts[0], FirstNameArabic = arabic ? first.Arabic.Split(' ')[0] : null }
                    : b with { FirstNameLatin = first.Latin + " " + (rng.Next(2) == 0 ? "Zahra" : "Amine") };
            case "typo":
                return b with { LastNameLatin = Typo(rng, family.Latin) };
            case "first-last-swapped":
                return b with { FirstNameLatin = family.Latin, LastNameLatin = first.Latin, FirstNameArabic = b.LastNameArabic, LastNameArabic = b.FirstNameArabic };
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private static PersonIdentity Negative(Random rng, string kind, PersonIdentity a, bool female, (string Latin, string Arabic) first, (string Latin, string Arabic) family)
    {
        var date = a.BirthDate!.Value;
        var names = female ? PeopleDemoSeeder.Women : PeopleDemoSeeder.Men;
        var other = names[rng.Next(names.Length)];
        while (NameKey.Key(other.Latin) == NameKey.Key(first.Latin.Split(' ')[0]))
        {
            other = names[rng.Next(names.Length)];
        }

        var otherFamily = PeopleDemoSeeder.Families[rng.Next(PeopleDemoSeeder.Families.Length)];
        while (otherFamily.Latin == family.Latin)
        {
            otherFamily = PeopleDemoSeeder.Families[rng.Next(PeopleDemoSeeder.Families.Length)];
        }

        var arabic = rng.Next(2) == 0;
        PersonIdentity Person(string f, string fa, string l, string la, DateOnly d) => new(f, l, arabic ? fa : null, arabic ? la : null, d);
        var sameYear = new DateOnly(date.Year, 1, 1).AddDays(rng.Next(1, 364));
        while (sameYear == date)
        {
            sameYear = new DateOnly(date.Year, 1, 1).AddDays(rng.Next(1, 364));
        }

        return kind switch
        {
            "sibling-same-birth-year" => Person(other.Latin, other.Arabic, family.Latin, family.Arabic, sameYear),
            "twins" => Person(other.Latin, other.Arabic, family.Latin, family.Arabic, date),
            "namesake-other-year" => Person(first.Latin, first.Arabic, family.Latin, family.Arabic, date.AddYears(rng.Next(2) == 0 ? -rng.Next(1, 12) : rng.Next(1, 12))),
            "namesake-same-year" => Person(first.Latin, first.Arabic, family.Latin, family.Arabic, sameYear),
            // Twins "Mohamed Amine" and "Mohamed Ali"; for a simple first name, a sibling "Mohamed Ali" born the same year.
            "compound-sharing-first-part" => first.Latin.Contains(' ', StringComparison.Ordinal)
                ? Person(first.Latin.Split(' ')[0] + SecondPart(female, first.Latin).Latin, first.Arabic.Split(' ')[0] + SecondPart(female, first.Latin).Arabic,
                    family.Latin, family.Arabic, date)
                : Person(first.Latin + " " + other.Latin, first.Arabic + " " + other.Arabic, family.Latin, family.Arabic, sameYear),
            "stranger-same-birth-date" => Person(other.Latin, other.Arabic, otherFamily.Latin, otherFamily.Arabic, date),
            "same-first-name-same-birth-date" => Person(first.Latin, first.Arabic, otherFamily.Latin, otherFamily.Arabic, date),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>Another second part for a compound first name: Ali/Amine for men, Nour/Zahra for women.</summary>
    private static (string Latin, string Arabic) SecondPart(bool female, string compound) => female
        ? (compound.EndsWith("Nour", StringComparison.Ordinal) ? (" Zahra", " الزهراء") : (" Nour", " نور"))
        : (compound.EndsWith("Ali", StringComparison.Ordinal) ? (" Amine", " أمين") : (" Ali", " علي"));

    private static string Variant(string name)
    {
        if (PeopleDemoSeeder.Variants.TryGetValue(name, out var v) || MoreVariants.TryGetValue(name, out v))
        {
            return v;
        }

        // Compound names: vary the first part.
        var parts = name.Split(' ');
        return parts.Length > 1 && (PeopleDemoSeeder.Variants.TryGetValue(parts[0], out v) || MoreVariants.TryGetValue(parts[0], out v))
            ? string.Join(' ', [v, .. parts[1..]])
            : name;
    }

    /// <summary>The record with a date whose day and month can be swapped (day 12 or less, not equal to the month).</summary>
    private static PersonIdentity Swappable(PersonIdentity p)
    {
        var d = p.BirthDate!.Value;
        return d.Day <= 12 && d.Day != d.Month ? p : p with { BirthDate = new DateOnly(d.Year, d.Month, (d.Month % 12) + 1) };
    }

    private static int OtherDay(Random rng, DateOnly d)
    {
        var day = d.Day;
        while (day == d.Day || (day == d.Month && d.Day == 1))
        {
            day = rng.Next(1, 29);
        }

        return day;
    }

    private static int OtherMonth(Random rng, DateOnly d)
    {
        var month = d.Month;
        while (month == d.Month || (month == d.Day))
        {
            month = rng.Next(1, 13);
        }

        return month;
    }

    /// <summary>One keyboard slip: a letter dropped, doubled, replaced by a neighbour vowel, or two letters swapped.</summary>
    private static string Typo(Random rng, string name)
    {
        var i = rng.Next(1, name.Length - 1);
        return rng.Next(4) switch
        {
            0 => name.Remove(i, 1),
            1 => name.Insert(i, name[i].ToString()),
            2 => name[..i] + (name[i] is 'a' or 'e' or 'i' or 'o' or 'u' ? (name[i] == 'i' ? 'e' : 'i') : name[i]) + name[(i + 1)..],
            _ => name[..i] + name[i + 1] + name[i] + name[(i + 2)..],
        };
    }

    private const string Header = "label\tkind\ta_first\ta_last\ta_first_ar\ta_last_ar\ta_birth\tb_first\tb_last\tb_first_ar\tb_last_ar\tb_birth";

    public static string ToTsv(IEnumerable<DuplicatePair> pairs)
    {
        var sb = new StringBuilder();
        sb.Append("# Labelled record pairs for the people duplicate rule (issue 6, 2.10). Generated by: dotnet run -c Release --project bench/Mismes.Bench -- duplicates generate\n");
        sb.Append(Header).Append('\n');
        static string Row(PersonIdentity p) => string.Join('\t', p.FirstNameLatin, p.LastNameLatin, p.FirstNameArabic ?? "", p.LastNameArabic ?? "",
            p.BirthDate!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        foreach (var p in pairs)
        {
            sb.Append(p.Duplicate ? "duplicate" : "different").Append('\t').Append(p.Kind).Append('\t')
                .Append(Row(p.A)).Append('\t').Append(Row(p.B)).Append('\n');
        }

        return sb.ToString();
    }

    public static List<DuplicatePair> FromTsv(IEnumerable<string> lines)
    {
        static string? Text(string s) => s.Length == 0 ? null : s;
        static PersonIdentity Read(string[] c, int at) => new(c[at], c[at + 1], Text(c[at + 2]), Text(c[at + 3]),
            DateOnly.ParseExact(c[at + 4], "yyyy-MM-dd", CultureInfo.InvariantCulture));
        return
        [
            .. lines.Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("label\t", StringComparison.Ordinal))
                .Select(l => l.Split('\t'))
                .Select(c => new DuplicatePair(c[0] == "duplicate", c[1], Read(c, 2), Read(c, 7))),
        ];
    }
}
