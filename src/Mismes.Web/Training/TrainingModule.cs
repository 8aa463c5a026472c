using Mismes.Core.Training;
using Mismes.Web.Platform;
using Mismes.Web.Training.Api;

namespace Mismes.Web.Training;

/// <summary>
/// Registers the Training capability: the course catalogue (language, civic orientation, pre-departure workshop,
/// intercultural, vocational; the ESCO skills each develops) and the programmes that bundle courses.
/// </summary>
internal static class TrainingModule
{
    public static IServiceCollection AddTraining(this IServiceCollection services)
    {
        services.AddTrainingCore();
        services.AddResourceSet<TrainingResource>("Training");
        services.AddAuthorizationBuilder().AddTrainingPolicies();
        services.AddScoped<TrainingLabels>();
        services.AddNavigationEntry(new("Training.Nav", "/Training", TrainingPolicies.ReadCatalogue, 45));
        return services;
    }

    public static IEndpointRouteBuilder MapTraining(this IEndpointRouteBuilder app)
    {
        app.MapCourseEndpoints();
        return app;
    }
}
