using Microsoft.Extensions.Localization;

namespace Mismes.Web.Diaspora;

/// <summary>The countries offered in Diaspora's pickers (where FINCOME's experts came from), named in the reader's language.</summary>
public static class DiasporaCountries
{
    public static readonly IReadOnlyList<string> Residence = ["FR", "DE", "CA", "US", "BE", "GB", "ES", "IT", "NL", "CH", "SE", "AE", "QA"];

    public static readonly IReadOnlyList<string> LanguageCodes = ["ar", "fr", "en", "es", "de", "it", "nl", "zgh"];

    /// <summary>A country's name when the picker knows it, else its code (an API client may store any ISO code).</summary>
    public static string Name(IStringLocalizer l, string code)
    {
        var name = l["Diaspora.Country." + code];
        return name.ResourceNotFound ? code : name.Value;
    }

    public static string LanguageName(IStringLocalizer l, string code)
    {
        var name = l["Diaspora.Language." + code];
        return name.ResourceNotFound ? code : name.Value;
    }
}
