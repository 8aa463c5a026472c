using Mismes.Core.Notifications;
using Mismes.TestCommon;
using Mismes.TestCommon.Notifications;

namespace Mismes.Web.Tests.Notifications;

/// <summary>One web node sending through the shared test SMTP server, with its job runner on (two workers).</summary>
public sealed class SendingNode : MismesWebFactory
{
    public SendingNode(TestSmtpServer smtp) => Configure(smtp);

    public SendingNode(TestSmtpServer smtp, SendingNode sharesDatabaseWith)
        : base(sharesDatabaseWith) => Configure(smtp);

    private void Configure(TestSmtpServer smtp)
    {
        foreach (var (key, value) in smtp.Settings)
        {
            Settings[key] = value;
        }

        Settings["Jobs:Workers"] = "2";
        Settings["Jobs:PollInterval"] = "00:00:05";
    }
}

/// <summary>Two nodes on one database (node A owns it) and one SMTP server.</summary>
public sealed class TwoSendingNodes : IAsyncLifetime
{
    public TwoSendingNodes()
    {
        A = new SendingNode(Smtp);
        B = new SendingNode(Smtp, A);
    }

    public TestSmtpServer Smtp { get; } = new() { DelayPerMessage = TimeSpan.FromMilliseconds(10) };

    public SendingNode A { get; }

    public SendingNode B { get; }

    public async Task InitializeAsync()
    {
        await Smtp.StartAsync();
        _ = A.Services;
        _ = B.Services;
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed class TwoNodesSendingTests(TwoSendingNodes nodes) : IClassFixture<TwoSendingNodes>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Outbox_TwoNodesSendTheSameOutbox_EachMessageArrivesExactlyOnce()
    {
        // 40 units of work, half through each node: 80 messages and 40 sender runs competing for them.
        var ids = new List<Guid>();
        for (var i = 0; i < 40; i++)
        {
            var node = i % 2 == 0 ? nodes.A : nodes.B;
            ids.AddRange(await node.EnqueueAsync("fr", null, $"two-nodes-{i}-a@example.org", $"two-nodes-{i}-b@example.org"));
        }

        var deadline = DateTime.UtcNow + Timeout;
        while ((await nodes.A.MessagesAsync(ids)).Any(m => m.Status != OutboxStatus.Sent))
        {
            Assert.True(DateTime.UtcNow < deadline, "not every message was sent in time");
            // The runners sleep on the nodes' clocks: move both a poll interval so they look for work.
            nodes.A.Clock.Advance(TimeSpan.FromSeconds(5));
            nodes.B.Clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        Assert.All(ids, id => Assert.Single(nodes.Smtp.ReceivedFor(id)));
        var messages = await nodes.A.MessagesAsync(ids);
        Assert.All(messages, m => Assert.Equal(1, m.Attempts));
    }
}
