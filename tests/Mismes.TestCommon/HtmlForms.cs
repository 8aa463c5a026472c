using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Mismes.TestCommon;

/// <summary>
/// A page's form read the way a browser submits it: text inputs and hidden fields with their values, checked boxes
/// only, the selected option of each select, textareas' text, and the antiforgery token. Posting this back unchanged
/// is what a user does who opens a form and presses Save.
/// </summary>
public static class HtmlForms
{
    /// <summary>
    /// The fields of the form holding the element <paramref name="elementId"/> (e.g. its submit button: the layout has
    /// forms of its own, such as sign-out), in document order.
    /// </summary>
    public static List<KeyValuePair<string, string>> PostedFields(string html, string elementId)
    {
        var document = new HtmlParser().ParseDocument(html);
        var form = document.Forms.FirstOrDefault(f => f.Elements.Any(e => e.Id == elementId))
            ?? throw new InvalidOperationException($"No form holding #{elementId} in the page.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !input.IsDisabled:
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked)
                    {
                        break;
                    }

                    if (input.Type is "submit" or "button" or "image" or "reset" or "file")
                    {
                        break;
                    }

                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !select.IsDisabled:
                    var chosen = select.Options.Where(o => o.IsSelected).ToList();
                    if (chosen.Count == 0 && !select.IsMultiple && select.Options.Length > 0)
                    {
                        chosen.Add(select.Options[0]!);
                    }

                    fields.AddRange(chosen.Select(o => new KeyValuePair<string, string>(select.Name!, o.Value)));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name) && !area.IsDisabled:
                    // Browsers submit line breaks as CRLF.
                    fields.Add(new(area.Name!, area.Value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal)));
                    break;
            }
        }

        return fields;
    }
}
