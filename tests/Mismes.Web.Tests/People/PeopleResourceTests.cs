using System.Xml.Linq;
using Mismes.Core.People;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.People;

/// <summary>Keys the People pages build from enum values (People.Status.Abroad...) exist in all four languages.</summary>
public sealed class PeopleResourceTests
{
    public static TheoryData<string> Files => new() { "SharedResource.resx", "SharedResource.ar.resx", "SharedResource.en.resx", "SharedResource.es.resx" };

    private static IEnumerable<string> DynamicKeys() =>
        Enum.GetNames<Sex>().Select(v => $"People.Sex.{v}")
            .Concat(Enum.GetNames<MigrationStatus>().Select(v => $"People.Status.{v}"))
            .Concat(Enum.GetNames<ConsentPurpose>().Select(v => $"People.Consent.Purpose.{v}"))
            .Concat(Enum.GetNames<ConsentChannel>().Select(v => $"People.Consent.Channel.{v}"))
            .Concat(Enum.GetNames<PersonEventKind>().Select(v => $"People.Event.{v}"))
            .Concat(Enum.GetNames<DuplicateReason>().Select(v => $"People.Duplicates.Reason.{v}"))
            .Concat(Enumerable.Range(0, 9).Select(i => $"People.Isced.{i}"))
            .Concat(Mismes.Web.People.Pages.PeoplePages.Countries.Select(c => $"People.Country.{c}"))
            .Concat(PeopleErrors.All);

    [Theory]
    [MemberData(nameof(Files))]
    public void ResourceFile_HasEveryEnumDrivenPeopleKey(string file)
    {
        var path = Path.Combine(RepoPaths.Root, "src", "Mismes.Web", "Resources", file);
        var keys = XDocument.Load(path).Root!.Elements("data")
            .Where(d => !string.IsNullOrWhiteSpace(d.Element("value")?.Value))
            .Select(d => (string)d.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);

        var missing = DynamicKeys().Where(k => !keys.Contains(k)).ToList();

        Assert.Empty(missing);
    }
}
