using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mismes.Web.Administration;

/// <summary>Declares the two ways to call /api in the OpenAPI document: a partner's API key or a signed-in user's cookie.</summary>
internal static class OpenApiSecurity
{
    public const string ApiKeyScheme = "ApiKey";
    public const string CookieScheme = "Cookie";

    public static IServiceCollection AddOpenApiSecuritySchemes(this IServiceCollection services) =>
        services.Configure<OpenApiOptions>("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
            document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthentication.HeaderName,
                Description = "A partner system's key, scoped to one institution (or header `Authorization: ApiKey <key>`).",
            };
            document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = "mismes.auth",
                Description = "The sign-in cookie set by /Account/SignIn.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] });
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, document)] = [] });
            return Task.CompletedTask;
        }));
}
