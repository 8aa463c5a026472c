using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Data;
using Mismes.Core.Seeding;

namespace Mismes.Core.Administration;

/// <summary>The Administration capability's Core services, shared by the web host and the `mismes` CLI.</summary>
public static class AdministrationServices
{
    public static IServiceCollection AddAdministrationCore(this IServiceCollection services)
    {
        // Composes with AddMismesDatabase's options whatever the registration order.
        services.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(AuditAppendOnlyInterceptor.Instance));
        services.AddScoped<ApiKeyService>();
        services.AddScoped<AuditTrailService>();
        services.AddScoped<InstitutionDirectory>();
        services.AddScoped<RecordNames>();
        services.AddScoped<IRecordNameSource, UserRecordNames>();
        services.AddScoped<IRecordNameSource, InstitutionRecordNames>();
        services.AddScoped<UserAdministrationService>();
        services.AddScoped<IReferenceDataSeeder, AdministrationReferenceSeeder>();
        services.AddScoped<IDemoDataSeeder, DemoInstitutionSeeder>();
        services.AddScoped<IDemoDataSeeder, DemoAccountSeeder>();
        return services;
    }
}
