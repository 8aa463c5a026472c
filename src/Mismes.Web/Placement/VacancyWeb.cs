using System.Globalization;
using Microsoft.Extensions.Localization;
using Mismes.Core.Esco;
using Mismes.Core.Placement.Vacancies;
using Mismes.Web.Platform;

namespace Mismes.Web.Placement;

/// <summary>The vacancies part of the Placement module (its own file, so the candidates part registers beside it).</summary>
internal static class VacancyWeb
{
    public static IServiceCollection AddVacancyWeb(this IServiceCollection services)
    {
        services.AddScoped<VacancyLabels>();
        services.AddApiScope(new(PlacementModule.ReadScope, "Placement.ApiScope.Read", PlacementPolicies.ManageVacancies, 40));
        services.AddApiScope(new(PlacementModule.WriteScope, "Placement.ApiScope.Write", PlacementPolicies.ManageVacancies, 41));
        services.AddHomeLink(new("Placement.Vacancy.HomeLink", "/Placement/Vacancies", PlacementPolicies.ManageVacancies, 40));
        return services;
    }
}

/// <summary>A vacancy's words in the reader's language: choices, countries, ESCO labels, time left.</summary>
internal sealed class VacancyLabels(IStringLocalizer<SharedResource> localizer, EscoLookup esco)
{
    /// <summary>Destinations named in the reader's language; any other country shows its ISO code.</summary>
    public static readonly string[] Countries = ["ES", "DE", "FR", "IT", "CA", "BE", "NL", "PT", "GB", "QA"];

    public string this[string key] => localizer[key];

    public string Country(string code)
    {
        var text = localizer["Placement.Country." + code];
        return text.ResourceNotFound ? code : text.Value;
    }

    public string PayPeriod(PayPeriod p) => localizer["Placement.Vacancy.PayPeriod." + p];

    public string Housing(HousingTerms h) => localizer["Placement.Vacancy.Housing." + h];

    public string BorneBy(CostBorneBy c) => localizer["Placement.Vacancy.BorneBy." + c];

    public string Status(VacancyStatus s) => localizer["Placement.Vacancy.Status." + s];

    public string Language(string code)
    {
        var text = localizer["Placement.Language." + code];
        return text.ResourceNotFound ? code : text.Value;
    }

    /// <summary>The ESCO label of a stored URI in the reader's language (the URI itself when ESCO does not know it).</summary>
    public string Esco(string? uri) => esco.Find(uri, CultureInfo.CurrentUICulture.Name)?.Label ?? uri ?? "";

    /// <summary>"12 days left", "last day", "expired".</summary>
    public string TimeLeft(VacancyView v) => v.DaysLeft switch
    {
        < 0 => localizer["Placement.Vacancy.Expired"],
        0 => localizer["Placement.Vacancy.LastDay"],
        _ => localizer["Placement.Vacancy.DaysLeft", v.DaysLeft.ToString(CultureInfo.InvariantCulture)],
    };

    public static string TimeLeftBadge(VacancyView v) => v.DaysLeft switch
    {
        < 0 => "text-bg-secondary",
        <= 14 => "text-bg-danger",
        <= 30 => "text-bg-warning",
        _ => "text-bg-success",
    };

    /// <summary>"EUR 35.00 / day (7 h)".</summary>
    public string Pay(VacancyView v)
    {
        if (v.PayAmount is not { } amount)
        {
            return "";
        }

        var text = string.Create(CultureInfo.InvariantCulture, $"{v.PayCurrency} {amount:0.##}");
        if (v.PayPeriod is { } period)
        {
            text += " / " + PayPeriod(period);
        }

        if (v.HoursPerDay is { } hours)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" ({hours:0.#} h)");
        }

        return text;
    }

    /// <summary>One error's message, naming its field in the reader's language.</summary>
    public string Message(string field, string key) => FieldErrorText.Message(localizer, key, field, Field);

    public IStringLocalizer Localizer => localizer;

    public string Field(string field)
    {
        var text = localizer["Placement.Vacancy.Field." + field];
        return text.ResourceNotFound ? field : text.Value;
    }
}
