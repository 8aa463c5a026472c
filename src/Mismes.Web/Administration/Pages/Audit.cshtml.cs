using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mismes.Core.Administration;
using Mismes.Core.Common;

namespace Mismes.Web.Administration.Pages;

/// <summary>The audit trail with filters and paging (a GET form: filters live in the URL, so a view can be shared).</summary>
[Authorize(Policy = Policies.ReadAudit)]
public sealed class AuditModel(AuditTrailService audit) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? RecordType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? RecordId { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserFilter { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Paged<AuditRow> Result { get; private set; } = new([], 0, 1, PageSize);

    public async Task OnGetAsync(CancellationToken ct)
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
    }

    public string PageUrl(int page) => QueryString.Create(new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["RecordType"] = RecordType,
        ["RecordId"] = RecordId,
        ["user"] = UserFilter,
        ["From"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["To"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
}
