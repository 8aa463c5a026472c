using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Mismes.Core.Catalogue;
using Mismes.Core.Exports;
using Mismes.Web.Platform;

namespace Mismes.Web.Catalogue.Api;

/// <summary>
/// /Catalogue/Export?format=xlsx|csv: the comparison table of the measures the visitor filtered, one row per measure,
/// every attribute a column, in the chosen language (the study published such a table as an Excel file).
/// </summary>
internal static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapCatalogueExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/Catalogue/Export", ExportAsync).AllowAnonymous().RequireRateLimiting(RateLimits.Search)
            .WithName("ExportMeasures")
            .WithTags("Catalogue")
            .WithSummary("The comparison table of the (filtered) measures as .xlsx or .csv.");
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(
        PublicLinks links,
        CatalogueService catalogue,
        CatalogueLabels labels,
        string? format,
        string? phase,
        string? model,
        string? implementer,
        string? status,
        string? q,
        string? culture,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var filter = MeasureFilter.Parse(phase, model, implementer, status, q, errors);
        var kind = (format ?? "xlsx").ToLowerInvariant();
        if (kind is not ("xlsx" or "csv"))
        {
            errors["format"] = ["Catalogue.Error.UnknownValue"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(MeasureEndpoints.Localize(errors, labels));
        }

        var language = CatalogueCultures.Normalize(culture ?? CultureInfo.CurrentUICulture.Name);
        var measures = await catalogue.SearchAsync(filter, language, ct);
        var (headers, rows) = labels.Table(measures, links.BaseUrl);
        using var buffer = new MemoryStream();
        var fileName = string.Create(CultureInfo.InvariantCulture, $"mismes-catalogue-{language}-{catalogue.Today:yyyy-MM-dd}.{kind}");
        if (kind == "csv")
        {
            TableExport.WriteCsv(buffer, headers, rows);
            return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", fileName);
        }

        var rightToLeft = CultureInfo.GetCultureInfo(language).TextInfo.IsRightToLeft;
        TableExport.WriteXlsx(buffer, labels["Catalogue.Export.SheetName"], headers, rows, rightToLeft);
        return TypedResults.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
    }
}
