using System.Globalization;
using Microsoft.Extensions.Localization;
using Mismes.Core.People;

namespace Mismes.Web.People.Pages;

/// <summary>A field of a person as the comparison and confirmation pages show it, in the reader's language.</summary>
internal static class MergeDisplay
{
    public static string? Value(IStringLocalizer l, Person p, MergeField field)
    {
        var culture = CultureInfo.CurrentUICulture.Name;
        return field switch
        {
            MergeField.BirthDate => p.BirthDate.ToString("d", CultureInfo.CurrentCulture),
            MergeField.Sex => l[$"People.Sex.{p.Sex}"].Value,
            MergeField.MigrationStatus => l[$"People.Status.{p.MigrationStatus}"].Value,
            MergeField.CountryOfResidence => PeoplePages.CountryName(l, p.CountryOfResidence),
            MergeField.Region => p.RegionCode is null ? null
                : $"{MoroccanRegions.Find(p.RegionCode)?.NameFor(culture) ?? p.RegionCode}{(p.ProvinceCode is null ? "" : " · " + p.ProvinceCode)}",
            MergeField.IscedLevel => p.IscedLevel is { } isced ? $"{isced.ToString(CultureInfo.InvariantCulture)} — {l[$"People.Isced.{isced}"].Value}" : null,
            _ => MergeFields.Value(p, field),
        };
    }

    /// <summary>Values that read left to right whatever the page's direction.</summary>
    public static bool IsLeftToRight(MergeField field) => field is MergeField.Phone or MergeField.Email;

    /// <summary>Names in Arabic script.</summary>
    public static bool IsArabic(MergeField field) => field is MergeField.FirstNameArabic or MergeField.LastNameArabic;

    public static string Label(IStringLocalizer l, MergeField field) => PeopleFieldLabels.Label(l, field.ToString());
}
