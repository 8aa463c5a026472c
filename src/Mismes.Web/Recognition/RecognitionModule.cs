using Mismes.Core.Recognition;
using Mismes.Web.Platform;
using Mismes.Web.Recognition.Api;

namespace Mismes.Web.Recognition;

/// <summary>
/// Registers the Recognition capability (issue 9, "validation of skills on return"): applications with their evidence,
/// assessments per ESCO skill, certificates signed as verifiable credentials, and the public verification page.
/// </summary>
internal static class RecognitionModule
{
    public static IServiceCollection AddRecognition(this IServiceCollection services)
    {
        services.AddRecognitionCore();
        services.AddRecognitionDemoData(sp => sp.GetRequiredService<PublicLinks>().BaseUrl);
        services.AddResourceSet<RecognitionResource>("Recognition");
        services.AddAuthorizationBuilder().AddRecognitionPolicies();
        services.AddNavigationEntry(new("Recognition.Nav", "/Recognition", RecognitionPolicies.ManageValidations, 45));
        return services;
    }

    public static IEndpointRouteBuilder MapRecognition(this IEndpointRouteBuilder app) => app.MapCredentialEndpoints();
}
