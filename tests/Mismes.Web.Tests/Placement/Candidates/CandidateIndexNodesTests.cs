using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.People;
using Mismes.Core.Placement.Matching;
using Mismes.TestCommon;
using Mismes.TestCommon.Placement;
using Mismes.Web.Tests.ScaleOut;

namespace Mismes.Web.Tests.Placement.Candidates;

/// <summary>
/// Every node keeps its own index, fed by the change feed in the shared database: what one node saves the other ranks,
/// and a withdrawn consent leaves both. Waits with a generous timeout (the 2-second lag is measured by the bench).
/// </summary>
public sealed class CandidateIndexNodesTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ProfileSavedOnNodeA_RankableOnNodeB_AndWithdrawalLeavesBoth()
    {
        var institution = await nodes.A.InstitutionIdAsync("TEST-INDEX-NODES");
        var advisor = new FakeCurrentUser(institution, Roles.Advisor);
        var picker = TestEsco.Occupation("cueilleur de fruits");
        var query = new CandidateQuery { OccupationUri = picker, EssentialSkillUris = [.. TestEsco.EssentialSkillsOf(picker).Take(2)], InstitutionId = institution };
        var indexA = nodes.A.Services.GetRequiredService<CandidateIndex>();
        var indexB = nodes.B.Services.GetRequiredService<CandidateIndex>();
        Assert.NotSame(indexA, indexB);

        var person = await nodes.A.Services.AddCandidateAsync(advisor, consent: true, new DateOnly(1991, 4, 2));

        await WaitUntilAsync(async () => await RanksAsync(indexB, query, person));
        await WaitUntilAsync(async () => await RanksAsync(indexA, query, person));

        await using (var scope = nodes.B.Services.CreateAsyncScope())
        {
            var (people, _) = CandidateHostServices.For(scope.ServiceProvider, advisor);
            await people.WithdrawConsentAsync(person, ConsentPurpose.ShareProfileWithForeignEmployers, ConsentChannel.Phone, CancellationToken.None);
        }

        await WaitUntilAsync(async () => !await RanksAsync(indexA, query, person) && !await RanksAsync(indexB, query, person));
    }

    private static async Task<bool> RanksAsync(CandidateIndex index, CandidateQuery query, Guid person) =>
        (await index.RankAsync(query, 50, CancellationToken.None)).Value!.Candidates.Any(c => c.PersonId == person);

    private static async Task WaitUntilAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not done after {Timeout}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
