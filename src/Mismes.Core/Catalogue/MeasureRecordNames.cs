using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Data;

namespace Mismes.Core.Catalogue;

/// <summary>Names measures on the audit page by their title in the reader's language (French when missing): the catalogue is public.</summary>
internal sealed class MeasureRecordNames(AppDbContext db) : IRecordNameSource
{
    public string RecordType => "SupportMeasure";

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> recordIds, string culture, CancellationToken ct)
    {
        var ids = RecordIds.Guids(recordIds);
        var titles = await db.Set<SupportMeasureTranslation>().AsNoTracking()
            .Where(t => ids.Contains(t.MeasureId) && (t.Culture == culture || t.Culture == "fr"))
            .Select(t => new { t.MeasureId, t.Culture, t.Title })
            .ToListAsync(ct);
        return titles.GroupBy(t => t.MeasureId).ToDictionary(
            g => RecordIds.Of(g.Key),
            g => (g.FirstOrDefault(t => t.Culture == culture) ?? g.First()).Title,
            StringComparer.Ordinal);
    }
}
