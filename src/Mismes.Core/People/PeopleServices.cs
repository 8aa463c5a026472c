using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.Seeding;

namespace Mismes.Core.People;

public static class PeopleServices
{
    /// <summary>The People registry's Core services and seeders, for the web host and the CLI (`mismes demo seed`).</summary>
    public static IServiceCollection AddPeopleCore(this IServiceCollection services)
    {
        services.AddScoped<PersonService>();
        services.AddScoped<PersonDirectory>();
        services.AddScoped<PersonMergeService>();
        services.AddScoped<PeopleWorkCounts>();
        services.AddScoped<MyRecordService>();
        services.AddScoped<ConsentNoticeService>();
        services.AddScoped<IRecordNameSource, PersonRecordNames>();
        services.AddScoped<IReferenceDataSeeder, ConsentNoticeSeeder>();
        services.AddScoped<IReferenceDataSeeder, PersonSearchColumnsRefresher>();
        services.AddScoped<IDemoDataSeeder, PeopleDemoSeeder>();
        services.AddScoped<IDemoDataSeeder, BeneficiaryDemoSeeder>();
        return services;
    }
}
