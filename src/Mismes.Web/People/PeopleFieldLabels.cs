using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Mismes.Web.People;

/// <summary>
/// The display name of each field Core's person validation reports (the {0} of a message such as
/// "Le champ « {0} » est obligatoire."), in the user's language: the same words as the form's labels.
/// </summary>
internal static class PeopleFieldLabels
{
    public static Func<string, string> For(IStringLocalizer localizer) => field => Label(localizer, field);

    public static string Label(IStringLocalizer localizer, string field)
    {
        // "Languages[2]" is the third row of the languages fieldset: "Langue 3".
        if (field.StartsWith("Languages[", StringComparison.Ordinal)
            && int.TryParse(field.AsSpan("Languages[".Length, field.Length - "Languages[".Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var row))
        {
            return localizer["People.Field.LanguageRow", row + 1].Value;
        }

        var key = field switch
        {
            "RegionCode" => "People.Field.Region",
            "ProvinceCode" => "People.Field.Province",
            "IscedLevel" => "People.Field.Isced",
            "EqfLevel" => "People.Field.Eqf",
            "InstitutionId" => "People.Field.Institution",
            "Status" => "People.Field.MigrationStatus",
            "DuplicateId" => "People.Merge.Choose",
            "Keep" => "People.Merge.Keep",
            "SurvivorId" => "People.Merge.Survivor",
            "Purpose" => "People.Consent.Purpose",
            "Channel" => "People.Consent.Channel",
            "Text" or "text" or "q" or "name" or "phone" or "email" => "People.Search.Text",
            _ => "People.Field." + field,
        };
        var label = localizer[key];
        return label.ResourceNotFound ? field : label.Value;
    }
}
