using Microsoft.Extensions.DependencyInjection;

namespace Mismes.Core.Evaluation;

public static class EvaluationServices
{
    /// <summary>
    /// The outcome event record every capability writes to, and what reads it. Registered by <c>AddCore()</c>, not by
    /// the Evaluation web module, because every capability's Core services depend on <see cref="OutcomeRecorder"/>.
    /// </summary>
    public static IServiceCollection AddEvaluationCore(this IServiceCollection services)
    {
        services.AddScoped<OutcomeRecorder>();
        services.AddScoped<PersonJourneyService>();
        return services;
    }
}
