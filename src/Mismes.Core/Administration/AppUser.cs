using Microsoft.AspNetCore.Identity;

namespace Mismes.Core.Administration;

/// <summary>A staff member, partner, employer, expert or beneficiary who signs in. Always belongs to one institution.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }

    public Guid? InstitutionId { get; set; }

    public Institution? Institution { get; set; }

    /// <summary>fr, ar-MA, en or es; null means "follow the browser".</summary>
    public string? PreferredCulture { get; set; }
}
