using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Mismes.Core.Notifications;

/// <summary>A message rendered in one language, ready for the outbox.</summary>
public sealed record RenderedMessage(string Culture, string Subject, string HtmlBody, string TextBody);

/// <summary>
/// The e-mail templates embedded in Mismes.Core: for each kind, <c>&lt;Kind&gt;.&lt;language&gt;.html</c> and
/// <c>&lt;Kind&gt;.&lt;language&gt;.text</c> in fr, ar, en and es, under any <c>Mail/</c> folder. The text template
/// starts with a <c>Subject:</c> line and a blank line. Placeholders are <c>{{Name}}</c>, filled from the model's
/// properties of that name: HTML-encoded in the html body, formatted in the recipient's culture, and a value whose
/// name ends in <c>Url</c> must be an absolute http(s) address (so a template never links to <c>javascript:</c>).
/// Deliberately no loops or conditions: a message that needs them is two kinds.
/// </summary>
public sealed partial class MessageTemplates
{
    public const string DefaultCulture = "fr";

    /// <summary>Language of a template file → the culture messages in it are formatted in (ar-MA: Gregorian calendar).</summary>
    public static readonly FrozenDictionary<string, string> Cultures = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fr"] = "fr",
        ["ar"] = "ar-MA",
        ["en"] = "en",
        ["es"] = "es",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly FrozenDictionary<(string Kind, string Language), Template> _templates;

    public MessageTemplates()
        : this(typeof(MessageTemplates).Assembly)
    {
    }

    internal MessageTemplates(Assembly assembly)
    {
        var texts = new Dictionary<(string, string, string), string>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            var match = ResourceName().Match(name);
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var key = (match.Groups["kind"].Value, match.Groups["lang"].Value, match.Groups["ext"].Value);
            if (!texts.TryAdd(key, reader.ReadToEnd()))
            {
                throw new InvalidOperationException($"Two e-mail templates for {key.Item1} ({key.Item2}, {key.Item3}).");
            }
        }

        var templates = new Dictionary<(string, string), Template>();
        foreach (var ((kind, language, ext), html) in texts.Where(t => t.Key.Item3 == "html"))
        {
            if (!texts.TryGetValue((kind, language, "text"), out var text))
            {
                throw new InvalidOperationException($"E-mail template {kind}.{language}.html has no {kind}.{language}.text.");
            }

            templates[(kind, language)] = Template.Parse(kind, language, html, text);
        }

        _templates = templates.ToFrozenDictionary();
        Kinds = templates.Keys.Select(k => k.Item1).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var kind in Kinds)
        {
            var missing = Cultures.Keys.Where(l => !_templates.ContainsKey((kind, l))).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException($"E-mail templates of {kind} lack: {string.Join(", ", missing)}.");
            }
        }
    }

    /// <summary>Every kind that has templates.</summary>
    public IReadOnlyList<string> Kinds { get; }

    /// <summary>"ar", "ar-MA", "AR" → ar-MA; "fr-FR" → fr; null or a language without templates → fr.</summary>
    public static string ChooseCulture(string? requested)
    {
        var language = (requested ?? "").Split('-', '_')[0].Trim().ToLowerInvariant();
        return Cultures.TryGetValue(language, out var culture) ? culture : Cultures[DefaultCulture];
    }

    /// <summary>Renders <paramref name="kind"/> in the language closest to <paramref name="culture"/>.</summary>
    /// <exception cref="ArgumentException">Unknown kind, a placeholder the model lacks, or a URL that is not absolute http(s).</exception>
    public RenderedMessage Render(string kind, string? culture, object model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var chosen = ChooseCulture(culture);
        var language = chosen.Split('-')[0];
        if (!_templates.TryGetValue((kind, language), out var template))
        {
            throw new ArgumentException($"No e-mail templates for the kind '{kind}'.", nameof(kind));
        }

        var format = CultureInfo.GetCultureInfo(chosen);
        var values = Values(model, format);
        return new RenderedMessage(
            chosen,
            Fill(template.Subject, kind, values, v => v.ReplaceLineEndings(" ")),
            Fill(template.Html, kind, values, Html.Encode),
            Fill(template.Text, kind, values, v => v));
    }

    private static Dictionary<string, string> Values(object model, CultureInfo format)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(model);
            var text = value switch
            {
                null => "",
                DateTimeOffset d => d.ToString("f", format),
                IFormattable f => f.ToString(null, format),
                _ => value.ToString() ?? "",
            };
            if (property.Name.EndsWith("Url", StringComparison.Ordinal) && !IsWebAddress(text))
            {
                throw new ArgumentException($"{property.Name} must be an absolute http or https address.", nameof(model));
            }

            values[property.Name] = text;
        }

        return values;
    }

    private static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string Fill(string template, string kind, Dictionary<string, string> values, Func<string, string> encode) =>
        Placeholder().Replace(template, m =>
        {
            var name = m.Groups[1].Value;
            return values.TryGetValue(name, out var value)
                ? encode(value)
                : throw new ArgumentException($"The model for {kind} has no value for {{{{{name}}}}}.");
        });

    [GeneratedRegex(@"\.Mail\.(?<kind>[A-Za-z][A-Za-z0-9]*)\.(?<lang>[a-z]{2})\.(?<ext>html|text)$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceName();

    [GeneratedRegex(@"\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    private sealed record Template(string Subject, string Html, string Text)
    {
        public static Template Parse(string kind, string language, string html, string text)
        {
            // "Subject: ..." then a blank line, as in the header of a real message.
            var lines = text.ReplaceLineEndings("\n").Split('\n');
            if (lines.Length < 3 || !lines[0].StartsWith("Subject:", StringComparison.Ordinal) || lines[1].Length != 0)
            {
                throw new InvalidOperationException($"E-mail template {kind}.{language}.text must start with a 'Subject:' line and a blank line.");
            }

            var body = string.Join("\r\n", lines.Skip(2)).TrimEnd() + "\r\n";
            return new Template(lines[0]["Subject:".Length..].Trim(), html, body);
        }
    }
}
