using Mismes.Core.Diaspora.Experts;
using Mismes.Core.Diaspora.Needs;
using Mismes.Core.People;
using Mismes.Web.Diaspora;
using Mismes.Web.Tests.Platform;

namespace Mismes.Web.Tests.Diaspora;

/// <summary>Keys Diaspora builds from enum values, code lists and error constants exist in all four languages.</summary>
public sealed class DiasporaResourceTests
{
    public static TheoryData<string> Languages => new(UiResources.Languages);

    private static IEnumerable<string> DynamicKeys() =>
        Enum.GetNames<MissionMode>().Select(v => $"Diaspora.Expert.Mode.{v}")
            .Concat(Enum.GetNames<Sex>().Select(v => $"Diaspora.Sex.{v}"))
            .Concat(DiasporaCountries.Residence.Select(c => $"Diaspora.Country.{c}"))
            .Concat(DiasporaCountries.LanguageCodes.Select(c => $"Diaspora.Language.{c}"))
            .Concat(ExpertErrors.All)
            .Concat(Enum.GetNames<NeedType>().Select(v => $"Diaspora.Need.Type.{v}"))
            .Concat(Enum.GetNames<NeedStatus>().Select(v => $"Diaspora.Need.Status.{v}"))
            .Concat(NeedErrors.All);

    [Theory]
    [MemberData(nameof(Languages))]
    public void ResourceFile_HasEveryComputedDiasporaKey(string language)
    {
        var keys = UiResources.Load("Diaspora", language).Where(e => !string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

        var missing = DynamicKeys().Where(k => !keys.Contains(k)).ToList();

        Assert.Empty(missing);
    }
}
