using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.People;

namespace Mismes.Core.Evaluation;

/// <summary>One step of a person's journey across the measures.</summary>
public sealed record JourneyStep(
    DateTimeOffset At,
    string Kind,
    string Capability,
    Guid? MeasureId,
    Guid InstitutionId,
    string? Country,
    decimal? Amount,
    string? Currency,
    IReadOnlyDictionary<string, string> Facts);

/// <summary>
/// A person's whole journey: every outcome of every measure, from before departure through abroad to return, oldest
/// first, including the events of records later merged into theirs. Staff see it when they may see the person's
/// record (the same scope and the same audit entry as opening the record, through <see cref="PersonService"/>); a
/// beneficiary sees her own (<see cref="MyRecordService"/>).
/// </summary>
public sealed class PersonJourneyService(AppDbContext db, PersonService people, MyRecordService myRecord, AuditLog audit)
{
    /// <summary>The journey of a record the user may see; null when it is missing or not theirs to see.</summary>
    public async Task<IReadOnlyList<JourneyStep>?> ForPersonAsync(Guid personId, CancellationToken ct)
    {
        var record = await people.GetAsync(personId, ct);
        return record is null ? null : await StepsAsync([personId, .. record.MergedFrom], ct);
    }

    /// <summary>The signed-in beneficiary's own journey; null when the account is linked to no record.</summary>
    public async Task<IReadOnlyList<JourneyStep>?> OwnAsync(CancellationToken ct)
    {
        if (await myRecord.OwnPersonIdAsync(ct) is not { } id)
        {
            return null;
        }

        var mergedFrom = await people.MergedFromAsync(id, ct);
        await audit.RecordReadAsync(PersonService.RecordType, id.ToString("D", System.Globalization.CultureInfo.InvariantCulture), ct);
        return await StepsAsync([id, .. mergedFrom], ct);
    }

    private async Task<IReadOnlyList<JourneyStep>> StepsAsync(IReadOnlyList<Guid> personIds, CancellationToken ct)
    {
        var events = await db.Set<OutcomeEvent>().AsNoTracking()
            .Where(e => personIds.Contains(e.PersonId))
            .ToListAsync(ct);
        return events
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new JourneyStep(e.At, e.Kind, e.Capability, e.MeasureId, e.InstitutionId, e.Country, e.Amount, e.Currency,
                e.Facts is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(e.Facts)!))
            .ToList();
    }
}
