using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.Administration;
using Mismes.Web.Platform;

namespace Mismes.Web.Administration.Pages.ApiKeys;

/// <summary>
/// API keys of my institution: create one with the scopes it needs (only scopes whose rights I hold are offered, and
/// only those are accepted), see the secret once on this response, revoke (docs/adr/0019-api-key-scopes.md).
/// </summary>
[Authorize(Policy = Policies.ManageUsers)]
public sealed class IndexModel(
    ApiKeyService keys, UserAdministrationService institutions, ApiScopeCatalog scopes, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public Guid? InstitutionId { get; set; }

    /// <summary>The scope names ticked in the form.</summary>
    [BindProperty]
    public List<string> Scopes { get; set; } = [];

    public IReadOnlyList<ApiKeyView> Keys { get; private set; } = [];

    public IReadOnlyList<InstitutionView> Institutions { get; private set; } = [];

    /// <summary>The scopes this user may put on a key: the checkboxes of the form.</summary>
    public IReadOnlyList<ApiScope> GrantableScopes { get; private set; } = [];

    public CreatedApiKey? Created { get; private set; }

    /// <summary>A scope in plain words in the reader's language; its name for a scope no module declares any more.</summary>
    public string ScopeText(string name) =>
        scopes.Find(name) is { } scope ? localizer[scope.TextKey].Value : name;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var result = await keys.CreateAsync(
            new CreateApiKey
            {
                InstitutionId = InstitutionId ?? Guid.Empty,
                Name = Name,
                Scopes = [.. (Scopes ?? []).Where(s => !string.IsNullOrWhiteSpace(s))],
                GrantableScopes = await scopes.GrantableByAsync(User),
            },
            ct);
        foreach (var (field, codes) in result.Errors)
        {
            // The field's label is the {0} of the message ("Le champ « Nom » est obligatoire.").
            var label = field switch
            {
                nameof(InstitutionId) => localizer["Administration.Users.Institution"],
                nameof(Scopes) => localizer["Administration.ApiKeys.Scopes"],
                _ => localizer["Administration.ApiKeys.Name"],
            };
            ModelState.AddModelError(field, localizer["Administration.Validation." + codes[0], label.Value]);
        }

        Created = result.Value;
        if (Created is not null)
        {
            Name = null;
            Scopes = [];
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
        var grantable = await scopes.GrantableByAsync(User);
        GrantableScopes = [.. scopes.All.Where(s => grantable.Contains(s.Name))];
    }
}
