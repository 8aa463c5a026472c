using System.Globalization;
using Microsoft.Extensions.Localization;
using Mismes.Core.Esco;
using Mismes.Core.Training;

namespace Mismes.Web.Training;

/// <summary>The catalogue's words in the reader's language: course kinds, ESCO skill labels, hours and costs.</summary>
internal sealed class TrainingLabels(IStringLocalizer<SharedResource> localizer, EscoLookup esco)
{
    public string this[string key] => localizer[key];

    public string Kind(CourseKind kind) => localizer["Training.Course.Kind." + kind];

    public string Skill(string uri) => esco.Find(uri, CultureInfo.CurrentUICulture.Name)?.Label ?? uri;

    public static string Hours(decimal hours) => hours.ToString("0.##", CultureInfo.CurrentCulture);

    public static string Money(decimal? amount, string? currency) =>
        amount is { } a ? a.ToString("N0", CultureInfo.CurrentCulture) + (currency is null ? "" : " " + currency) : "—";
}
