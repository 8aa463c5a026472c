using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;

namespace Mismes.Web.Platform;

/// <summary>
/// Input the API cannot read is the client's mistake, so it answers 400 (413 when too large) validation problem
/// details naming the field, never 500: malformed or deeply nested JSON, wrong types, a missing or <c>null</c> body,
/// invalid UTF-8, a query value that is not a number, an enum given as a number or an unknown name. Bodies are capped (<c>Api:MaxRequestBodyBytes</c>, 1 MB) and so
/// is the number of field errors in one answer (<see cref="MaxErrors"/>), so a large bad request cannot make a larger answer.
/// </summary>
internal static partial class ApiInput
{
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    /// <summary>At most this many field errors are returned; the rest are dropped and <c>errorsTruncated</c> says so.</summary>
    public const int MaxErrors = 50;

    /// <summary>JSON nested deeper than this is refused (no Mismes request needs more than a few levels).</summary>
    public const int MaxJsonDepth = 32;

    public static IServiceCollection AddApiInput(this IServiceCollection services)
    {
        // Binding failures throw in every environment (not only Development), so BadInputHandler answers them with
        // field errors instead of an empty 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.MaxDepth = MaxJsonDepth;
            // Enums are names both ways ("Returned", never 2): what a GET returns a POST accepts, the OpenAPI schema
            // lists the names, and a number or an unknown name is a 400 naming the field (a JsonException with its path).
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        });
        services.AddExceptionHandler<BadInputHandler>();
        return services;
    }

    /// <summary>Refuses an /api body over the limit before anything reads it (Kestrel also stops a chunked body there).</summary>
    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app)
    {
        var limit = app.ApplicationServices.GetRequiredService<IConfiguration>().GetValue("Api:MaxRequestBodyBytes", DefaultMaxRequestBodyBytes);
        return app.UseWhen(ErrorHandling.IsApi, api => api.Use(async (context, next) =>
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }

            if (context.Request.ContentLength > limit)
            {
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            }

            await next(context);
        }));
    }

    /// <summary>Keeps the first <see cref="MaxErrors"/> field errors of a validation problem (called for every problem written).</summary>
    public static void CapErrors(ProblemDetailsContext context)
    {
        if (context.ProblemDetails is HttpValidationProblemDetails { Errors.Count: > MaxErrors } problem)
        {
            foreach (var key in problem.Errors.Keys.Skip(MaxErrors).ToList())
            {
                problem.Errors.Remove(key);
            }

            problem.Extensions["errorsTruncated"] = true;
        }
    }

    /// <summary>"$.languages[0].level" → "languages[0].level"; the whole body ("$" or no path) → "body".</summary>
    internal static string FieldOf(string? jsonPath)
    {
        var field = (jsonPath ?? "").TrimStart('$').TrimStart('.');
        return field.Length == 0 ? "body" : field;
    }

    /// <summary>Answers <see cref="BadHttpRequestException"/> and unreadable JSON under /api; anything else is left to the 500 handler.</summary>
    private sealed class BadInputHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> l, ILogger<BadInputHandler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (!ErrorHandling.IsApi(httpContext) || Describe(exception) is not var (status, errors))
            {
                return false;
            }

            // No values, no message text from the client: only the kind of failure.
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Bad API input on {Method} {Path}: {Status}", httpContext.Request.Method, httpContext.Request.Path, status);
            }

            httpContext.Response.StatusCode = status;
            var problem = new HttpValidationProblemDetails(errors)
            {
                Status = status,
                Title = status == StatusCodes.Status413PayloadTooLarge ? l["Error.TooLarge.Title"] : l["Error.BadRequest.Title"],
            };
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
        }

        private (int Status, Dictionary<string, string[]> Errors)? Describe(Exception exception)
        {
            var json = Find<JsonException>(exception);
            if (exception is not BadHttpRequestException bad)
            {
                // System.Text.Json errors that escaped the binder (e.g. invalid UTF-8 inside a string).
                return json is not null || Find<System.Text.DecoderFallbackException>(exception) is not null
                    ? (StatusCodes.Status400BadRequest, One(FieldOf(json?.Path), l["Validation.InvalidJsonValue"]))
                    : null;
            }

            if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return (bad.StatusCode, One("body", l["Error.TooLarge.Text"]));
            }

            if (json is not null)
            {
                var field = FieldOf(json.Path);
                return (bad.StatusCode, One(field, field == "body" ? l["Validation.InvalidBody"] : l["Validation.InvalidJsonValue"]));
            }

            // The binder's messages name the parameter: 'Failed to bind parameter "int? page" from "abc".'
            if (BindFailure().Match(bad.Message) is { Success: true } failed)
            {
                var name = failed.Groups["name"].Value;
                return (bad.StatusCode, One(name, l["Validation.UnknownValueIsInvalid", name]));
            }

            if (MissingValue().Match(bad.Message) is { Success: true } missing)
            {
                var fromBody = !missing.Groups["source"].Success || missing.Groups["source"].Value.Contains("body", StringComparison.OrdinalIgnoreCase);
                var name = missing.Groups["name"].Value;
                return (bad.StatusCode, fromBody ? One("body", l["Validation.BodyRequired"]) : One(name, l["Validation.Required", name]));
            }

            return (bad.StatusCode, One("body", l["Validation.InvalidBody"]));
        }

        private static Dictionary<string, string[]> One(string field, string message) =>
            new(StringComparer.Ordinal) { [field] = [message] };

        private static T? Find<T>(Exception? exception)
            where T : Exception
        {
            for (var e = exception; e is not null; e = e.InnerException)
            {
                if (e is T found)
                {
                    return found;
                }
            }

            return null;
        }
    }

    [GeneratedRegex("^Failed to bind parameter \"[^\"]* (?<name>[A-Za-z0-9_]+)\" from", RegexOptions.CultureInvariant)]
    private static partial Regex BindFailure();

    [GeneratedRegex("(Required parameter|Implicit body inferred for parameter) \"[^\"]* (?<name>[A-Za-z0-9_]+)\" (was not provided from (?<source>[^.]+)|but no body was provided)", RegexOptions.CultureInvariant)]
    private static partial Regex MissingValue();
}
