using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Data;

namespace Mismes.Core.People;

/// <summary>
/// Names person records for the audit page and histories ("Nadia Benali" instead of a Guid), only those of the
/// reader's institution (administrators: all): a name is personal data, and naming a record is no reason to widen
/// who may see whom. Merged-away records keep their name, so the trail stays readable.
/// </summary>
internal sealed class PersonRecordNames(AppDbContext db, ICurrentUser user) : IRecordNameSource
{
    public string RecordType => "Person";

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> recordIds, string culture, CancellationToken ct)
    {
        var ids = RecordIds.Guids(recordIds);
        var people = await db.Set<Person>().AsNoTracking().VisibleTo(user, p => p.InstitutionId)
            .Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.FirstNameLatin, p.LastNameLatin, p.FirstNameArabic, p.LastNameArabic })
            .ToListAsync(ct);
        return people.ToDictionary(
            p => RecordIds.Of(p.Id),
            p => culture == "ar" && p.FirstNameArabic is not null && p.LastNameArabic is not null
                ? $"{p.FirstNameArabic} {p.LastNameArabic}"
                : $"{p.FirstNameLatin} {p.LastNameLatin}",
            StringComparer.Ordinal);
    }
}
