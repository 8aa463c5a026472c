using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Seeding;

namespace Mismes.Core.Training;

public static class TrainingServices
{
    /// <summary>Training's Core services and seeders (the course catalogue and its programmes), for the web host and the CLI.</summary>
    public static IServiceCollection AddTrainingCore(this IServiceCollection services)
    {
        services.AddScoped<TrainingCatalogueService>();
        services.AddScoped<IReferenceDataSeeder, TrainingCatalogueSeeder>();
        return services;
    }
}
