namespace Mismes.Core.People;

public sealed record Province(string Code, string Name);

public sealed record Region(string Code, string NameFr, string NameAr, IReadOnlyList<Province> Provinces)
{
    public string NameFor(string culture) => culture.StartsWith("ar", StringComparison.Ordinal) ? NameAr : NameFr;
}

/// <summary>
/// The 12 regions of Morocco (2015 division, ISO 3166-2:MA codes) with their provinces and prefectures
/// (ISO 3166-2 three-letter codes). Reference list in code: it changes once a decade, by decree.
/// </summary>
public static class MoroccanRegions
{
    public static IReadOnlyList<Region> All { get; } =
    [
        new("MA-01", "Tanger-Tétouan-Al Hoceïma", "طنجة تطوان الحسيمة",
        [
            new("TNG", "Tanger-Assilah"), new("MDF", "M'diq-Fnideq"), new("TET", "Tétouan"), new("FAH", "Fahs-Anjra"),
            new("LAR", "Larache"), new("HOC", "Al Hoceïma"), new("CHE", "Chefchaouen"), new("OUZ", "Ouezzane"),
        ]),
        new("MA-02", "L'Oriental", "الشرق",
        [
            new("OUJ", "Oujda-Angad"), new("NAD", "Nador"), new("DRI", "Driouch"), new("JRA", "Jerada"),
            new("BER", "Berkane"), new("TAI", "Taourirt"), new("GUF", "Guercif"), new("FIG", "Figuig"),
        ]),
        new("MA-03", "Fès-Meknès", "فاس مكناس",
        [
            new("FES", "Fès"), new("MEK", "Meknès"), new("HAJ", "El Hajeb"), new("IFR", "Ifrane"), new("MOU", "Moulay Yacoub"),
            new("SEF", "Sefrou"), new("BOM", "Boulemane"), new("TAO", "Taounate"), new("TAZ", "Taza"),
        ]),
        new("MA-04", "Rabat-Salé-Kénitra", "الرباط سلا القنيطرة",
        [
            new("RAB", "Rabat"), new("SAL", "Salé"), new("SKH", "Skhirate-Témara"), new("KEN", "Kénitra"),
            new("KHE", "Khémisset"), new("SIK", "Sidi Kacem"), new("SIL", "Sidi Slimane"),
        ]),
        new("MA-05", "Béni Mellal-Khénifra", "بني ملال خنيفرة",
        [
            new("BEM", "Béni Mellal"), new("AZI", "Azilal"), new("FQH", "Fquih Ben Salah"), new("KHN", "Khénifra"), new("KHO", "Khouribga"),
        ]),
        new("MA-06", "Casablanca-Settat", "الدار البيضاء سطات",
        [
            new("CAS", "Casablanca"), new("MOH", "Mohammédia"), new("JDI", "El Jadida"), new("NOU", "Nouaceur"), new("MED", "Médiouna"),
            new("BES", "Benslimane"), new("BRR", "Berrechid"), new("SET", "Settat"), new("SIB", "Sidi Bennour"),
        ]),
        new("MA-07", "Marrakech-Safi", "مراكش آسفي",
        [
            new("MAR", "Marrakech"), new("CHI", "Chichaoua"), new("HAO", "Al Haouz"), new("KES", "El Kelâa des Sraghna"),
            new("ESI", "Essaouira"), new("REH", "Rehamna"), new("SAF", "Safi"), new("YUS", "Youssoufia"),
        ]),
        new("MA-08", "Drâa-Tafilalet", "درعة تافيلالت",
        [
            new("ERR", "Errachidia"), new("OUA", "Ouarzazate"), new("MID", "Midelt"), new("TIN", "Tinghir"), new("ZAG", "Zagora"),
        ]),
        new("MA-09", "Souss-Massa", "سوس ماسة",
        [
            new("AGD", "Agadir-Ida-Ou-Tanane"), new("INE", "Inezgane-Aït Melloul"), new("CHT", "Chtouka-Aït Baha"),
            new("TAR", "Taroudannt"), new("TIZ", "Tiznit"), new("TAT", "Tata"),
        ]),
        new("MA-10", "Guelmim-Oued Noun", "كلميم واد نون",
        [
            new("GUE", "Guelmim"), new("ASZ", "Assa-Zag"), new("TNT", "Tan-Tan"), new("SIF", "Sidi Ifni"),
        ]),
        new("MA-11", "Laâyoune-Sakia El Hamra", "العيون الساقية الحمراء",
        [
            new("LAA", "Laâyoune"), new("BOD", "Boujdour"), new("TAF", "Tarfaya"), new("ESM", "Es-Semara"),
        ]),
        new("MA-12", "Dakhla-Oued Ed-Dahab", "الداخلة وادي الذهب",
        [
            new("OUD", "Oued Ed-Dahab"), new("AOU", "Aousserd"),
        ]),
    ];

    public static Region? Find(string? code) =>
        code is null ? null : All.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));

    public static bool IsProvinceOf(string regionCode, string provinceCode) =>
        Find(regionCode)?.Provinces.Any(p => string.Equals(p.Code, provinceCode, StringComparison.OrdinalIgnoreCase)) ?? false;
}
