using Mismes.Core.Evaluation;
using Mismes.Web.Administration;
using Mismes.Web.Platform;

namespace Mismes.Web.Evaluation;

/// <summary>
/// Registers the Evaluation capability: indicators over the outcome events every capability records, targets and
/// aggregate figures, dashboards, and each person's journey across the measures (issue 10).
/// </summary>
internal static class EvaluationModule
{
    public static IServiceCollection AddEvaluation(this IServiceCollection services)
    {
        services.AddEvaluationCore();
        services.AddScoped<EvaluationLabels>();
        services.AddResourceSet<EvaluationResource>("Evaluation");
        services.AddAuthorizationBuilder().AddEvaluationPolicies();
        services.AddNavigationEntry(new("Evaluation.Nav", "/Evaluation", EvaluationPolicies.ViewIndicators, 60));
        services.AddHomeLink(new("Evaluation.MyJourney.Title", "/Evaluation/MyJourney", EvaluationPolicies.OwnJourney, 20));
        services.AddHomeLink(new("Evaluation.Import.Title", "/Evaluation/Import", EvaluationPolicies.ManageFigures, 60));
        return services;
    }

    public static IEndpointRouteBuilder MapEvaluation(this IEndpointRouteBuilder app) => app;
}
