using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Seeding;

namespace Mismes.Core.Catalogue;

public static class CatalogueServices
{
    /// <summary>The catalogue's Core services and seeder, for the web host (AddCatalogue) and the CLI (`mismes migrate`).</summary>
    public static IServiceCollection AddCatalogueCore(this IServiceCollection services)
    {
        services.AddScoped<CatalogueService>();
        services.AddScoped<CatalogueWorkCounts>();
        services.AddScoped<IReferenceDataSeeder, CatalogueSeeder>();
        services.AddScoped<Eligibility.EligibilityService>();
        services.AddScoped<IReferenceDataSeeder, Eligibility.EligibilitySeeder>();
        services.AddScoped<Administration.IRecordNameSource, MeasureRecordNames>();
        return services;
    }
}
