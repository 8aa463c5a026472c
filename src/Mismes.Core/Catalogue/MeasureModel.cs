namespace Mismes.Core.Catalogue;

/// <summary>The 11 models of the ETF global inventory of migrant support measures (MISMES typology).</summary>
public enum MeasureModel
{
    InternationalJobMatching = 1,
    PreDepartureInformation = 2,
    ProfessionalSkillsUpgrading = 3,
    LabourMarketInformationAndProtection = 4,
    SkillsCapitalisation = 5,
    SkillsRecognition = 6,
    ReturnInformationPlatforms = 7,
    ReturneeEntrepreneurship = 8,
    AssistedVoluntaryReturn = 9,
    MigrantResourceCentres = 10,
    SocialFunds = 11,
}

/// <summary>When in the migration cycle a measure acts.</summary>
public enum MigrationPhase
{
    PreMigration = 1,
    DuringMigration = 2,
    PostMigration = 3,
    Several = 4,
}

/// <summary>Where a catalogue entry comes from.</summary>
public enum MeasureOrigin
{
    /// <summary>One of the 9 measures of the report's Table 2.1, or one of the initiatives they group.</summary>
    Table21 = 1,

    /// <summary>Mentioned in the report's text but not in Table 2.1 (e.g. OFPPT's validation pilot).</summary>
    ReportText = 2,

    /// <summary>Added by a programme manager.</summary>
    Added = 3,
}

/// <summary>Whether a measure runs on a given day, computed from its period.</summary>
public enum MeasureStatus
{
    Unknown = 0,
    Upcoming = 1,
    Active = 2,
    Ended = 3,
}

/// <summary>The part an organisation plays in a measure.</summary>
public enum PartyRole
{
    Implementer = 1,
    Funder = 2,
}
