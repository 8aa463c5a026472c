using Mismes.Core.Common;
using Mismes.Core.Diaspora.Experts;
using Mismes.Core.Esco;

namespace Mismes.Core.Diaspora.Needs;

/// <summary>A whole need as its author saves it (create, or replace on edit).</summary>
public sealed record SaveNeed
{
    public required string Title { get; init; }

    public string Description { get; init; } = "";

    public NeedType Type { get; init; }

    public string? OccupationUri { get; init; }

    public IReadOnlyList<string> SkillUris { get; init; } = [];

    /// <summary>The author saw the ESCO coding and accepts it (pages set it on save; API clients say so).</summary>
    public bool CodingConfirmed { get; init; }

    public DateOnly StartDate { get; init; }

    public DateOnly EndDate { get; init; }

    public string Place { get; init; } = "";

    public MissionMode Mode { get; init; }

    public decimal? BudgetMad { get; init; }

    public NeedStatus Status { get; init; }

    public bool IsDemo { get; init; }
}

public sealed record NeedView(
    Guid Id,
    Guid InstitutionId,
    string Title,
    string Description,
    NeedType Type,
    NeedStatus Status,
    string? OccupationUri,
    IReadOnlyList<string> SkillUris,
    bool CodingConfirmed,
    DateOnly StartDate,
    DateOnly EndDate,
    string Place,
    MissionMode Mode,
    decimal? BudgetMad,
    DateTimeOffset UpdatedAt);

public sealed record NeedSearch
{
    public NeedStatus? Status { get; init; }

    public NeedType? Type { get; init; }

    public PageRequest Paging { get; init; } = new();
}

/// <summary>What the taxonomy proposes for a need's text, for its author to confirm or change.</summary>
public sealed record NeedCodingProposal(IReadOnlyList<EscoChoice> Occupations, IReadOnlyList<EscoChoice> Skills);

public static class NeedErrors
{
    public const string Required = "Diaspora.Need.Error.Required";
    public const string TooLong = "Diaspora.Need.Error.TooLong";
    public const string Text = "Diaspora.Need.Error.Text";
    public const string Occupation = "Diaspora.Need.Error.Occupation";
    public const string Skill = "Diaspora.Need.Error.Skill";
    public const string NoExpertise = "Diaspora.Need.Error.NoExpertise";
    public const string Period = "Diaspora.Need.Error.Period";
    public const string Budget = "Diaspora.Need.Error.Budget";
    public const string Choice = "Diaspora.Need.Error.Choice";
    public const string Number = "Diaspora.Need.Error.Number";
    public const string Date = "Diaspora.Need.Error.Date";
    public const string NoInstitution = "Diaspora.Need.Error.NoInstitution";
    public const string TooMany = "Diaspora.Need.Error.TooMany";

    public static IReadOnlyList<string> All { get; } = [Required, TooLong, Text, Occupation, Skill, NoExpertise, Period, Budget, Choice, Number, Date, NoInstitution, TooMany];
}
