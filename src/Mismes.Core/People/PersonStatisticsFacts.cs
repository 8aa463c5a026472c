namespace Mismes.Core.People;

/// <summary>
/// What statistics may know of a person at one moment, with nothing that identifies them: the facts an outcome event
/// is disaggregated by (sex, age group, region, education level, migration phase). Age is kept as a group, never as
/// a birth date.
/// </summary>
public sealed record PersonStatisticsFacts(string Sex, string AgeGroup, string? RegionCode, int? EqfLevel, string MigrationPhase, bool IsDemo)
{
    /// <summary>Age groups as the labour-force statistics of the HCP and the ILO report them.</summary>
    public static string AgeGroupOf(DateOnly birthDate, DateOnly on)
    {
        var age = on.Year - birthDate.Year - (on < birthDate.AddYears(on.Year - birthDate.Year) ? 1 : 0);
        return age switch
        {
            < 15 => "0-14",
            < 25 => "15-24",
            < 35 => "25-34",
            < 45 => "35-44",
            < 55 => "45-54",
            < 65 => "55-64",
            _ => "65+",
        };
    }
}
