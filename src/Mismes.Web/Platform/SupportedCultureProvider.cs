using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Primitives;

namespace Mismes.Web.Platform;

/// <summary>
/// Wraps one of ASP.NET Core's culture providers (query string, cookie, Accept-Language) and maps what it finds to
/// a supported culture, so a browser asking for "ar" or "ar-SA" gets ar-MA and "fr-BE" gets fr instead of falling
/// through to the default.
/// </summary>
internal sealed class SupportedCultureProvider(RequestCultureProvider inner) : RequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var result = await inner.DetermineProviderCultureResult(httpContext);
        if (result is null)
        {
            return null;
        }

        var cultures = Map(result.Cultures);
        var uiCultures = Map(result.UICultures);
        if (cultures.Count == 0 && uiCultures.Count == 0)
        {
            return null;
        }

        return new ProviderCultureResult(cultures.Count > 0 ? cultures : uiCultures, uiCultures.Count > 0 ? uiCultures : cultures);
    }

    private static List<StringSegment> Map(IList<StringSegment> requested) =>
        requested
            .Select(r => Cultures.Match(r.Value))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Select(c => new StringSegment(c))
            .ToList();
}
