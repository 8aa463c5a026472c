using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mismes.Core.Administration;
using Mismes.Core.Common;

namespace Mismes.Web.Administration.Pages;

/// <summary>
/// The audit trail with filters and paging. Record type, record id and dates may come in the URL (the person page links
/// to its entries); the user filter is an e-mail address, so it is only read from the posted form (docs/adr/0018): the
/// filter form is a POST and the pager is made of its submit buttons.
/// </summary>
[Authorize(Policy = Policies.ReadAudit)]
public sealed class AuditModel(AuditTrailService audit, RecordNames recordNames) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? RecordType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? RecordId { get; set; }

    [BindProperty(Name = "user")]
    public string? UserFilter { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Paged<AuditRow> Result { get; private set; } = new([], 0, 1, PageSize);

    /// <summary>The record types offered in the filter, each shown by its name in the user's language.</summary>
    public static IReadOnlyList<string> RecordTypes { get; } = ["Person", "SupportMeasure", "User", "ApiKey"];

    public IReadOnlyDictionary<Guid, ActorName> Actors { get; private set; } = new Dictionary<Guid, ActorName>();

    /// <summary>Keys of partner systems that made entries on this page: their names.</summary>
    public IReadOnlyDictionary<Guid, ActorName> ApiKeys { get; private set; } = new Dictionary<Guid, ActorName>();

    public IReadOnlyDictionary<(string Type, string Id), string> Names { get; private set; } = new Dictionary<(string Type, string Id), string>();

    /// <summary>The name of the one record filtered on, when it can be named.</summary>
    public string? RecordName { get; private set; }

    public Task OnGetAsync(CancellationToken ct)
    {
        UserFilter = null;
        return LoadAsync(ct);
    }

    public Task OnPostAsync(CancellationToken ct) => LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Result = await audit.SearchAsync(
            new AuditFilter
            {
                RecordType = RecordType,
                RecordId = RecordId,
                User = UserFilter,
                From = From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                // "To" is a whole day, inclusive.
                To = To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                Paging = new PageRequest(PageNumber is >= 1 and <= PageRequest.MaxPage ? PageNumber : 1, PageSize),
            },
            ct);
        var culture = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        Actors = await recordNames.ActorsAsync(Result.Items.Select(r => r.UserId), ct);
        ApiKeys = await recordNames.ApiKeysAsync(Result.Items.Select(r => r.ApiKeyId), ct);
        var records = Result.Items.Select(r => (r.RecordType, r.RecordId)).ToList();
        if (!string.IsNullOrWhiteSpace(RecordType) && !string.IsNullOrWhiteSpace(RecordId))
        {
            records.Add((RecordType.Trim(), RecordId.Trim()));
        }

        Names = await recordNames.NamesAsync(records, culture, ct);
        RecordName = RecordType is not null && RecordId is not null && Names.TryGetValue((RecordType.Trim(), RecordId.Trim()), out var name) ? name : null;
    }
}
