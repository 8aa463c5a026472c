using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Mismes.Web.Platform;

/// <summary>
/// How errors reach people. Under /api every error is an RFC 9457 problem details document
/// (application/problem+json, with traceId), whatever the Accept header says. Elsewhere users see a localized page:
/// /Error/404 for unknown pages, /Error/500 when something broke, never a stack trace — in every environment.
/// Unknown URLs are a 404 for everyone: the sign-in fallback policy only guards routes that exist.
/// </summary>
internal static class ErrorHandling
{
    public const string ErrorPagePath = "/Error";

    public static IServiceCollection AddErrorHandling(this IServiceCollection services)
    {
        // Registered before AddProblemDetails so it is asked first; it only answers for /api.
        services.AddSingleton<IProblemDetailsWriter, ApiProblemDetailsWriter>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions.TryAdd("traceId", Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier);
            ApiInput.CapErrors(ctx);
        });

        // Exception handlers are asked in order: unreadable input (400/413) first, then anything else (500).
        services.AddApiInput();
        services.AddExceptionHandler<ApiExceptionHandler>();
        return services;
    }

    public static WebApplication UseErrorHandling(this WebApplication app)
    {
        // Pages re-execute /Error/500; API requests are answered by ApiExceptionHandler before that.
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = ErrorPagePath + "/500" });
        app.UseWhen(IsApi, api => api.UseStatusCodePages(WriteApiStatusAsync));
        app.UseWhen(c => !IsApi(c), pages => pages.UseStatusCodePagesWithReExecute(ErrorPagePath + "/{0}"));
        app.UseApiBodyLimit();
        return app;
    }

    /// <summary>
    /// After routing: a request that matched no endpoint is a 404 (answered by the status code pages), not a
    /// challenge from the fallback authorization policy, which would send visitors of a mistyped URL to sign in.
    /// </summary>
    public static WebApplication UseNotFoundForUnmatchedRoutes(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        });
        return app;
    }

    /// <summary>
    /// Whether the request is an API call. While an exception is being handled the request path is already the error
    /// page's, so the original path is read from the exception handler's feature.
    /// </summary>
    public static bool IsApi(HttpContext context)
    {
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } original
            ? new PathString(original)
            : context.Request.Path;
        return path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
    }

    private static async Task WriteApiStatusAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = http.Response.StatusCode },
        });
    }

    /// <summary>Unhandled exceptions in the API: a 500 problem details without any exception detail.</summary>
    private sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (!IsApi(httpContext))
            {
                return false;
            }

            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = { Status = StatusCodes.Status500InternalServerError },
            });
        }
    }

    /// <summary>Writes problem details for /api requests regardless of the Accept header (browsers send text/html).</summary>
    private sealed class ApiProblemDetailsWriter(IOptions<ProblemDetailsOptions> options) : IProblemDetailsWriter
    {
        public bool CanWrite(ProblemDetailsContext context) => IsApi(context.HttpContext);

        public ValueTask WriteAsync(ProblemDetailsContext context)
        {
            var http = context.HttpContext;
            var problem = context.ProblemDetails;
            problem.Status ??= http.Response.StatusCode;
            var defaults = TypedResults.Problem(statusCode: problem.Status).ProblemDetails;
            problem.Type ??= defaults.Type;
            problem.Title ??= defaults.Title;
            options.Value.CustomizeProblemDetails?.Invoke(context);
            return new ValueTask(http.Response.WriteAsJsonAsync(
                problem,
                problem.GetType(),
                options: null,
                contentType: "application/problem+json",
                cancellationToken: http.RequestAborted));
        }
    }
}
