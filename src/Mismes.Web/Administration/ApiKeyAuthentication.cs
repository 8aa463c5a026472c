using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Mismes.Core.Administration;
using Mismes.Web.Platform;

namespace Mismes.Web.Administration;

/// <summary>
/// Partner systems call /api/... with <c>Authorization: ApiKey &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c>.
/// The principal carries the key's institution (claim mismes:institution), the role PartnerService and one
/// mismes:scope claim per scope the key was granted (docs/adr/0019-api-key-scopes.md). A key never holds a staff
/// role, so it never sees beyond its institution (<see cref="Mismes.Core.Administration.InstitutionScope"/>).
/// </summary>
internal static class ApiKeyAuthentication
{
    public const string Scheme = "ApiKey";

    /// <summary>The default scheme: the API key handler when a request to /api presents a key, the Identity cookie otherwise.</summary>
    public const string Selector = "Mismes";

    public const string HeaderName = "X-Api-Key";

    public static string? ReadKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(Scheme + " ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization[(Scheme.Length + 1)..].Trim();
        }

        var header = request.Headers[HeaderName].ToString();
        return header.Length > 0 ? header.Trim() : null;
    }

    /// <summary>Did this principal authenticate with an API key (not a staff member's cookie)?</summary>
    public static bool IsApiKey(ClaimsPrincipal user) => user.HasClaim(c => c.Type == MismesClaims.ApiKeyId);

    public static string SelectScheme(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) && ReadKey(context.Request) is not null
            ? Scheme
            : IdentityConstants.ApplicationScheme;
}

internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyService keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = ApiKeyAuthentication.ReadKey(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        var key = await keys.FindActiveAsync(presented, Context.RequestAborted);
        if (key is null)
        {
            Logger.LogInformation("Rejected an unknown or revoked API key");
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, "apikey:" + key.Id.ToString()),
            new(ClaimTypes.Name, key.Name),
            new(HttpCurrentUser.InstitutionClaim, key.InstitutionId.ToString()),
            new(MismesClaims.ApiKeyId, key.Id.ToString()),
            new(ClaimTypes.Role, Roles.PartnerService),
        };
        claims.AddRange(key.ScopeList.Select(scope => new Claim(MismesClaims.Scope, scope)));
        var identity = new ClaimsIdentity(claims, ApiKeyAuthentication.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyAuthentication.Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = ApiKeyAuthentication.Scheme;
        return Task.CompletedTask;
    }
}
