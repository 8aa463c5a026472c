namespace Mismes.Core.Administration;

/// <summary>
/// Who is acting, as Core services need it: for institution scoping and the audit trail.
/// The web host fills it from the signed-in user or API key; the CLI from its own identity.
/// </summary>
public interface ICurrentUser
{
    Guid? UserId { get; }

    Guid? InstitutionId { get; }

    bool IsInRole(string role);
}

/// <summary>Used by the CLI, migrations and background jobs: the system itself, which sees every institution.</summary>
public sealed class SystemUser : ICurrentUser
{
    public Guid? UserId => null;

    public Guid? InstitutionId => null;

    public bool IsInRole(string role) => string.Equals(role, Roles.Administrator, StringComparison.Ordinal);
}
