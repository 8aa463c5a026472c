using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Mismes.Core.People;

namespace Mismes.Web.People.Pages;

internal static class PeoplePages
{
    /// <summary>Puts the field errors (resource keys) into ModelState, translated, under the form's prefix.</summary>
    public static void AddErrors(ModelStateDictionary modelState, IReadOnlyDictionary<string, string[]> errors, IStringLocalizer localizer, string prefix = "Input.")
    {
        foreach (var (field, keys) in errors)
        {
            foreach (var key in keys)
            {
                modelState.AddModelError(prefix + field, localizer[key]);
            }
        }
    }

    public static string StatusBadge(MigrationStatus status) => status switch
    {
        MigrationStatus.ProspectiveMigrant => "text-bg-info",
        MigrationStatus.Abroad => "text-bg-primary",
        _ => "text-bg-success",
    };
}
