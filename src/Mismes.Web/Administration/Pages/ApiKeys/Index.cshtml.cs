using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.Administration;

namespace Mismes.Web.Administration.Pages.ApiKeys;

/// <summary>API keys of my institution: create (the secret is shown once, on this response only) and revoke.</summary>
[Authorize(Policy = Policies.ManageUsers)]
public sealed class IndexModel(ApiKeyService keys, UserAdministrationService institutions, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public Guid? InstitutionId { get; set; }

    public IReadOnlyList<ApiKeyView> Keys { get; private set; } = [];

    public IReadOnlyList<InstitutionView> Institutions { get; private set; } = [];

    public CreatedApiKey? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var (created, errors) = await keys.CreateAsync(InstitutionId ?? Guid.Empty, Name, ct);
        foreach (var (field, codes) in errors)
        {
            // The field's label is the {0} of the message ("Le champ « Nom » est obligatoire.").
            var label = field == nameof(InstitutionId) ? localizer["Administration.Users.Institution"] : localizer["Administration.ApiKeys.Name"];
            ModelState.AddModelError(field, localizer["Administration.Validation." + codes[0], label.Value]);
        }

        Created = created;
        if (created is not null)
        {
            Name = null;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        if (!await keys.RevokeAsync(id, ct))
        {
            return NotFound();
        }

        return Redirect("/Administration/ApiKeys");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Keys = await keys.ListAsync(ct);
        Institutions = await institutions.ListManageableInstitutionsAsync(ct);
    }
}
