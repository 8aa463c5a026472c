using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mismes.Core.Administration;

namespace Mismes.Web.Account.Pages;

/// <summary>Signing out is a POST (with antiforgery) so a link or image elsewhere cannot sign a user out.</summary>
public sealed class SignOutModel(SignInManager<AppUser> signInManager) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signInManager.SignOutAsync();
        return LocalRedirect("/");
    }
}
