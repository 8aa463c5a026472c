using System.Xml.Linq;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Platform;

/// <summary>
/// The UI resource sets on disk: the shared one (Resources/SharedResource*.resx) and one per capability
/// (Resources/&lt;Cap&gt;/&lt;Cap&gt;Resource*.resx). A key "Cap.…" belongs to Cap's set when it has one.
/// </summary>
internal static class UiResources
{
    public const string Shared = "Shared";

    public static readonly string[] Languages = ["", ".ar", ".en", ".es"];

    public static readonly string Folder = Path.Combine(RepoPaths.Root, "src", "Mismes.Web", "Resources");

    /// <summary>"Shared" and the name of every capability folder under Resources/.</summary>
    public static IReadOnlyList<string> Sets() =>
        Directory.GetDirectories(Folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).Prepend(Shared).ToList();

    public static string SetOf(string key)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && Directory.Exists(Path.Combine(Folder, key[..dot])) ? key[..dot] : Shared;
    }

    /// <summary>The file of one set in one language ("" is French, the neutral language).</summary>
    public static string FileOf(string set, string language) =>
        set == Shared
            ? Path.Combine(Folder, $"SharedResource{language}.resx")
            : Path.Combine(Folder, set, $"{set}Resource{language}.resx");

    public static Dictionary<string, string> Load(string set, string language) => Load(FileOf(set, language));

    public static Dictionary<string, string> Load(string path)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var data in XDocument.Load(path).Root!.Elements("data"))
        {
            var name = (string)data.Attribute("name")!;
            Assert.False(entries.ContainsKey(name), $"{Path.GetFileName(path)} defines {name} twice");
            entries[name] = (string?)data.Element("value") ?? "";
        }

        return entries;
    }

    /// <summary>The value of a key in one language, read from the set the key belongs to; null when absent.</summary>
    public static string? Value(string key, string language) => Load(SetOf(key), language).GetValueOrDefault(key);
}
