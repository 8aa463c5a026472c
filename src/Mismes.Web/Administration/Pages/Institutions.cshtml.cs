using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mismes.Core.Administration;

namespace Mismes.Web.Administration.Pages;

[Authorize(Policy = Policies.StaffOnly)]
public sealed class InstitutionsModel(UserAdministrationService service) : PageModel
{
    public IReadOnlyList<InstitutionView> Institutions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Institutions = await service.ListInstitutionsAsync(ct);
}
