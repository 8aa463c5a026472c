using Microsoft.Extensions.DependencyInjection;

namespace Mismes.Core.Placement.Vacancies;

public static class VacancyServices
{
    /// <summary>The vacancies part of Placement (its own file so the candidates part registers beside it without conflicts).</summary>
    public static IServiceCollection AddVacancies(this IServiceCollection services)
    {
        services.AddScoped<VacancyService>();
        return services;
    }
}
