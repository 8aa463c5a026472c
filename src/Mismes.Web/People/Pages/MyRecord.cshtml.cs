using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mismes.Core.People;

namespace Mismes.Web.People.Pages;

/// <summary>
/// A beneficiary's own record (/People/MyRecord): what is held about them in plain words, their consents with one
/// button each to withdraw, and a download of all their data. No id in the URL: the record is the one linked to the
/// signed-in account (MyRecordService), so no other person's record can be reached from here. Plain forms and links
/// only: it works without JavaScript.
/// </summary>
[Authorize(Policy = PeoplePolicies.OwnRecord)]
internal sealed class MyRecordModel(MyRecordService records, ConsentNoticeService notices) : PageModel
{
    public const string DownloadFileName = "mismes-my-data.json";

    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        // Names in Arabic and accents stay readable in the file.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public MyRecord? Record { get; private set; }

    public IReadOnlyDictionary<ConsentPurpose, ConsentNotice> Notices { get; private set; } = new Dictionary<ConsentPurpose, ConsentNotice>();

    /// <summary>The purpose just withdrawn, to confirm it in words after the redirect.</summary>
    [TempData]
    public string? Withdrawn { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Record = await records.GetAsync(ct);
        if (Record is not null)
        {
            Notices = await notices.LatestAsync(ct);
        }
    }

    /// <summary>One button per consent; an unknown purpose (a hand-made form) changes nothing and shows the page again.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(string? purpose, CancellationToken ct)
    {
        if (Enum.TryParse<ConsentPurpose>(purpose, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
            && await records.WithdrawConsentAsync(parsed, ct))
        {
            Withdrawn = parsed.ToString();
        }

        return RedirectToPage();
    }

    /// <summary>A download of personal data: only within 5 minutes of signing in or confirming the password (ADR 0024).</summary>
    [Administration.RequireRecentAuthentication]
    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        var export = await records.ExportAsync(ct);
        if (export is null)
        {
            return RedirectToPage();
        }

        Response.Headers.CacheControl = "no-store";
        return File(JsonSerializer.SerializeToUtf8Bytes(export, ExportJson), "application/json", DownloadFileName);
    }

    public ConsentPurpose? WithdrawnPurpose =>
        Enum.TryParse<ConsentPurpose>(Withdrawn, ignoreCase: false, out var p) && Enum.IsDefined(p) ? p : null;
}
