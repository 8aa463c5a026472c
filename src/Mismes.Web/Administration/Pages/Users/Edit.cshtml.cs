using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.Administration;
using Mismes.Core.Common;
using Mismes.Web.Platform;

namespace Mismes.Web.Administration.Pages.Users;

/// <summary>
/// One account: change its name, e-mail, institution, roles and language; deactivate or reactivate it; send it a
/// link to choose a new password. Who may do what is decided in Core (<see cref="UserAdministrationService"/>).
/// </summary>
[Authorize(Policy = Policies.ManageUsers)]
public sealed class EditModel(UserAdministrationService service, PublicLinks links, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>What the page confirms after a redirect (?done=…), so a reload never posts twice.</summary>
    private static readonly string[] Confirmations = ["Saved", "Deactivated", "Reactivated", "ResetSent"];

    private static readonly Dictionary<string, string> FieldLabelKeys = new(StringComparer.Ordinal)
    {
        [nameof(Email)] = "Administration.Users.Email",
        [nameof(DisplayName)] = "Administration.Users.DisplayName",
        [nameof(InstitutionId)] = "Administration.Users.Institution",
        [nameof(SelectedRoles)] = "Administration.Users.Roles",
        [nameof(PreferredCulture)] = "Administration.Users.PreferredCulture",
    };

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public Guid? InstitutionId { get; set; }

    [BindProperty]
    public List<string> SelectedRoles { get; set; } = [];

    /// <summary>"" follows the browser.</summary>
    [BindProperty]
    public string? PreferredCulture { get; set; }

    public UserDetails Account { get; private set; } = null!;

    public IReadOnlyList<InstitutionView> Institutions { get; private set; } = [];

    /// <summary>The resource key of the confirmation to show, if any.</summary>
    public string? Done { get; private set; }

    public IReadOnlyList<string> OfferedRoles =>
        User.IsInRole(Roles.Administrator) ? Roles.All : Roles.All.Where(r => r != Roles.Administrator).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        Email = Account.Email;
        DisplayName = Account.DisplayName;
        InstitutionId = Account.InstitutionId;
        SelectedRoles = [.. Account.Roles];
        PreferredCulture = Account.PreferredCulture ?? "";
        Done = Confirmations.Contains(done, StringComparer.Ordinal) ? "Administration.Users.Done." + done : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await service.UpdateUserAsync(
            new UpdateUser
            {
                UserId = id,
                Email = Email ?? "",
                DisplayName = DisplayName ?? "",
                InstitutionId = InstitutionId ?? Guid.Empty,
                Roles = SelectedRoles,
                PreferredCulture = string.IsNullOrEmpty(PreferredCulture) ? null : PreferredCulture,
            },
            ct);
        return await AnswerAsync(id, result, "Saved", ct);
    }

    public async Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, await service.DeactivateAsync(id, ct), "Deactivated", ct);

    public async Task<IActionResult> OnPostReactivateAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, await service.ReactivateAsync(id, ct), "Reactivated", ct);

    public async Task<IActionResult> OnPostSendResetAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, await service.SendPasswordResetAsync(id, links.Absolute("/Account/ResetPassword"), ct), "ResetSent", ct);

    private async Task<IActionResult> AnswerAsync(Guid id, WriteResult<UserDetails> result, string done, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case WriteOutcome.Ok:
                return Redirect($"/Administration/Users/Edit/{id:D}?done={done}");
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Forbidden:
                return Forbid();
            case WriteOutcome.Conflict:
                ModelState.AddModelError(string.Empty, localizer[result.ConflictKey!]);
                break;
            default:
                foreach (var (field, codes) in result.Errors)
                {
                    var key = field == nameof(UpdateUser.Roles) ? nameof(SelectedRoles) : field;
                    ModelState.AddModelError(key, localizer["Administration.Validation." + codes[0], localizer[FieldLabelKeys.GetValueOrDefault(key, key)].Value]);
                }

                break;
        }

        return await LoadAsync(id, ct) ?? Page();
    }

    /// <summary>Reads the account and the institutions for the form; a refusal when it may not be shown or changed.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await service.GetUserAsync(id, ct) is not { } account)
        {
            return NotFound();
        }

        if (!service.CanChange(account))
        {
            return Forbid();
        }

        Account = account;
        Institutions = await service.ListManageableInstitutionsAsync(ct);
        return null;
    }
}
