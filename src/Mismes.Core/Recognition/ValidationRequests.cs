namespace Mismes.Core.Recognition;

public static class ValidationLimits
{
    public const int Trade = 200;
    public const int Text = 4000;
    public const int Assessors = 1000;
    public const int Reason = 500;
    public const int MaxSkills = 30;
    public const int MaxYears = 60;
}

/// <summary>A new application, made by staff of the person's institution with the returnee.</summary>
public sealed record NewValidationApplication
{
    public required Guid PersonId { get; init; }
    public required string Trade { get; init; }
    public required string CountryOfWork { get; init; }
    public required int YearsAbroad { get; init; }
    public string? WorkAbroad { get; init; }
    public string? References { get; init; }
    public required IReadOnlyList<string> SkillUris { get; init; }
}

/// <summary>The outcome of the assessment session.</summary>
public sealed record AssessmentInput
{
    public required DateOnly AssessedOn { get; init; }

    /// <summary>The assessors, one name per line; at least one.</summary>
    public required string Assessors { get; init; }

    /// <summary>The level reached on the NQF/EQF, 1 to 8.</summary>
    public required int EqfLevel { get; init; }

    /// <summary>The skill URIs validated; every other skill of the application is "not validated".</summary>
    public required IReadOnlyList<string> Validated { get; init; }
}

public sealed record ValidationSkillView(string Uri, SkillOutcome Outcome);

public sealed record CertificateView(
    Guid Id,
    string Code,
    string HolderName,
    string IssuerName,
    string Trade,
    int EqfLevel,
    IReadOnlyList<string> Skills,
    DateTimeOffset IssuedAt,
    DateTimeOffset? RevokedAt,
    string? RevocationReason)
{
    public bool Revoked => RevokedAt is not null;

    internal static CertificateView Of(Certificate c) =>
        new(c.Id, c.Code, c.HolderName, c.IssuerName, c.Trade, c.EqfLevel, c.Skills, c.IssuedAt, c.RevokedAt, c.RevocationReason);
}

public sealed record ValidationApplicationView(
    Guid Id,
    Guid PersonId,
    string PersonName,
    string Trade,
    string CountryOfWork,
    int YearsAbroad,
    string WorkAbroad,
    string References,
    ValidationStatus Status,
    DateTimeOffset SubmittedAt,
    DateOnly? AssessedOn,
    string Assessors,
    int? EqfLevel,
    IReadOnlyList<ValidationSkillView> Skills,
    CertificateView? Certificate);

public sealed record ValidationApplicationSummary(
    Guid Id,
    Guid PersonId,
    string PersonName,
    string Trade,
    ValidationStatus Status,
    DateTimeOffset SubmittedAt,
    string? CertificateCode);

/// <summary>What the public verification page shows of a certificate: what it states, and whether it still holds.</summary>
public sealed record CertificateVerification(CertificateView Certificate, string Credential);

/// <summary>Resource keys of Validation's field errors and conflicts (translated in the web layer).</summary>
public static class RecognitionErrors
{
    public const string Required = "Recognition.Error.Required";
    public const string TooLong = "Recognition.Error.TooLong";
    public const string Person = "Recognition.Error.Person";
    public const string Country = "Recognition.Error.Country";
    public const string Years = "Recognition.Error.Years";
    public const string Skill = "Recognition.Error.Skill";
    public const string SkillNotInApplication = "Recognition.Error.SkillNotInApplication";
    public const string Eqf = "Recognition.Error.Eqf";
    public const string Date = "Recognition.Error.Date";
    public const string AlreadyCertified = "Recognition.Error.AlreadyCertified";
    public const string NotAssessed = "Recognition.Error.NotAssessed";
    public const string NothingValidated = "Recognition.Error.NothingValidated";
    public const string AlreadyRevoked = "Recognition.Error.AlreadyRevoked";

    public static readonly IReadOnlyList<string> All =
        [Required, TooLong, Person, Country, Years, Skill, SkillNotInApplication, Eqf, Date, AlreadyCertified, NotAssessed, NothingValidated, AlreadyRevoked];
}
