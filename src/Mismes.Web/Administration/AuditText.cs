using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using Mismes.Core.Administration;

namespace Mismes.Web.Administration;

/// <summary>
/// One audit entry as a sentence in the reader's language: "Fatima Alaoui (ANAPEC Casablanca) a consulté la fiche de
/// Nadia Benali." Records are named by the capabilities' <see cref="IRecordNameSource"/>s; ids stay in links only.
/// The entry's machine-readable details (field lists, consent codes) are in the API (/api/v1/audit), not on the page.
/// </summary>
internal static class AuditText
{
    public static IHtmlContent Sentence(
        AuditRow row, IStringLocalizer l, IReadOnlyDictionary<Guid, ActorName> actors,
        IReadOnlyDictionary<(string Type, string Id), string> names, IReadOnlyDictionary<Guid, ActorName>? apiKeys = null)
    {
        var actor = row.UserId is null && row.ApiKeyId is { } keyId
            ? ApiKeyActor(keyId, l, apiKeys ?? new Dictionary<Guid, ActorName>())
            : Actor(row.UserId, l, actors);
        var sentence = l["Administration.Audit.Sentence." + row.Action];
        return new HtmlString(string.Format(
            CultureInfo.CurrentCulture,
            Encode(sentence.ResourceNotFound ? l["Administration.Audit.Sentence.Other"].Value : sentence.Value),
            actor,
            Record(row, l, names)));
    }

    public static string Actor(Guid? userId, IStringLocalizer l, IReadOnlyDictionary<Guid, ActorName> actors) =>
        userId is { } id && actors.TryGetValue(id, out var actor)
            ? Encode(actor.InstitutionName is null ? actor.DisplayName : $"{actor.DisplayName} ({actor.InstitutionName})")
            : Encode(l[userId is null ? "Administration.Audit.System" : "Administration.Audit.FormerUser"].Value);

    /// <summary>"API key “SEPE exchange” (ANAPEC Tanger)": a partner system acted with its key.</summary>
    private static string ApiKeyActor(Guid keyId, IStringLocalizer l, IReadOnlyDictionary<Guid, ActorName> keys)
    {
        var key = keys.TryGetValue(keyId, out var found) ? found : null;
        var text = l["Administration.Audit.ApiKeyActor", key?.DisplayName ?? l["Administration.Audit.Record.ApiKey.Unnamed"].Value].Value;
        return Encode(key?.InstitutionName is { } institution ? $"{text} ({institution})" : text);
    }

    /// <summary>"la fiche de <a href=/People/Details/…>Nadia Benali</a>", or words for a record that cannot be named.</summary>
    private static string Record(AuditRow row, IStringLocalizer l, IReadOnlyDictionary<(string Type, string Id), string> names)
    {
        var key = "Administration.Audit.Record." + row.RecordType;
        if (!Guid.TryParse(row.RecordId, out var id))
        {
            return Words(l, key + ".List", "Administration.Audit.Record.Other");
        }

        if (!names.TryGetValue((row.RecordType, row.RecordId), out var name))
        {
            return Words(l, key + ".Unnamed", "Administration.Audit.Record.Other");
        }

        var href = row.RecordType switch
        {
            "Person" => $"/People/Details/{id:D}",
            "SupportMeasure" => $"/Catalogue/Manage/Edit/{id:D}",
            _ => null,
        };
        var shown = href is null ? Encode(name) : $"<a href=\"{href}\">{Encode(name)}</a>";
        var phrase = l[key];
        return phrase.ResourceNotFound ? shown : string.Format(CultureInfo.CurrentCulture, Encode(phrase.Value), shown);
    }

    private static string Words(IStringLocalizer l, string key, string fallback)
    {
        var text = l[key];
        return Encode(text.ResourceNotFound ? l[fallback].Value : text.Value);
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
