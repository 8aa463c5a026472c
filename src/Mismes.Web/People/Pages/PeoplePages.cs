using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Mismes.Core.People;

namespace Mismes.Web.People.Pages;

internal static class PeoplePages
{
    /// <summary>Countries offered in the form (names in resources People.Country.XX): Morocco, destinations, neighbours.</summary>
    public static readonly IReadOnlyList<string> Countries = ["MA", "ES", "FR", "DE", "IT", "BE", "NL", "CA", "US", "GB", "PT", "CH", "QA", "SA", "AE", "TN", "DZ", "SN"];

    public static string CountryName(IStringLocalizer localizer, string code)
    {
        var name = localizer["People.Country." + code];
        return name.ResourceNotFound ? code : name.Value;
    }

    /// <summary>Puts the field errors (resource keys) into ModelState, translated, under the form's prefix.</summary>
    public static string StatusBadge(MigrationStatus status) => status switch
    {
        MigrationStatus.ProspectiveMigrant => "text-bg-info",
        MigrationStatus.Abroad => "text-bg-primary",
        _ => "text-bg-success",
    };
}
