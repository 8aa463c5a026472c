using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using Mismes.Core.Administration;
using Mismes.Core.People;

namespace Mismes.Web.People;

/// <summary>
/// One line of a person's history as a sentence in the reader's language, saying who acted:
/// "Fatima Alaoui (ANAPEC Casablanca) a enregistré le consentement « … » en personne (texte d'information v1)."
/// The event's machine-readable details ("ShareProfileWithForeignEmployers;channel:InPerson;notice:v1") stay in the
/// API; here they are read back into words. Details this class does not understand are left out, never shown raw.
/// </summary>
internal static class PersonHistoryText
{
    public static IHtmlContent Sentence(
        PersonEvent e, IStringLocalizer l, IReadOnlyDictionary<Guid, ActorName> actors,
        IReadOnlyDictionary<(string Type, string Id), string> names, IReadOnlyDictionary<Guid, ActorName>? apiKeys = null)
    {
        var actor = e.UserId is null && e.ApiKeyId is { } keyId ? ApiKeyActor(keyId, l, apiKeys) : Actor(e.UserId, l, actors);
        var parts = Parts(e.Details);
        string text;
        switch (e.Kind)
        {
            case PersonEventKind.Created:
                text = Html(l, "People.History.Created", actor);
                if (parts.ContainsKey("confirmedNotDuplicate"))
                {
                    text += " " + Html(l, "People.History.ConfirmedNotDuplicate");
                }

                break;
            case PersonEventKind.Updated:
                text = Html(l, "People.History.Updated", actor, Fields(l, e.Details));
                break;
            case PersonEventKind.ConsentGiven or PersonEventKind.ConsentWithdrawn:
                var purpose = e.Details?.Split(';')[0] ?? "";
                var purposeName = l["People.Consent.Purpose." + purpose];
                var channel = parts.TryGetValue("channel", out var c) ? l["People.History.Channel." + c] : null;
                text = Html(l, e.Kind == PersonEventKind.ConsentGiven ? "People.History.ConsentGiven" : "People.History.ConsentWithdrawn",
                    actor,
                    Encode(purposeName.ResourceNotFound ? "" : purposeName.Value),
                    Encode(channel is null || channel.ResourceNotFound ? "" : channel.Value));
                break;
            case PersonEventKind.Merged:
                text = Html(l, "People.History.Merged", actor, RecordLink(l, parts.GetValueOrDefault("from"), names));
                if (parts.TryGetValue("filled", out var filled) && filled.Length > 0)
                {
                    text += " " + Html(l, "People.History.Filled", Fields(l, filled));
                }

                if (parts.TryGetValue("taken", out var taken) && taken.Length > 0)
                {
                    text += " " + Html(l, "People.History.Taken", Fields(l, taken));
                }

                break;
            case PersonEventKind.MergeDiscarded:
                text = Discarded(e.Details ?? "", parts, l);
                break;
            case PersonEventKind.MergeUndone:
                text = parts.TryGetValue("from", out var undoneFrom)
                    ? Html(l, "People.History.MergeUndone", actor, RecordLink(l, undoneFrom, names))
                    : Html(l, "People.History.MergeIntoUndone", actor, RecordLink(l, parts.GetValueOrDefault("into"), names));
                break;
            case PersonEventKind.MergedInto:
                text = Html(l, "People.History.MergedInto", actor, RecordLink(l, parts.GetValueOrDefault("into"), names));
                break;
            default:
                text = Html(l, "People.Event." + e.Kind);
                break;
        }

        return new HtmlString(text);
    }

    /// <summary>
    /// "Phone +212… from the merged record was discarded." (or "…of this record was replaced by the merged record's").
    /// Details: "Phone;from:{id};of:merged;value:+212612345678", the value last (it may hold semicolons).
    /// </summary>
    private static string Discarded(string details, Dictionary<string, string> parts, IStringLocalizer l)
    {
        var field = details.Split(';')[0];
        var value = parts.GetValueOrDefault("value") ?? "";
        var key = parts.GetValueOrDefault("of") == "this" ? "People.History.DiscardedOwn" : "People.History.Discarded";
        return Html(l, key, Encode(PeopleFieldLabels.Label(l, field)), "<bdi>" + Encode(DisplayValue(l, field, value)) + "</bdi>");
    }

