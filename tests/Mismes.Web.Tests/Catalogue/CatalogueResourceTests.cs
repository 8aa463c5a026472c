using Mismes.Core.Catalogue;
using Mismes.Web.Tests.Platform;

namespace Mismes.Web.Tests.Catalogue;

/// <summary>
/// The catalogue builds some resource keys at run time (phase, model, status, origin, organisation, form field), which
/// a scan of literal keys cannot see: check those here, in all four languages.
/// </summary>
public sealed class CatalogueResourceTests
{
    private static readonly string[] Files = UiResources.Languages;

    public static TheoryData<string> DynamicKeys()
    {
        var keys = new TheoryData<string>();
        foreach (var p in Enum.GetValues<MigrationPhase>())
        {
            keys.Add("Catalogue.Phase." + p);
        }

        foreach (var m in Enum.GetValues<MeasureModel>())
        {
            keys.Add("Catalogue.Model." + m);
        }

        foreach (var s in Enum.GetValues<MeasureStatus>())
        {
            keys.Add("Catalogue.Status." + s);
        }

        foreach (var o in Enum.GetValues<MeasureOrigin>())
        {
            keys.Add("Catalogue.Origin." + o);
        }

        foreach (var code in CatalogueSeedData.Measures.SelectMany(m => m.Implementers.Concat(m.Funders)).Distinct())
        {
            keys.Add("Catalogue.Party." + code);
        }

        foreach (var field in typeof(MeasureInput).GetProperties().Select(p => p.Name).Where(n => n != "Texts")
                     .Concat(typeof(MeasureTextInput).GetProperties().Select(p => p.Name).Where(n => n != "IsEmpty")))
        {
            keys.Add("Catalogue.Field." + field);
        }

        foreach (var filter in new[] { "phase", "model", "status", "implementer", "q" })
        {
            keys.Add("Catalogue.Filter." + filter);
        }

        return keys;
    }

    [Theory]
    [MemberData(nameof(DynamicKeys))]
    public void Resources_DynamicKey_IsInEveryLanguage(string key)
    {
        foreach (var file in Files)
        {
            Assert.False(string.IsNullOrWhiteSpace(Value(file, key)), $"{key} is missing in {file}");
        }
    }

    [Fact]
    public void Resources_CatalogueKeys_SameInAllFourFilesAndTranslated()
    {
        var french = Keys(Files[0]);

        Assert.NotEmpty(french);
        foreach (var file in Files.Skip(1))
        {
            Assert.Equal(french.Keys.Order(StringComparer.Ordinal), Keys(file).Keys.Order(StringComparer.Ordinal));
        }

        // Arabic labels are written in Arabic script, not copied from French.
        var arabic = Keys(Files[1]);
        Assert.All(french.Keys.Where(k => k.StartsWith("Catalogue.Phase.", StringComparison.Ordinal) || k.StartsWith("Catalogue.Model.", StringComparison.Ordinal)),
            k => Assert.Contains(arabic[k], c => c is >= '\u0600' and <= '\u06FF'));
    }

    private static Dictionary<string, string> Keys(string language) => UiResources.Load("Catalogue", language);

    private static string? Value(string file, string key) => Keys(file).GetValueOrDefault(key);
}
