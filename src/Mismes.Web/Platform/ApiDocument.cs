using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Mismes.Web.Administration;

namespace Mismes.Web.Platform;

/// <summary>
/// The OpenAPI document (/openapi/v1.json) says what a partner needs to call each operation: how to authenticate (an
/// API key, with the scopes the operation needs, or a staff member's cookie) and every error it can answer, each an
/// RFC 9457 problem details document (application/problem+json). Read from the endpoints' own metadata, so a new
/// endpoint is described correctly without a line here (docs/adr/0019-api-key-scopes.md).
/// </summary>
internal static class ApiDocument
{
    public const string ApiKeyScheme = "ApiKey";
    public const string CookieScheme = "Cookie";
    private const string ProblemJson = "application/problem+json";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                Describe(document);
                return Task.CompletedTask;
            });
            o.AddOperationTransformer(DescribeAsync);
        });

    private static void Describe(OpenApiDocument document)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Mismes API",
            Version = "v1",
            Description = "Integrated platform for migrant support measures in Morocco: the public catalogue of "
                + "support measures and, for partner institutions, the people registry and the services built on it. "
                + "Partner systems authenticate with an API key limited to one institution and to the scopes its "
                + "creator granted (each operation lists the scope it needs). Errors are RFC 9457 problem details.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthentication.HeaderName,
            Description = "A partner system's key, limited to one institution and to its scopes (or header `Authorization: ApiKey <key>`).",
        };
        document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "mismes.auth",
            Description = "The sign-in cookie set by /Account/SignIn (staff, judged by their role).",
        };
    }

    private static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var scopes = metadata.OfType<RequiredApiScope>().Select(s => s.Scope).Distinct(StringComparer.Ordinal).ToList();
        var namesAPolicy = scopes.Count > 0 || metadata.OfType<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null);
        var document = context.Document!;

        // Everything outside the public allow-list needs a signed-in caller (the fallback policy). OpenAPI 3.1 lets an
        // apiKey requirement list "roles": here the scopes a key must hold. A public operation takes a key optionally
        // (the empty requirement), which only counts against that key's rate limit.
        operation.Security = anonymous
            ? [Requirement(ApiKeyScheme, [], document), new OpenApiSecurityRequirement()]
            : [Requirement(ApiKeyScheme, scopes, document), Requirement(CookieScheme, [], document)];
        if (scopes.Count > 0)
        {
            operation.Description = (operation.Description is { Length: > 0 } text ? text + "\n\n" : "")
                + "API keys need the scope " + string.Join(", ", scopes.Select(s => "`" + s + "`")) + ".";
        }

        var problem = await SchemaAsync(typeof(ProblemDetails), "ProblemDetails", context, ct);
        var validation = await SchemaAsync(typeof(HttpValidationProblemDetails), "HttpValidationProblemDetails", context, ct);
        operation.Responses ??= [];
        var takesInput = context.Description.ParameterDescriptions.Count > 0;
        if (takesInput)
        {
            Answer(operation, StatusCodes.Status400BadRequest, "The input is not valid: `errors` names each field.", validation);
        }

        if (!anonymous)
        {
            Answer(operation, StatusCodes.Status401Unauthorized, "No valid API key or session.", problem);
            if (namesAPolicy)
            {
                Answer(operation, StatusCodes.Status403Forbidden, scopes.Count > 0
                    ? "The caller's role, or the API key's scopes, do not allow this operation."
                    : "The caller's role does not allow this operation.", problem);
            }
        }

        if (context.Description.RelativePath?.Contains('{', StringComparison.Ordinal) == true)
        {
            Answer(operation, StatusCodes.Status404NotFound, "No such record, or it belongs to another institution.", problem);
        }

        Answer(operation, StatusCodes.Status429TooManyRequests, "Too many requests: wait for the number of seconds in Retry-After.", problem);

        // Whatever else the endpoint declared (409 possible duplicates, 413, 422...) is a problem details document too.
        foreach (var (status, response) in operation.Responses)
        {
            if (int.TryParse(status, out var code) && code >= 400 && response is OpenApiResponse concrete)
            {
                AsProblem(concrete, code == StatusCodes.Status400BadRequest ? validation : problem);
            }
        }
    }

    private static OpenApiSecurityRequirement Requirement(string scheme, List<string> scopes, OpenApiDocument document) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = scopes };

    private static void Answer(OpenApiOperation operation, int status, string description, IOpenApiSchema schema)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.Responses!.ContainsKey(key))
        {
            operation.Responses[key] = new OpenApiResponse { Description = description };
        }
        else if (operation.Responses[key] is OpenApiResponse { Description: null or "" } existing)
        {
            existing.Description = description;
        }
    }

    /// <summary>Every error body is application/problem+json, whatever the endpoint's metadata said (often nothing).</summary>
    private static void AsProblem(OpenApiResponse response, IOpenApiSchema schema)
    {
        var existing = response.Content?.TryGetValue(ProblemJson, out var media) == true ? media.Schema : null;
        response.Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
        {
            [ProblemJson] = new OpenApiMediaType { Schema = existing ?? schema },
        };
    }

    /// <summary>The component schema <paramref name="id"/> for <paramref name="type"/>, added to the document once.</summary>
    private static async Task<IOpenApiSchema> SchemaAsync(Type type, string id, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var document = context.Document!;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        if (!document.Components.Schemas.ContainsKey(id))
        {
            document.AddComponent(id, await context.GetOrCreateSchemaAsync(type, null, ct));
        }

        return new OpenApiSchemaReference(id, document);
    }
}
