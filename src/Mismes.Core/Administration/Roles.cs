namespace Mismes.Core.Administration;

/// <summary>The roles of Mismes (issue 2). Role names are stable identifiers, shown to users through resources.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Advisor = "Advisor";
    public const string ProgrammeManager = "ProgrammeManager";
    public const string CaseWorker = "CaseWorker";
    public const string Trainer = "Trainer";
    public const string Analyst = "Analyst";
    public const string Employer = "Employer";
    public const string PartnerService = "PartnerService";
    public const string Expert = "Expert";
    public const string InstitutionMember = "InstitutionMember";
    public const string Beneficiary = "Beneficiary";

    public static readonly IReadOnlyList<string> All =
    [
        Administrator, Advisor, ProgrammeManager, CaseWorker, Trainer, Analyst,
        Employer, PartnerService, Expert, InstitutionMember, Beneficiary,
    ];
}
