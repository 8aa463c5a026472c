using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Mismes.Core.Administration;
using Mismes.Core.Esco;
using Mismes.Core.Jobs;

namespace Mismes.Core;

public static class CoreServices
{
    /// <summary>Services every capability relies on. Capabilities add their own with Add&lt;Capability&gt;().</summary>
    public static IServiceCollection AddCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ICurrentUser, SystemUser>();
        services.AddScoped<AuditLog>();
        services.AddScoped<Seeding.SeedRunner>();
        services.AddCoreJobs();
        services.AddEsco();
        return services;
    }
}
