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

    /// <summary>
    /// When an administrator deactivated the account; null while it is active. A deactivated user cannot sign in, and
    /// their sessions ended at deactivation (docs/adr/0021-account-administration.md). Kept, not deleted, so the audit
    /// trail still names who acted.
    /// </summary>
    public DateTimeOffset? DeactivatedAt { get; set; }
}
