using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Seeding;

namespace Mismes.Core.Evaluation;

public static class EvaluationServices
{
    /// <summary>
    /// The outcome event record every capability writes to (<see cref="OutcomeRecorder"/>), a person's journey,
    /// indicators, targets and aggregate figures with their seeder: for the web host (AddEvaluation) and the CLI. It
    /// needs People's Core services (the disaggregation facts and the journey's access check).
    /// </summary>
    public static IServiceCollection AddEvaluationCore(this IServiceCollection services)
    {
        services.AddScoped<OutcomeRecorder>();
        services.AddScoped<PersonJourneyService>();
        services.AddScoped<IndicatorService>();
        services.AddScoped<AggregateFigureImport>();
        services.AddScoped<IReferenceDataSeeder, IndicatorSeeder>();
        return services;
    }
}
