namespace Mismes.Core.Administration;

/// <summary>Codes of the real national and international institutions every installation knows (reference data).</summary>
public static class InstitutionCodes
{
    public const string Anapec = "ANAPEC";
    public const string Mcmream = "MCMREAM";
    public const string MinistryOfEmployment = "MEMPLOI";
    public const string Ofppt = "OFPPT";
    public const string Cnrst = "CNRST";
    public const string IomMorocco = "IOM-MA";
    public const string Ofii = "OFII";
    public const string Giz = "GIZ";
}

/// <summary>
/// Codes of the demo institutions (IsDemo = true): loaded with the demo data set only, never in Production.
/// Other capabilities' demo seeders put their demo records in these.
/// </summary>
public static class DemoInstitutions
{
    public const string AnapecTanger = "ANAPEC-TNG";
    public const string AnapecCasablanca = "ANAPEC-CAS";
    public const string AnapecBeniMellal = "ANAPEC-BML";
    public const string Ngo = "DEMO-NGO-RD";
    public const string HuelvaCooperative = "DEMO-ES-HUELVA";
    public const string SpanishEmploymentService = "DEMO-ES-SEPE";
    public const string GermanEmploymentService = "DEMO-DE-BA";

    public static readonly IReadOnlyList<string> All =
    [
        AnapecTanger, AnapecCasablanca, AnapecBeniMellal, Ngo, HuelvaCooperative, SpanishEmploymentService, GermanEmploymentService,
    ];
}
