using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.Seeding;

namespace Mismes.Core.People;

/// <summary>
/// About 300 demo people at every stage of the migration cycle: prospective migrants in several regions,
/// seasonal workers in Spain, experts in France, Germany, Canada and Belgium, returnees; with names in both
/// scripts, languages, consents and a few deliberate transliteration duplicates. Deterministic (seeded Random,
/// fixed dates) and marked IsDemo. Runs only where demo data is wanted (never in Production).
/// </summary>
internal sealed class PeopleDemoSeeder(AppDbContext db) : IDemoDataSeeder
{
    public const int ProspectiveCount = 90;
    public const int SeasonalCount = 70;
    public const int ExpertCount = 60;
    public const int ReturneeCount = 70;
    public const int DuplicateCount = 10;
    public const int Total = ProspectiveCount + SeasonalCount + ExpertCount + ReturneeCount + DuplicateCount;

    private static readonly DateTimeOffset Epoch = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    internal static readonly (string Latin, string Arabic)[] Women =
    [
        ("Fatima", "فاطمة"), ("Khadija", "خديجة"), ("Aicha", "عائشة"), ("Naima", "نعيمة"), ("Zineb", "زينب"),
        ("Meryem", "مريم"), ("Salma", "سلمى"), ("Hanane", "حنان"), ("Latifa", "لطيفة"), ("Rachida", "رشيدة"),
        ("Saida", "سعيدة"), ("Karima", "كريمة"), ("Nadia", "نادية"), ("Samira", "سميرة"), ("Houda", "هدى"),
        ("Imane", "إيمان"), ("Asmae", "أسماء"), ("Sanae", "سناء"), ("Loubna", "لبنى"), ("Malika", "مليكة"),
        ("Hayat", "حياة"), ("Souad", "سعاد"), ("Widad", "وداد"), ("Ghizlane", "غزلان"),
    ];

    internal static readonly (string Latin, string Arabic)[] Men =
    [
        ("Mohamed", "محمد"), ("Ahmed", "أحمد"), ("Youssef", "يوسف"), ("Hassan", "حسن"), ("Said", "سعيد"),
        ("Abdelkader", "عبد القادر"), ("Rachid", "رشيد"), ("Mustapha", "مصطفى"), ("Omar", "عمر"), ("Karim", "كريم"),
        ("Hamid", "حميد"), ("Khalid", "خالد"), ("Abdellah", "عبد الله"), ("Driss", "إدريس"), ("Brahim", "إبراهيم"),
        ("Mehdi", "مهدي"), ("Anas", "أنس"), ("Ayoub", "أيوب"), ("Hicham", "هشام"), ("Jamal", "جمال"),
        ("Nabil", "نبيل"), ("Tarik", "طارق"), ("Amine", "أمين"), ("Ilyas", "إلياس"),
    ];

    internal static readonly (string Latin, string Arabic)[] Families =
    [
        ("Alaoui", "العلوي"), ("El Amrani", "العمراني"), ("Bennani", "بناني"), ("Tazi", "التازي"), ("Idrissi", "الإدريسي"),
        ("Benali", "بنعلي"), ("Chraibi", "الشرايبي"), ("Berrada", "برادة"), ("El Fassi", "الفاسي"), ("Ouazzani", "الوزاني"),
        ("Benjelloun", "بنجلون"), ("Lahlou", "لحلو"), ("Kettani", "الكتاني"), ("Ait Ali", "آيت علي"), ("Ziani", "الزياني"),
        ("Haddad", "الحداد"), ("Naciri", "الناصري"), ("Sbai", "السباعي"), ("Bouzidi", "البوزيدي"), ("Mansouri", "المنصوري"),
        ("Rifi", "الريفي"), ("Soussi", "السوسي"), ("Zerouali", "الزروالي"), ("Belkadi", "بلقاضي"), ("El Khattabi", "الخطابي"),
        ("Tahiri", "الطاهري"), ("Jabri", "الجابري"), ("Hajji", "الحجي"), ("Ait Benhaddou", "آيت بنحدو"), ("Amzil", "أمزيل"),
    ];

