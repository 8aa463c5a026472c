using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Data;

namespace Mismes.Core.Catalogue;

/// <summary>Measures the user may edit (their institution implements them; administrators: all) that need their attention.</summary>
public sealed record CatalogueWork(int EndingSoon, int MissingInformation);

/// <summary>Counts for the Catalogue part of the work queue.</summary>
public sealed class CatalogueWorkCounts(AppDbContext db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>A measure ending within this many days should be extended, followed by another, or closed in time.</summary>
    public const int EndingSoonDays = 90;

    /// <summary>The languages a migrant may read the catalogue in: a measure missing one is missing information.</summary>
    public static readonly IReadOnlyList<string> Languages = ["fr", "ar", "en", "es"];

    public async Task<CatalogueWork> CountAsync(CancellationToken ct)
    {
        var measures = await db.Set<SupportMeasure>().AsNoTracking()
            .Select(m => new
            {
                m.StartYear, m.StartMonth, m.EndYear, m.EndMonth, m.Ongoing,
                Implementers = m.Parties.Where(p => p.Role == PartyRole.Implementer && p.InstitutionId != null).Select(p => p.InstitutionId!.Value).ToList(),
                Cultures = m.Translations.Select(t => t.Culture).ToList(),
            })
            .ToListAsync(ct);

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var horizon = today.AddDays(EndingSoonDays);
        var endingSoon = 0;
        var missing = 0;
        foreach (var m in measures.Where(m => InstitutionScope.SeesAllInstitutions(user) || (user.InstitutionId is { } own && m.Implementers.Contains(own))))
        {
            var measure = new SupportMeasure
            {
                Slug = "", StartYear = m.StartYear, StartMonth = m.StartMonth, EndYear = m.EndYear, EndMonth = m.EndMonth, Ongoing = m.Ongoing,
            };
            var status = measure.StatusOn(today);
            if (status == MeasureStatus.Ended)
            {
                continue; // archived: nobody applies to it any more
            }

            if (status == MeasureStatus.Active && m.EndYear is int ey)
            {
                var lastMonth = m.EndMonth ?? 12;
                if (new DateOnly(ey, lastMonth, DateTime.DaysInMonth(ey, lastMonth)) <= horizon)
                {
                    endingSoon++;
                }
            }

            if (status == MeasureStatus.Unknown || Languages.Any(l => !m.Cultures.Contains(l, StringComparer.Ordinal)))
            {
                missing++;
            }
        }

        return new CatalogueWork(endingSoon, missing);
    }
}
