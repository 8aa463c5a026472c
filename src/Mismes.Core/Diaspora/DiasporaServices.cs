using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Diaspora.Experts;
using Mismes.Core.Diaspora.Needs;

namespace Mismes.Core.Diaspora;

public static class DiasporaServices
{
    /// <summary>Diaspora's Core services (experts abroad and their profiles; needs of Moroccan institutions), for the web host and the CLI.</summary>
    public static IServiceCollection AddDiasporaCore(this IServiceCollection services)
    {
        services.AddScoped<ExpertService>();
        services.AddScoped<NeedService>();
        return services;
    }
}
