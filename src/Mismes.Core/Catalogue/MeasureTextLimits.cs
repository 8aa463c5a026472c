namespace Mismes.Core.Catalogue;

/// <summary>
/// The longest text each field of a measure may hold, in characters: the service refuses longer ones, the form states
/// them before anyone types (issue 6, 2.4), and the column sizes in <see cref="SupportMeasureTranslationConfiguration"/>
/// are the same numbers.
/// </summary>
public static class MeasureTextLimits
{
    public const int SourceReference = 500;

    /// <summary>Per-language texts, in the order the form shows them after the title.</summary>
    public static readonly IReadOnlyList<(string Field, int Max)> PerLanguage =
    [
        ("Title", 300),
        ("ForWhom", 1000),
        ("WhatYouGet", 1000),
        ("HowToApply", 1000),
        ("Contact", 500),
        ("Implementers", 1000),
        ("Funders", 1000),
        ("Period", 300),
        ("Budget", 500),
        ("Beneficiaries", 500),
        ("Activities", 4000),
    ];

    public static int Max(string field) => PerLanguage.First(l => l.Field == field).Max;

    public static string? Value(MeasureTexts text, string field) => field switch
    {
        "Title" => text.Title,
        "ForWhom" => text.ForWhom,
        "WhatYouGet" => text.WhatYouGet,
        "HowToApply" => text.HowToApply,
        "Contact" => text.Contact,
        "Implementers" => text.Implementers,
        "Funders" => text.Funders,
        "Period" => text.Period,
        "Budget" => text.Budget,
        "Beneficiaries" => text.Beneficiaries,
        "Activities" => text.Activities,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a text of a measure"),
    };
}
