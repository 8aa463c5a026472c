using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Mismes.TestCommon;
using Mismes.Web.Platform;

namespace Mismes.Web.Tests.Platform;

/// <summary>Every UI string exists, non-empty, in fr, ar, en and es — and every key the code asks for exists.</summary>
public sealed partial class ResourceKeysTests
{
    private static readonly string WebProject = Path.Combine(RepoPaths.Root, "src", "Mismes.Web");

    public static TheoryData<string, string> ResourceFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var set in UiResources.Sets())
        {
            foreach (var language in UiResources.Languages)
            {
                data.Add(set, language);
            }
        }

        return data;
    }

    [Fact]
    public void ResourceSets_EverySet_OneFilePerLanguage()
    {
        var sets = UiResources.Sets();

        Assert.Contains(UiResources.Shared, sets);
        Assert.All(sets, set => Assert.All(UiResources.Languages, language =>
            Assert.True(File.Exists(UiResources.FileOf(set, language)), $"{UiResources.FileOf(set, language)} is missing")));
    }

    [Fact]
    public void ResourceSets_EveryCapabilityFolder_RegisteredByItsModule()
    {
        using var factory = new MismesWebFactory();
        var registered = factory.Services.GetRequiredService<IOptions<ResourceSetOptions>>().Value.Sets.Keys.Order(StringComparer.Ordinal);

        Assert.Equal(UiResources.Sets().Where(s => s != UiResources.Shared), registered);
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void ResourceFile_EveryKeyOfEveryLanguage_PresentAndNotEmpty(string set, string language)
    {
        var entries = UiResources.Load(set, language);
        var allKeys = UiResources.Languages.SelectMany(l => UiResources.Load(set, l).Keys).ToHashSet(StringComparer.Ordinal);

        var missing = allKeys.Where(k => !entries.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var empty = entries.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key).Order(StringComparer.Ordinal).ToList();

        var file = Path.GetFileName(UiResources.FileOf(set, language));
        Assert.True(missing.Count == 0, $"{file} lacks {missing.Count} key(s): {string.Join(", ", missing)}");
        Assert.True(empty.Count == 0, $"{file} has empty value(s) for: {string.Join(", ", empty)}");
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void ResourceFile_EveryKey_InTheSetItsPrefixNames(string set, string language)
    {
        var misplaced = UiResources.Load(set, language).Keys.Where(k => UiResources.SetOf(k) != set).Order(StringComparer.Ordinal).ToList();

        Assert.True(misplaced.Count == 0,
            $"{Path.GetFileName(UiResources.FileOf(set, language))} holds keys of another set (move them to Resources/<Cap>/): {string.Join(", ", misplaced)}");
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void ResourceFile_Placeholders_SameAsFrench(string set, string language)
    {
        var french = UiResources.Load(set, "");

        var mismatches = UiResources.Load(set, language)
            .Where(e => french.ContainsKey(e.Key) && !Placeholders(e.Value).SetEquals(Placeholders(french[e.Key])))
            .Select(e => e.Key)
            .ToList();

        Assert.True(mismatches.Count == 0, $"{set}{language}: placeholders ({{0}}, {{1}}…) differ from French for {string.Join(", ", mismatches)}");
    }

    [Fact]
    public void SourceFiles_EveryLocalizerKey_InFrenchResourcesOfItsSet()
    {
        var french = UiResources.Sets().ToDictionary(s => s, s => UiResources.Load(s, ""), StringComparer.Ordinal);
        var used = UsedKeys().ToList();

        var missing = used.Where(u => !french[UiResources.SetOf(u.Key)].ContainsKey(u.Key))
            .Select(u => $"{u.Key} ({u.File})").Distinct(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(used);
        Assert.True(missing.Count == 0, $"Keys used in code but missing from the French file of their set: {string.Join(", ", missing)}");
    }

    [Fact]
    public void SourceFiles_EveryLocalizerKey_FoundByTheAppsLocalizer()
    {
        using var factory = new MismesWebFactory();
        var localizer = factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");
        try
        {
            // Navigation texts are keys handed over as data (Platform/Navigation.cs), not L["…"] literals: ask for them too.
            var navigation = factory.Services.GetServices<NavigationEntry>().Select(e => e.TextKey);
            var notFound = UsedKeys().Select(u => u.Key).Concat(navigation).Distinct(StringComparer.Ordinal)
                .Where(k => localizer[k].ResourceNotFound).ToList();

            Assert.True(notFound.Count == 0, $"The app's localizer does not find: {string.Join(", ", notFound)}");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void ValidationMessageKeys_AllInFrenchResources()
    {
        var keys = LocalizedValidationMetadataProvider.Keys.Values.Append(LocalizedValidationMetadataProvider.StringLengthRangeKey);

        Assert.All(keys, key => Assert.NotNull(UiResources.Value(key, "")));
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

    private static HashSet<string> Placeholders(string value) =>
        PlaceholderPattern().Matches(value).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    // L["Key"], localizer["Key", …], ErrorMessage = "Key", Display(Name = "Key").
    // Only whole literals: L["Catalogue.Phase." + phase] is built at run time and cannot be checked here.
    [GeneratedRegex("""(?:\b(?:L|l|_l|localizer|Localizer|_localizer|_L)\[\s*"(?<key>[^"]+)"\s*[\],]|\bErrorMessage\s*=\s*"(?<key>[^"]+)"\s*[,)]|\bDisplay\(\s*Name\s*=\s*"(?<key>[^"]+)"\s*[,)])""")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
