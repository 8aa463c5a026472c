using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mismes.Core.Catalogue;

namespace Mismes.Web.Catalogue.Pages.Manage;

/// <summary>What the create and edit pages share: the form's input, its field errors and the choice of parent measures.</summary>
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

    /// <summary>Numbers the browser sent that could not be read become field errors like the service's.</summary>
    protected void CollectBindingErrors()
    {
        foreach (var (key, entry) in ModelState)
        {
            if (entry.Errors.Count > 0 && key.StartsWith("Input.", StringComparison.Ordinal))
            {
                Errors[key["Input.".Length..]] = ["Catalogue.Error.Number"];
            }
        }
    }

    protected void AddErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        foreach (var (key, value) in errors)
        {
            Errors[key] = value;
        }
    }
}
