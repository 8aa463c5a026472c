using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.Jobs;
using Mismes.TestCommon;
using Mismes.Web.Platform.Jobs;

namespace Mismes.Web.Tests.ScaleOut;

/// <summary>
/// Two stateless web nodes on one database (PostgreSQL in production; the SQLite file must hold too): what one node
/// protects the other can read, and background jobs are shared out without any job running twice.
/// </summary>
public sealed class TwoNodesTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public void Nodes_ShareOneDatabase_WithDifferentNodeIds()
    {
        Assert.Equal(nodes.A.ConnectionString, nodes.B.ConnectionString);
        Assert.NotEqual(nodes.A.NodeId, nodes.B.NodeId);
    }

    [Fact]
    public async Task Protector_PayloadProtectedOnOneNode_IsReadOnTheOther()
    {
        const string purpose = "Mismes.ScaleOut.Test";
        var protectorA = nodes.A.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose);
        var protectorB = nodes.B.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose);

        var fromA = protectorA.Protect("made on node A");
        var readOnB = protectorB.Unprotect(fromA);
        var fromB = protectorB.Protect("made on node B");
        var readOnA = protectorA.Unprotect(fromB);

        Assert.Equal("made on node A", readOnB);
        Assert.Equal("made on node B", readOnA);
        var keys = await nodes.A.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().DataProtectionKeys.CountAsync());
        Assert.True(keys >= 1, "the key ring lives in the database");
    }

    [Fact]
    public void CookieTicket_IssuedByOneNode_IsAcceptedByTheOther()
    {
        var formatA = nodes.A.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme).TicketDataFormat;
        var formatB = nodes.B.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme).TicketDataFormat;
        var userId = Guid.NewGuid().ToString();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId), new Claim("mismes:institution", "42")],
            IdentityConstants.ApplicationScheme));

        var cookie = formatA.Protect(new AuthenticationTicket(principal, IdentityConstants.ApplicationScheme));
        var ticket = formatB.Unprotect(cookie);

        Assert.NotNull(ticket);
        Assert.Equal(userId, ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal("42", ticket.Principal.FindFirstValue("mismes:institution"));
    }

    [Fact]
    public async Task SignInCookie_FromNodeA_AuthenticatesOnNodeB()
    {
        // Signed in through node A's real sign-in page; node B must accept the cookie for a protected page.
        var user = await nodes.A.CreateUserAsync(Roles.Advisor, "TEST-TWO-NODES");
        using var clientA = nodes.A.CreateCookieClient();
        using var clientB = nodes.B.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

        using var signIn = await clientA.SignInAsync(user.Email, user.Password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mismes.auth=", StringComparison.Ordinal));
        using var anonymous = await clientB.GetAsync(new Uri("/People", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/People", UriKind.Relative));
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var withCookie = await clientB.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/SignIn", anonymous.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, withCookie.StatusCode);
        Assert.Contains("data-testid=\"user-name\">Test Advisor<", await withCookie.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_OnNodeA_EndsTheSessionOnNodeBAtOnce()
    {
        var user = await nodes.A.CreateUserAsync(Roles.Advisor, "TEST-TWO-NODES");
        var (clientA, cookie) = await nodes.A.SignInKeepingCookieAsync(user);
        using var onB = nodes.B.CreateReplayClient(cookie);
        var me = new Uri("/api/v1/me", UriKind.Relative);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync(me)).StatusCode);

        await clientA.PostFormAsync("/Account/SignOut", []);

        Assert.Equal(HttpStatusCode.Unauthorized, (await onB.GetAsync(me)).StatusCode);
    }

    [Fact]
    public async Task Runners_TwoNodesDrainOneQueue_EveryJobRunsExactlyOnceAndBothNodesWork()
    {
        const int jobs = 200;
        var marker = "drain-" + Guid.NewGuid().ToString("N")[..8];
        // Half the jobs are enqueued through each node: it is one queue.
        foreach (var (node, half) in new[] { (nodes.A, 0), (nodes.B, 1) })
        {
            await node.InScopeAsync(async sp =>
            {
                var queue = sp.GetRequiredService<JobQueue>();
                for (var i = half; i < jobs; i += 2)
                {
                    queue.Add(RecordingJobHandler.JobKind, Payload(marker, i));
                }

                return await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
            });
        }

        await nodes.WaitForAsync(
            async () => (await nodes.A.JobsAsync(marker)).All(j => j.Status == JobStatus.Succeeded),
            Timeout);

        var runs = nodes.Ledger.Runs.Where(r => r.Payload.Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.Equal(jobs, runs.Count);
        Assert.Equal(
            Enumerable.Range(0, jobs).Select(i => Payload(marker, i)).Order(StringComparer.Ordinal),
            runs.Select(r => r.Payload).Order(StringComparer.Ordinal));
        Assert.Equal(["A", "B"], runs.Select(r => r.Node).Distinct().Order(StringComparer.Ordinal));
        var stored = await nodes.A.JobsAsync(marker);
        Assert.Equal(jobs, stored.Count);
        Assert.All(stored, j => Assert.Equal(1, j.Attempts));
        Assert.Equal(
            new[] { nodes.A.NodeId, nodes.B.NodeId }.Order(StringComparer.Ordinal),
            stored.Select(j => j.ClaimedBy!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Runners_NodeDiesHoldingAJob_AnotherNodeRunsItAfterTheLease()
    {
        var marker = "crash-" + Guid.NewGuid().ToString("N")[..8];
        var lease = TimeSpan.FromMinutes(5);
        // A third node claimed the job and died: it never completes nor renews. The row is written as that claim
        // leaves it (writing it Pending and claiming it here would race with the live runners).
        var id = await nodes.A.InScopeAsync(async sp =>
        {
            var now = nodes.A.Clock.GetUtcNow();
            var db = sp.GetRequiredService<AppDbContext>();
            var job = new BackgroundJob
            {
                Kind = RecordingJobHandler.JobKind,
                Payload = Payload(marker, 1),
                Status = JobStatus.Running,
                Attempts = 1,
                MaxAttempts = 5,
                RunAfter = now,
                ClaimedBy = "dead-node",
                ClaimedUntil = now + lease,
                CreatedAt = now,
            };
            db.Add(job);
            await db.SaveChangesAsync();
            return job.Id;
        });
        // While the lease holds, neither live node takes the job.
        foreach (var runner in nodes.Both)
        {
            await runner.Services.GetRequiredService<JobRunner>().RunDueJobsAsync(CancellationToken.None);
        }

        Assert.Equal("dead-node", (await nodes.A.JobsAsync(marker)).Single().ClaimedBy);

        foreach (var node in nodes.Both)
        {
            node.Clock.Advance(lease + TimeSpan.FromSeconds(1));
        }

        await nodes.WaitForAsync(
            async () => (await nodes.A.JobsAsync(marker)).Single().Status == JobStatus.Succeeded,
            Timeout);

        var job = (await nodes.A.JobsAsync(marker)).Single();
        Assert.Equal(id, job.Id);
        Assert.Equal(2, job.Attempts);
        Assert.Contains(job.ClaimedBy, new[] { nodes.A.NodeId, nodes.B.NodeId });
        Assert.Single(nodes.Ledger.Runs, r => r.Payload.Contains(marker, StringComparison.Ordinal));
    }

    private static string Payload(string marker, int n) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"marker":"{{marker}}","n":{{n}}}""");
}
