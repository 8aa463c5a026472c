using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Mismes.Core.Data;
using Mismes.Core.Jobs;
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
        services.AddScoped<AdministrationWorkCounts>();
        services.AddScoped<PasswordResetService>();

        // One password policy for the web host and the CLI, whichever registers Identity first (AddIdentity only
        // adds its length validator when none is registered yet).
        services.Configure<IdentityOptions>(o => PasswordPolicy.Configure(o.Password));
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IPasswordValidator<AppUser>, PasswordValidator<AppUser>>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IPasswordValidator<AppUser>, CommonPasswordValidator>());
        services.AddScoped<UserSessions>();
        services.AddScoped<SignInThrottle>();
        services.AddScoped<AccountService>();
        services.AddJobHandler<PurgeExpiredAccessDataHandler>();
        services.AddScoped<IReferenceDataSeeder, PurgeExpiredAccessDataSchedule>();
        services.AddScoped<IReferenceDataSeeder, AdministrationReferenceSeeder>();
        services.AddScoped<IDemoDataSeeder, DemoInstitutionSeeder>();
        services.AddScoped<IDemoDataSeeder, DemoAccountSeeder>();
        return services;
    }
}
