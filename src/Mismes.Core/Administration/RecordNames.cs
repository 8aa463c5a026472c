using Microsoft.EntityFrameworkCore;
using Mismes.Core.Data;

namespace Mismes.Core.Administration;

/// <summary>
/// What people read instead of ids (audit page, history): each capability registers one source for the record types
/// it owns ("Person", "SupportMeasure"...), so Administration never reads another capability's tables. A source
/// answers only the records the current user may see; an id it does not know stays unnamed.
/// </summary>
public interface IRecordNameSource
{
    /// <summary>The audit entries' <see cref="AuditEntry.RecordType"/> this source names.</summary>
    string RecordType { get; }

    /// <summary>Record id → name in <paramref name="culture"/> (a two-letter UI language), for the ids it can name.</summary>
    Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> recordIds, string culture, CancellationToken ct);
}

/// <summary>Who did something: the user's display name and their institution's name (e.g. "Fatima Alaoui", "ANAPEC Casablanca").</summary>
public sealed record ActorName(string DisplayName, string? InstitutionName);

public sealed class RecordNames(IEnumerable<IRecordNameSource> sources, AppDbContext db)
{
    public async Task<IReadOnlyDictionary<Guid, ActorName>> ActorsAsync(IEnumerable<Guid?> userIds, CancellationToken ct)
    {
        var ids = userIds.OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, ActorName>();
        }

        var users = await db.Set<AppUser>().AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, Institution = db.Set<Institution>().Where(i => i.Id == u.InstitutionId).Select(i => i.Name).FirstOrDefault() })
            .ToListAsync(ct);
        return users.ToDictionary(u => u.Id, u => new ActorName(u.DisplayName, u.Institution));
    }

    /// <summary>API key id → its name and institution, for audit entries made by a partner system.</summary>
    public async Task<IReadOnlyDictionary<Guid, ActorName>> ApiKeysAsync(IEnumerable<Guid?> keyIds, CancellationToken ct)
    {
        var ids = keyIds.OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, ActorName>();
        }

        var keys = await db.Set<ApiKey>().AsNoTracking().Where(k => ids.Contains(k.Id))
            .Select(k => new { k.Id, k.Name, Institution = db.Set<Institution>().Where(i => i.Id == k.InstitutionId).Select(i => i.Name).FirstOrDefault() })
            .ToListAsync(ct);
        return keys.ToDictionary(k => k.Id, k => new ActorName(k.Name, k.Institution));
    }

    /// <summary>(record type, id) → name, for those a source could name.</summary>
    public async Task<IReadOnlyDictionary<(string Type, string Id), string>> NamesAsync(
        IEnumerable<(string Type, string Id)> records, string culture, CancellationToken ct)
    {
        var names = new Dictionary<(string Type, string Id), string>();
        foreach (var group in records.Distinct().GroupBy(r => r.Type, StringComparer.Ordinal))
        {
            var source = sources.FirstOrDefault(s => string.Equals(s.RecordType, group.Key, StringComparison.Ordinal));
            if (source is null)
            {
                continue;
            }

            foreach (var (id, name) in await source.NamesAsync(group.Select(r => r.Id).ToList(), culture, ct))
            {
                names[(group.Key, id)] = name;
            }
        }

        return names;
    }
}

/// <summary>Users are named by their display name; institutions by their name (both visible to staff).</summary>
internal sealed class UserRecordNames(AppDbContext db) : IRecordNameSource
{
    public string RecordType => "User";

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> recordIds, string culture, CancellationToken ct)
    {
        var ids = RecordIds.Guids(recordIds);
        var users = await db.Set<AppUser>().AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        return users.ToDictionary(u => RecordIds.Of(u.Id), u => u.DisplayName, StringComparer.Ordinal);
    }
}

internal sealed class InstitutionRecordNames(AppDbContext db) : IRecordNameSource
{
    public string RecordType => "Institution";

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> recordIds, string culture, CancellationToken ct)
    {
        var ids = RecordIds.Guids(recordIds);
        var institutions = await db.Set<Institution>().AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.Name }).ToListAsync(ct);
        return institutions.ToDictionary(i => RecordIds.Of(i.Id), i => i.Name, StringComparer.Ordinal);
    }
}

/// <summary>Audit record ids are Guids written "D"; other ids (e.g. "search") are skipped.</summary>
public static class RecordIds
{
    public static List<Guid> Guids(IEnumerable<string> ids) =>
        ids.Select(id => Guid.TryParse(id, out var g) ? g : (Guid?)null).OfType<Guid>().Distinct().ToList();

    public static string Of(Guid id) => id.ToString("D", System.Globalization.CultureInfo.InvariantCulture);
}
