using Mismes.Core.Notifications;
using Mismes.Web.Tests.Platform;

namespace Mismes.Web.Tests.Notifications;

/// <summary>
/// Keys the outbox page builds from values (Notifications.Status.Sent, Notifications.Kind.PasswordReset) exist in all
/// four languages. Kinds other capabilities add may name themselves here too; without a name the page shows the kind.
/// </summary>
public sealed class NotificationsResourceTests
{
    public static TheoryData<string> Languages => new(UiResources.Languages);

    [Theory]
    [MemberData(nameof(Languages))]
    public void ResourceFile_HasEveryStatusAndPlatformKind(string language)
    {
        var keys = UiResources.Load("Notifications", language).Where(e => !string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var expected = Enum.GetNames<OutboxStatus>().Select(s => $"Notifications.Status.{s}")
            .Concat(new[] { MessageKinds.PasswordReset, MessageKinds.AccountCreated, MessageKinds.Test }.Select(k => $"Notifications.Kind.{k}"));

        Assert.DoesNotContain(expected, k => !keys.Contains(k));
    }
}
