using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.Administration;
using Mismes.Web.Account;

namespace Mismes.Web.Administration.Pages.Users;

[Authorize(Policy = Policies.ManageUsers)]
public sealed class CreateModel(UserAdministrationService service, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public Guid? InstitutionId { get; set; }

    [BindProperty]
    public List<string> SelectedRoles { get; set; } = [];

    [BindProperty]
    public string? Password { get; set; }

    public IReadOnlyList<InstitutionView> Institutions { get; private set; } = [];

    /// <summary>The label of each field, the {0} of its error messages ("Le champ « E-mail » est obligatoire.").</summary>
    private static readonly Dictionary<string, string> FieldLabelKeys = new(StringComparer.Ordinal)
    {
        [nameof(Email)] = "Administration.Users.Email",
        [nameof(DisplayName)] = "Administration.Users.DisplayName",
        [nameof(InstitutionId)] = "Administration.Users.Institution",
        [nameof(SelectedRoles)] = "Administration.Users.Roles",
        [nameof(Password)] = "Administration.Users.Password",
    };

    /// <summary>Administrator is offered only to administrators: it sees every institution.</summary>
    public IReadOnlyList<string> OfferedRoles =>
        User.IsInRole(Roles.Administrator) ? Roles.All : Roles.All.Where(r => r != Roles.Administrator).ToList();

    public async Task OnGetAsync(CancellationToken ct) => Institutions = await service.ListManageableInstitutionsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (userId, errors) = await service.CreateUserAsync(
            new CreateUser
            {
                Email = Email ?? "",
                DisplayName = DisplayName ?? "",
                InstitutionId = InstitutionId ?? Guid.Empty,
                Roles = SelectedRoles,
                Password = Password ?? "",
            },
            ct);
        if (userId is not null)
        {
            return Redirect("/Administration/Users");
        }

        foreach (var (field, codes) in errors)
        {
            var key = field == nameof(CreateUser.Roles) ? nameof(SelectedRoles) : field;
            if (codes[0].StartsWith("Identity.", StringComparison.Ordinal))
            {
                foreach (var message in PasswordMessages.Describe(field, codes, localizer))
                {
                    ModelState.AddModelError(key, message);
                }
            }
            else
            {
                ModelState.AddModelError(key, localizer["Administration.Validation." + codes[0], FieldLabelKeys.TryGetValue(key, out var label) ? localizer[label].Value : key]);
            }
        }

        Institutions = await service.ListManageableInstitutionsAsync(ct);
        return Page();
    }
}