    /// <summary>A stored value (invariant: "Male", "1990-03-14", "ES") as the reader says it.</summary>
    private static string DisplayValue(IStringLocalizer l, string field, string value)
    {
        var key = field switch
        {
            nameof(MergeField.Sex) => "People.Sex." + value,
            nameof(MergeField.MigrationStatus) => "People.Status." + value,
            nameof(MergeField.CountryOfResidence) => "People.Country." + value,
            _ => null,
        };
        if (key is not null && l[key] is { ResourceNotFound: false } words)
        {
            return words.Value;
        }

        return field == nameof(MergeField.BirthDate) && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("d", CultureInfo.CurrentCulture)
            : value;
    }

    /// <summary>The record ids a history mentions (merges), to name them in one query.</summary>
    public static IEnumerable<(string Type, string Id)> MentionedRecords(IEnumerable<PersonEvent> events) =>
        events.SelectMany(e => Parts(e.Details))
            .Where(p => p.Key is "from" or "into")
            .Select(p => (PersonService.RecordType, p.Value));

    /// <summary>"Fatima Alaoui (ANAPEC Casablanca)", or "le système" for imports and jobs; HTML-encoded.</summary>
    public static string Actor(Guid? userId, IStringLocalizer l, IReadOnlyDictionary<Guid, ActorName> actors)
    {
        if (userId is { } id && actors.TryGetValue(id, out var actor))
        {
            return Encode(actor.InstitutionName is null ? actor.DisplayName : $"{actor.DisplayName} ({actor.InstitutionName})");
        }

        return Encode(l[userId is null ? "People.History.System" : "People.History.FormerUser"].Value);
    }

    /// <summary>"la clé d'API « Échange SEPE » (ANAPEC Tanger)": a partner system acted with its key, not "the system".</summary>
    private static string ApiKeyActor(Guid keyId, IStringLocalizer l, IReadOnlyDictionary<Guid, ActorName>? keys)
    {
        var key = keys is not null && keys.TryGetValue(keyId, out var found) ? found : null;
        var text = l["People.History.ApiKeyActor", key?.DisplayName ?? l["People.History.UnnamedApiKey"].Value].Value;
        return Encode(key?.InstitutionName is { } institution ? $"{text} ({institution})" : text);
    }

    private static string RecordLink(IStringLocalizer l, string? id, IReadOnlyDictionary<(string Type, string Id), string> names)
    {
        if (id is null || !Guid.TryParse(id, out var guid))
        {
            return Encode(l["People.History.AnotherRecord"].Value);
        }

        var name = names.TryGetValue((PersonService.RecordType, id), out var n) ? n : l["People.History.AnotherRecord"].Value;
        return $"<a href=\"/People/Details/{guid:D}\">{Encode(name)}</a>";
    }

    private static string Fields(IStringLocalizer l, string? list) =>
        Encode(string.Join(", ", (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => PeopleFieldLabels.Label(l, f))));

    private const string ValueMarker = ";value:";

    /// <summary>"Purpose;channel:InPerson;notice:v1" → {channel: InPerson, notice: v1, Purpose: ""}.</summary>
    private static Dictionary<string, string> Parts(string? details)
    {
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        details ??= "";
        var value = details.IndexOf(ValueMarker, StringComparison.Ordinal);
        if (value >= 0)
        {
            // A discarded value comes last and is free text: it is not parsed for parts.
            parts["value"] = details[(value + ValueMarker.Length)..];
            details = details[..value];
        }

        foreach (var part in details.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            parts[colon < 0 ? part : part[..colon]] = colon < 0 ? "" : part[(colon + 1)..];
        }

        return parts;
    }

    // The resource text is encoded first, then the arguments (already encoded, or a link this class built) go in.
    private static string Html(IStringLocalizer l, string key, params object[] args) =>
        string.Format(CultureInfo.CurrentCulture, Encode(l[key].Value), args);

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
