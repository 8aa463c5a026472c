using Mismes.Core.Administration;

namespace Mismes.TestCommon;

/// <summary>Who acts in a Core service test: an institution (or none) and roles.</summary>
public sealed class FakeCurrentUser(Guid? institutionId, params string[] roles) : ICurrentUser
{
    public Guid? UserId { get; } = Guid.NewGuid();

    public Guid? InstitutionId { get; } = institutionId;

    public bool IsInRole(string role) => roles.Contains(role, StringComparer.Ordinal);

    public string? ClientAddress { get; init; }

    public string? UserAgent { get; init; }
}
