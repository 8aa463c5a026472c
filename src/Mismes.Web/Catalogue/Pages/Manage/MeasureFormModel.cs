using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mismes.Core.Catalogue;
using Mismes.Core.Common;
using Mismes.Web.Platform;

namespace Mismes.Web.Catalogue.Pages.Manage;

/// <summary>What the create and edit pages share: the form's input, its field errors, the choice of parent measures and the save.</summary>
public abstract class MeasureFormModel(CatalogueService catalogue) : PageModel
{
    [BindProperty]
    public MeasureInput Input { get; set; } = new();

    /// <summary>Form field name → resource keys of its errors.</summary>
    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<MeasureView> Parents { get; private set; } = [];

    protected CatalogueService Catalogue => catalogue;

    public string? Error(string field) => Errors.TryGetValue(field, out var keys) ? keys[0] : null;

    /// <summary>
    /// What a number field shows: the text as typed when it could not be read, so the person sees and corrects it
    /// next to its error (instead of an empty box), otherwise the value.
    /// </summary>
    public string? Shown(string field, IFormattable? value, IFormatProvider format) =>
        ModelState.TryGetValue("Input." + field, out var entry) && entry.Errors.Count > 0
            ? entry.AttemptedValue
            : value?.ToString(null, format);

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        var all = await catalogue.SearchAsync(new MeasureFilter(), CatalogueCultures.Normalize(CultureInfo.CurrentUICulture), ct);
        Parents = all.Where(m => m.ParentSlug is null).ToList();
        foreach (var culture in CatalogueCultures.All)
        {
            Input.Texts.TryAdd(culture, new MeasureTextInput());
        }
    }

    /// <summary>
    /// Reads the form (numbers the browser sent that could not be read, unknown phase or model: field errors), then
    /// creates (<paramref name="id"/> null) or updates the measure; on errors the form is shown again with everything typed.
    /// </summary>
    protected async Task<IActionResult> SaveAsync(Guid? id, CancellationToken ct)
    {
        var parseErrors = new FieldErrors();
        foreach (var (key, entry) in ModelState)
        {
            if (entry.Errors.Count > 0 && key.StartsWith("Input.", StringComparison.Ordinal))
            {
                parseErrors.Add(key["Input.".Length..], "Catalogue.Error.Number");
            }
        }

        var request = Input.ToRequest(parseErrors);
        var (outcome, serviceErrors, saved) = parseErrors.IsEmpty
            ? Read(id is null ? await catalogue.CreateAsync(request, ct) : await catalogue.UpdateAsync(id.Value, request, ct))
            : Read(await catalogue.ValidateAsync(id, request, ct));
        switch (outcome)
        {
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Forbidden:
                return Forbid();
            case WriteOutcome.Ok when saved is not null:
                return Redirect("/Catalogue/Manage?saved=" + Uri.EscapeDataString(saved));
        }

        foreach (var (key, value) in FieldErrorText.Merge(parseErrors, serviceErrors))
        {
            Errors[key] = value;
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadChoicesAsync(ct);
        return Page();
    }

    private static (WriteOutcome Outcome, FieldErrors Errors, string? Slug) Read(WriteResult<SavedMeasure> result) =>
        (result.Outcome, result.Errors, result.Value?.Slug);

    private static (WriteOutcome Outcome, FieldErrors Errors, string? Slug) Read(WriteResult<SaveMeasure> result) =>
        (result.Outcome, result.Errors, null);
}
