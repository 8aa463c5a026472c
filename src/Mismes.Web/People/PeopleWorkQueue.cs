using Mismes.Core.People;
using Mismes.Web.Administration;
using Mismes.Web.Platform;

namespace Mismes.Web.People;

/// <summary>The registry's part of an advisor's work queue: possible duplicates to review, recent withdrawals, new records.</summary>
internal sealed class PeopleWorkQueue(PeopleWorkCounts counts) : IWorkQueueSource
{
    public string Policy => Policies.ManagePeople;

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        var work = await counts.CountAsync(ct);
        return
        [
            new("People.Work.PossibleDuplicates", work.PossibleDuplicates, "/People", WorkUrgency.Now),
            new("People.Work.ConsentsWithdrawn", work.ConsentsWithdrawnThisWeek, "/People", WorkUrgency.Soon),
            new("People.Work.CreatedThisWeek", work.CreatedThisWeek, "/People", WorkUrgency.Info),
        ];
    }
}
