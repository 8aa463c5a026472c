using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.Evaluation;
using Mismes.Core.Exports;

namespace Mismes.Web.Evaluation.Pages;

/// <summary>
/// /Evaluation/Import: aggregate figures for programmes without individual records, from .csv or .xlsx, with a
/// report per row. The upload is limited in size before it is read (the request limit, then the file's own length).
/// </summary>
[Authorize(Policy = EvaluationPolicies.ManageFigures)]
[RequestSizeLimit(AggregateFigureImport.MaxFileBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = AggregateFigureImport.MaxFileBytes + 64 * 1024)]
public sealed class ImportModel(AggregateFigureImport import, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public ImportReport? Report { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError("Upload", L("Evaluation.Import.NoFile"));
            return Page();
        }

        if (Upload.Length > AggregateFigureImport.MaxFileBytes)
        {
            ModelState.AddModelError("Upload", L("Evaluation.Import.TooLarge"));
            return Page();
        }

        var extension = Path.GetExtension(Upload.FileName).ToLowerInvariant();
        TableFormat? format = extension switch { ".csv" or ".txt" => TableFormat.Csv, ".xlsx" => TableFormat.Xlsx, _ => null };
        if (format is null)
        {
            ModelState.AddModelError("Upload", L("Evaluation.Import.WrongType"));
            return Page();
        }

        await using var stream = Upload.OpenReadStream();
        Report = await import.ImportAsync(stream, format.Value, ct);
        if (Report.FileErrorKey is { } key)
        {
            ModelState.AddModelError("Upload", L(key));
        }

        return Page();
    }

    private string L(string key) => text[key];
}
