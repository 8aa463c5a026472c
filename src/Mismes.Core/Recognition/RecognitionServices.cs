using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Seeding;

namespace Mismes.Core.Recognition;

public static class RecognitionServices
{
    /// <summary>
    /// The validation of skills on return and its signed certificates (issue 9), for the web host and the CLI. It needs
    /// People's directory, Placement's candidate profiles (validated skills enter them) and Evaluation's outcome record.
    /// </summary>
    public static IServiceCollection AddRecognitionCore(this IServiceCollection services)
    {
        services.AddScoped<CredentialKeyRing>();
        services.AddScoped<ValidationService>();
        return services;
    }

    /// <summary>
    /// The demo validations (one submitted, one assessed, one certified). Only where the data-protection key ring that
    /// guards the signing key is configured, i.e. the web host; <paramref name="publicBaseUrl"/> starts the links in
    /// the demo credential.
    /// </summary>
    public static IServiceCollection AddRecognitionDemoData(this IServiceCollection services, Func<IServiceProvider, string> publicBaseUrl)
    {
        services.AddSingleton(sp => new RecognitionLinks(publicBaseUrl(sp)));
        services.AddScoped<IDemoDataSeeder, RecognitionDemoSeeder>();
        return services;
    }
}
