using Mismes.Core.People;
using Mismes.Web.Tests.Platform;

namespace Mismes.Web.Tests.People;

/// <summary>Keys the People pages build from enum values (People.Status.Abroad...) exist in all four languages.</summary>
public sealed class PeopleResourceTests
{
    public static TheoryData<string> Languages => new(UiResources.Languages);

    private static IEnumerable<string> DynamicKeys() =>
        Enum.GetNames<Sex>().Select(v => $"People.Sex.{v}")
            .Concat(Enum.GetNames<MigrationStatus>().Select(v => $"People.Status.{v}"))
            .Concat(Enum.GetNames<ConsentPurpose>().Select(v => $"People.Consent.Purpose.{v}"))
            .Concat(Enum.GetNames<ConsentChannel>().Select(v => $"People.Consent.Channel.{v}"))
            .Concat(Enum.GetNames<PersonEventKind>().Select(v => $"People.Event.{v}"))
            .Concat(Enum.GetNames<DuplicateReason>().Select(v => $"People.Duplicates.Reason.{v}"))
            .Concat(Enumerable.Range(0, 9).Select(i => $"People.Isced.{i}"))
            .Concat(Mismes.Web.People.Pages.PeoplePages.Countries.Select(c => $"People.Country.{c}"))
            .Concat(PeopleErrors.All)
            .Concat([PersonMergeErrors.ChoiceRequired, PersonMergeErrors.NothingToUndo, PersonMergeErrors.EditedSinceMerge]);

    [Theory]
    [MemberData(nameof(Languages))]
    public void ResourceFile_HasEveryEnumDrivenPeopleKey(string language)
    {
        var keys = UiResources.Load("People", language).Where(e => !string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

        var missing = DynamicKeys().Where(k => !keys.Contains(k)).ToList();

        Assert.Empty(missing);
    }
}
