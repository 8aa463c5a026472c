using Mismes.Core.Training;
using Mismes.Web.Platform;
using Mismes.Web.Training.Api;

namespace Mismes.Web.Training;

/// <summary>
/// Registers the Training capability: the course catalogue (language, civic orientation, pre-departure workshop,
/// intercultural, vocational; the ESCO skills each develops), the programmes that bundle courses, sessions with
/// enrolment, attendance and completion, and the advice that links a candidate's skill gap to sessions (ADR 0038).
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
        services.AddNavigationEntry(new("Training.Session.Nav", "/Training/Sessions", TrainingPolicies.ManageSessions, 46));
        services.AddNavigationEntry(new("Training.Attendance.Nav", "/Training/Attendance", TrainingPolicies.TakeAttendance, 47));
        return services;
    }

    public static IEndpointRouteBuilder MapTraining(this IEndpointRouteBuilder app)
    {
        app.MapCourseEndpoints();
        app.MapSessionEndpoints();
        return app;
    }
}
