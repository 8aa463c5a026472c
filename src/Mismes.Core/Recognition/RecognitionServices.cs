using Microsoft.Extensions.DependencyInjection;

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
}
