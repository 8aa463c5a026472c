using Microsoft.AspNetCore.Authorization;
using Mismes.Core.Administration;

namespace Mismes.Web.Evaluation;

/// <summary>Evaluation's policies. Indicators are aggregates (nobody is named), journeys are personal records.</summary>
public static class EvaluationPolicies
{
    /// <summary>Dashboards and indicator exports: analysts, programme managers, administrators.</summary>
    public const string ViewIndicators = "Evaluation.ViewIndicators";

    /// <summary>Entering and importing aggregate figures and targets: programme managers and administrators.</summary>
    public const string ManageFigures = "Evaluation.ManageFigures";

    /// <summary>A beneficiary's own journey, found from her account. Never an API key.</summary>
    public const string OwnJourney = "Evaluation.OwnJourney";

    public static AuthorizationBuilder AddEvaluationPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(ViewIndicators, p => p.RequireRole(Roles.Analyst, Roles.ProgrammeManager, Roles.Administrator))
        .AddPolicy(ManageFigures, p => p.RequireRole(Roles.ProgrammeManager, Roles.Administrator))
        .AddPolicy(OwnJourney, p => p.RequireRole(Roles.Beneficiary));
}
