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

    /// <summary>The partner system's API key acting, if any (then <see cref="UserId"/> is null): for the audit trail.</summary>
    Guid? ApiKeyId => null;

    /// <summary>The client's IP address, for the audit trail and security events; null outside a request.</summary>
    string? ClientAddress => null;

    /// <summary>The client's User-Agent (shortened), for the audit trail; null outside a request.</summary>
    string? UserAgent => null;
}

/// <summary>Used by the CLI, migrations and background jobs: the system itself, which sees every institution.</summary>
public sealed class SystemUser : ICurrentUser
{
    public Guid? UserId => null;

    public Guid? InstitutionId => null;

    public bool IsInRole(string role) => string.Equals(role, Roles.Administrator, StringComparison.Ordinal);
}
