using System.Text.RegularExpressions;
using System.Xml.Linq;
using Mismes.TestCommon;
using Mismes.Web.Platform;

namespace Mismes.Web.Tests.Platform;

/// <summary>Every UI string exists, non-empty, in fr, ar, en and es — and every key the code asks for exists.</summary>
public sealed partial class ResourceKeysTests
{
    private static readonly string WebProject = Path.Combine(RepoPaths.Root, "src", "Mismes.Web");

    private static readonly string ResourcesFolder = Path.Combine(WebProject, "Resources");

    public static TheoryData<string> ResourceFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ResourcesFolder, "SharedResource*.resx").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void ResourceFiles_OneFilePerLanguage_AllFourPresent()
    {
        var files = Directory.GetFiles(ResourcesFolder, "SharedResource*.resx").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(["SharedResource.ar.resx", "SharedResource.en.resx", "SharedResource.es.resx", "SharedResource.resx"], files);
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void ResourceFile_EveryKeyOfEveryLanguage_PresentAndNotEmpty(string fileName)
    {
        var all = AllFiles();
        var entries = all[fileName];
        var allKeys = all.Values.SelectMany(e => e.Keys).ToHashSet(StringComparer.Ordinal);

        var missing = allKeys.Where(k => !entries.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var empty = entries.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, $"{fileName} lacks {missing.Count} key(s): {string.Join(", ", missing)}");
        Assert.True(empty.Count == 0, $"{fileName} has empty value(s) for: {string.Join(", ", empty)}");
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void ResourceFile_Placeholders_SameAsFrench(string fileName)
    {
        var all = AllFiles();
        var french = all["SharedResource.resx"];

        var mismatches = all[fileName]
            .Where(e => french.ContainsKey(e.Key) && !Placeholders(e.Value).SetEquals(Placeholders(french[e.Key])))
            .Select(e => e.Key)
            .ToList();

        Assert.True(mismatches.Count == 0, $"{fileName}: placeholders ({{0}}, {{1}}…) differ from French for {string.Join(", ", mismatches)}");
    }

    [Fact]
    public void SourceFiles_EveryLocalizerKey_InFrenchResources()
    {
        var french = AllFiles()["SharedResource.resx"];
        var used = UsedKeys().ToList();

        var missing = used.Where(u => !french.ContainsKey(u.Key)).Select(u => $"{u.Key} ({u.File})").Distinct(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(used);
        Assert.True(missing.Count == 0, $"Keys used in code but missing from SharedResource.resx: {string.Join(", ", missing)}");
    }

    [Fact]
    public void ValidationMessageKeys_AllInFrenchResources()
    {
        var french = AllFiles()["SharedResource.resx"];
        var keys = LocalizedValidationMetadataProvider.Keys.Values.Append(LocalizedValidationMetadataProvider.StringLengthRangeKey);

        Assert.All(keys, key => Assert.True(french.ContainsKey(key), key));
    }

    [Theory]
    [InlineData("<h1>@L[\"Home.Title\"]</h1>", "Home.Title")]
    [InlineData("[Required(ErrorMessage = \"People.Name.Required\")]", "People.Name.Required")]
    [InlineData("[Display(Name = \"People.Field.Email\")]", "People.Field.Email")]
    [InlineData("var x = localizer[\"Catalogue.Title\", count];", "Catalogue.Title")]
    public void KeyPattern_SourceLine_FindsKey(string line, string key)
    {
        var found = KeyPattern().Matches(line).Select(m => m.Groups["key"].Value);

        Assert.Equal([key], found);
    }

    [Theory]
    [InlineData("@L[\"Catalogue.Phase.\" + measure.Phase]")]
    [InlineData("@L[$\"Catalogue.Phase.{phase}\"]")]
    [InlineData("var title = \"Home.Title\";")]
    public void KeyPattern_ComputedKey_Ignored(string line)
    {
        Assert.Empty(KeyPattern().Matches(line));
    }

    private static IEnumerable<(string Key, string File)> UsedKeys()
    {
        var files = Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var file in files)
        {
            foreach (Match match in KeyPattern().Matches(File.ReadAllText(file)))
            {
                yield return (match.Groups["key"].Value, Path.GetRelativePath(WebProject, file));
            }
        }
    }

    private static Dictionary<string, Dictionary<string, string>> AllFiles() =>
        Directory.GetFiles(ResourcesFolder, "SharedResource*.resx")
            .ToDictionary(f => Path.GetFileName(f), Load, StringComparer.Ordinal);

    private static Dictionary<string, string> Load(string path)
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

    private static HashSet<string> Placeholders(string value) =>
        PlaceholderPattern().Matches(value).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    // L["Key"], localizer["Key", …], ErrorMessage = "Key", Display(Name = "Key").
    // Only whole literals: L["Catalogue.Phase." + phase] is built at run time and cannot be checked here.
    [GeneratedRegex("""(?:\b(?:L|l|_l|localizer|Localizer|_localizer|_L)\[\s*"(?<key>[^"]+)"\s*[\],]|\bErrorMessage\s*=\s*"(?<key>[^"]+)"\s*[,)]|\bDisplay\(\s*Name\s*=\s*"(?<key>[^"]+)"\s*[,)])""")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
