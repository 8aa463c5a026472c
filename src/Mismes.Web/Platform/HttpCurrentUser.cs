using System.Security.Claims;
using Mismes.Core.Administration;

namespace Mismes.Web.Platform;

/// <summary>The signed-in user (cookie) or partner system (API key) of the current request.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public const string InstitutionClaim = "mismes:institution";

    public const string ApiKeyClaim = "mismes:api_key";

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public Guid? UserId =>
        Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public Guid? InstitutionId =>
        Guid.TryParse(Principal?.FindFirstValue(InstitutionClaim), out var id) ? id : null;

    public Guid? ApiKeyId =>
        Guid.TryParse(Principal?.FindFirstValue(ApiKeyClaim), out var id) ? id : null;

    public bool IsInRole(string role) => Principal?.IsInRole(role) ?? false;

    public string? ClientAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public string? UserAgent => accessor.HttpContext?.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null;
}