    /// <summary>Spellings another agency might have typed for the same person.</summary>
    internal static readonly Dictionary<string, string> Variants = new(StringComparer.Ordinal)
    {
        ["Mohamed"] = "Mohammed", ["Youssef"] = "Yousef", ["Fatima"] = "Fatna", ["Aicha"] = "Aisha", ["Mustapha"] = "Mostafa",
        ["Khadija"] = "Khadidja", ["Rachid"] = "Rachide", ["Hicham"] = "Hisham", ["Abdelkader"] = "Abdelqader",
        ["El Amrani"] = "Elamrani", ["Ouazzani"] = "Wazzani", ["Benali"] = "Ben Ali", ["El Fassi"] = "Al Fassi",
    };

    public int Order => 20;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<Person>().AnyAsync(p => p.IsDemo, ct))
        {
            return;
        }

        var institutions = await InstitutionsAsync(ct);
        var rng = new Random(20151);
        var people = new List<Person>(Total);

        string[] northRegions = ["MA-01", "MA-02", "MA-05", "MA-03"];
        string[] allRegions = [.. MoroccanRegions.All.Select(r => r.Code)];
        for (var i = 0; i < ProspectiveCount; i++)
        {
            var p = NewPerson(rng, rng.Next(3) == 0 ? Sex.Female : Sex.Male, institutions.Employment, allRegions[i % allRegions.Length], 19, 35);
            p.MigrationStatus = MigrationStatus.ProspectiveMigrant;
            p.IscedLevel = rng.Next(2, 7);
            p.EqfLevel = Math.Clamp(p.IscedLevel.Value, 1, 8);
            AddLanguage(p, "ar", CefrLevel.C2);
            AddLanguage(p, "fr", (CefrLevel)rng.Next(1, 5));
            if (i % 3 == 0)
            {
                AddLanguage(p, "de", (CefrLevel)rng.Next(0, 3));
            }

            AddConsent(rng, p, ConsentPurpose.ShareProfileWithForeignEmployers, given: rng.Next(10) < 8);
            people.Add(p);
        }

        for (var i = 0; i < SeasonalCount; i++)
        {
            // Huelva: women, mostly mothers from rural northern regions, low schooling (BRIEF.md case study).
            var p = NewPerson(rng, i % 10 == 0 ? Sex.Male : Sex.Female, institutions.Employment, northRegions[i % northRegions.Length], 25, 45);
            p.MigrationStatus = MigrationStatus.Abroad;
            p.CountryOfResidence = "ES";
            p.IscedLevel = rng.Next(0, 3);
            p.EqfLevel = p.IscedLevel == 0 ? null : 1;
            AddLanguage(p, "ar", CefrLevel.C2);
            AddLanguage(p, "es", (CefrLevel)rng.Next(0, 2));
            AddConsent(rng, p, ConsentPurpose.ShareProfileWithForeignEmployers, given: true);
            AddConsent(rng, p, ConsentPurpose.FollowUpSurveys, given: rng.Next(10) < 7);
            p.Notes = "Campagne fraises Huelva (démo)";
            people.Add(p);
        }

        // FINCOME experts: France 60%, Germany 13%, Canada 10%, Belgium 5% ... (BRIEF.md), simplified to four countries.
        string[] expertCountries = [.. Enumerable.Repeat("FR", 36), .. Enumerable.Repeat("DE", 10), .. Enumerable.Repeat("CA", 8), .. Enumerable.Repeat("BE", 6)];
        for (var i = 0; i < ExpertCount; i++)
        {
            var p = NewPerson(rng, rng.Next(3) == 0 ? Sex.Female : Sex.Male, institutions.Diaspora, allRegions[rng.Next(allRegions.Length)], 30, 62);
            p.MigrationStatus = MigrationStatus.Abroad;
            p.CountryOfResidence = expertCountries[i];
            p.IscedLevel = rng.Next(7, 9);
            p.EqfLevel = p.IscedLevel;
            AddLanguage(p, "ar", CefrLevel.C1);
            AddLanguage(p, "fr", CefrLevel.C2);
            AddLanguage(p, "en", (CefrLevel)rng.Next(3, 6));
            if (p.CountryOfResidence == "DE")
            {
                AddLanguage(p, "de", CefrLevel.C1);
            }

            AddConsent(rng, p, ConsentPurpose.ContactByExpertProgrammes, given: true);
            AddConsent(rng, p, ConsentPurpose.FollowUpSurveys, given: rng.Next(2) == 0);
            people.Add(p);
        }

        string[] returnedFrom = ["ES", "IT", "FR", "BE", "NL", "DE"];
        for (var i = 0; i < ReturneeCount; i++)
        {
            var p = NewPerson(rng, rng.Next(4) == 0 ? Sex.Female : Sex.Male, institutions.Return, allRegions[rng.Next(allRegions.Length)], 28, 60);
            p.MigrationStatus = MigrationStatus.Returned;
            // 58% of returnees have primary education or less (BRIEF.md).
            p.IscedLevel = rng.Next(100) < 58 ? rng.Next(0, 2) : rng.Next(2, 7);
            p.EqfLevel = p.IscedLevel == 0 ? null : Math.Clamp(p.IscedLevel.Value, 1, 8);
            AddLanguage(p, "ar", CefrLevel.C2);
            var from = returnedFrom[i % returnedFrom.Length];
            var spoken = from switch { "ES" => "es", "IT" => "it", "NL" => "nl", "DE" => "de", _ => "fr" };
            AddLanguage(p, spoken, (CefrLevel)rng.Next(1, 4));
            p.Notes = $"Retour de {from} (démo)";
            AddConsent(rng, p, ConsentPurpose.FollowUpSurveys, given: true);
            if (i % 4 == 0)
            {
                AddConsent(rng, p, ConsentPurpose.ShareWithPartnerInstitutions, given: true);
            }

            people.Add(p);
        }

        // Deliberate duplicates: the same person registered again with another spelling, for the merge demo.
        var withVariants = people.Where(p => Variants.ContainsKey(p.FirstNameLatin) || Variants.ContainsKey(p.LastNameLatin)).ToList();
        for (var i = 0; i < DuplicateCount; i++)
        {
            var original = withVariants[i * withVariants.Count / DuplicateCount];
            var copy = NewPerson(rng, original.Sex, [original.InstitutionId], original.RegionCode!, 20, 21);
            copy.FirstNameLatin = Variants.GetValueOrDefault(original.FirstNameLatin, original.FirstNameLatin);
            copy.LastNameLatin = Variants.GetValueOrDefault(original.LastNameLatin, original.LastNameLatin);
            copy.FirstNameArabic = i % 2 == 0 ? original.FirstNameArabic : null;
            copy.LastNameArabic = i % 2 == 0 ? original.LastNameArabic : null;
            copy.BirthDate = original.BirthDate;
            copy.MigrationStatus = original.MigrationStatus;
            copy.CountryOfResidence = original.CountryOfResidence;
            copy.Phone = null;
            copy.Email = null;
            copy.RefreshSearchColumns();
            AddLanguage(copy, "ar", CefrLevel.C2);
            people.Add(copy);
        }

        db.Set<Person>().AddRange(people);
        await db.SaveChangesAsync(ct);
    }

    private static Person NewPerson(Random rng, Sex sex, IReadOnlyList<Guid> institutions, string region, int minAge, int maxAge)
    {
        var (first, firstAr) = sex == Sex.Female ? Women[rng.Next(Women.Length)] : Men[rng.Next(Men.Length)];
        var (last, lastAr) = Families[rng.Next(Families.Length)];
        var created = Epoch.AddDays(rng.Next(0, 600)).AddMinutes(rng.Next(0, 480));
        var birth = DateOnly.FromDateTime(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)).AddYears(-rng.Next(minAge, maxAge)).AddDays(-rng.Next(0, 365));
        var idBytes = new byte[16];
        rng.NextBytes(idBytes);
        var provinces = MoroccanRegions.Find(region)!.Provinces;
        var person = new Person
        {
            Id = new Guid(idBytes),
            FirstNameLatin = first,
            LastNameLatin = last,
            FirstNameArabic = rng.Next(10) < 9 ? firstAr : null,
            LastNameArabic = rng.Next(10) < 9 ? lastAr : null,
            BirthDate = birth,
            Sex = sex,
            Phone = rng.Next(10) < 8 ? "+2126" + rng.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            RegionCode = region,
            ProvinceCode = provinces[rng.Next(provinces.Count)].Code,
            InstitutionId = institutions[rng.Next(institutions.Count)],
            IsDemo = true,
            CreatedAt = created,
            UpdatedAt = created,
        };
        if (rng.Next(10) < 5)
        {
            person.Email = $"{NameKey.Fold(first)}.{NameKey.Fold(last).Replace(" ", "", StringComparison.Ordinal)}{rng.Next(10, 99)}@demo.mismes.ma";
        }

        person.Events.Add(new PersonEvent { At = created, Kind = PersonEventKind.Created, Details = "demo" });
        person.RefreshSearchColumns();
        return person;
    }

    private static void AddLanguage(Person person, string code, CefrLevel level) =>
        person.Languages.Add(new PersonLanguage { Language = code, Level = level });

    private static void AddConsent(Random rng, Person person, ConsentPurpose purpose, bool given)
    {
        var at = person.CreatedAt.AddMinutes(5);
        var channel = (ConsentChannel)rng.Next(0, 4);
        person.Consents.Add(new ConsentRecord { Purpose = purpose, Given = true, At = at, Channel = channel, NoticeVersion = 1 });
        person.Events.Add(new PersonEvent { At = at, Kind = PersonEventKind.ConsentGiven, Details = $"{purpose};channel:{channel};notice:v1" });
        if (!given)
        {
            var later = at.AddDays(rng.Next(10, 200));
            person.Consents.Add(new ConsentRecord { Purpose = purpose, Given = false, At = later, Channel = ConsentChannel.Phone, NoticeVersion = 1 });
            person.Events.Add(new PersonEvent { At = later, Kind = PersonEventKind.ConsentWithdrawn, Details = $"{purpose};channel:Phone;notice:v1" });
        }
    }

    private sealed record DemoInstitutions(IReadOnlyList<Guid> Employment, IReadOnlyList<Guid> Diaspora, IReadOnlyList<Guid> Return);

    /// <summary>
    /// Puts people in the institutions that would register them: ANAPEC (and its agencies) for prospective and
    /// seasonal migrants, CNRST/MCMREAM for experts, IOM/NGOs for returnees. Institutions come from the
    /// Administration seeders; if none exist yet, a minimal demo set is created so the registry is never empty.
    /// </summary>
    private async Task<DemoInstitutions> InstitutionsAsync(CancellationToken ct)
    {
        var all = await db.Set<Institution>().OrderBy(i => i.Code).ToListAsync(ct);
        if (all.Count == 0)
        {
            all =
            [
                new Institution { Id = new Guid("0b9e2f4e-0000-4000-8000-0000000000a1"), Code = "ANAPEC", Name = "ANAPEC", Kind = InstitutionKind.PublicEmploymentService, IsDemo = true },
                new Institution { Id = new Guid("0b9e2f4e-0000-4000-8000-0000000000a2"), Code = "CNRST", Name = "CNRST", Kind = InstitutionKind.ResearchCentre, IsDemo = true },
                new Institution { Id = new Guid("0b9e2f4e-0000-4000-8000-0000000000a3"), Code = "IOM-MA", Name = "OIM Maroc", Kind = InstitutionKind.InternationalOrganisation, IsDemo = true },
            ];
            db.Set<Institution>().AddRange(all);
        }

        List<Guid> Pick(Func<Institution, bool> wanted)
        {
            var picked = all.Where(wanted).Select(i => i.Id).ToList();
            return picked.Count > 0 ? picked : [.. all.Select(i => i.Id)];
        }

        return new DemoInstitutions(
            Pick(i => i.Code.StartsWith("ANAPEC", StringComparison.OrdinalIgnoreCase)),
            Pick(i => i.Code is "CNRST" or "MCMREAM" || i.Kind == InstitutionKind.ResearchCentre),
            Pick(i => i.Code.StartsWith("IOM", StringComparison.OrdinalIgnoreCase) || i.Kind == InstitutionKind.Ngo));
    }
}
