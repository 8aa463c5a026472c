using Mismes.Core.Administration;
using Mismes.Web.Platform;

namespace Mismes.Web.Administration;

/// <summary>Administration's part of the work queue: colleagues locked out of their account, for those who manage users.</summary>
internal sealed class AdministrationWorkQueue(AdministrationWorkCounts counts) : IWorkQueueSource
{
    public string Policy => Policies.ManageUsers;

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        var work = await counts.CountAsync(ct);
        return [new("Administration.Work.LockedOut", work.LockedOut, "/Administration/Users", WorkUrgency.Now)];
    }
}
