using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mismes.Core.Administration;

namespace Mismes.Web.Administration.Pages.Users;

/// <summary>Users of my institution (an administrator sees every institution's).</summary>
[Authorize(Policy = Policies.ManageUsers)]
public sealed class IndexModel(UserAdministrationService service) : PageModel
{
    public IReadOnlyList<UserView> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Users = await service.ListUsersAsync(ct);
}
