using Mismes.Core.Catalogue;
using Mismes.Web.Administration;
using Mismes.Web.Platform;

namespace Mismes.Web.Catalogue;

/// <summary>The catalogue's part of the work queue: the user's institution's measures ending soon or missing information.</summary>
internal sealed class CatalogueWorkQueue(CatalogueWorkCounts counts) : IWorkQueueSource
{
    public string Policy => Policies.ManageCatalogue;

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        var work = await counts.CountAsync(ct);
        return
        [
            new("Catalogue.Work.EndingSoon", work.EndingSoon, "/Catalogue/Manage", WorkUrgency.Soon),
            new("Catalogue.Work.MissingInformation", work.MissingInformation, "/Catalogue/Manage", WorkUrgency.Info),
        ];
    }
}
