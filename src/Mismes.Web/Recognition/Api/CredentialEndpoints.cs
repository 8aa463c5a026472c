using Microsoft.AspNetCore.Http.HttpResults;
using Mismes.Core.Recognition;
using Mismes.Web.Platform;

namespace Mismes.Web.Recognition.Api;

/// <summary>
/// The two public halves of a verifiable certificate: the key set that verifies every credential ever issued
/// (retired keys included), and a certificate's signed credential, found by the code printed on it. Both are open
/// to anyone, under the search rate limit, so that an employer abroad can check a certificate without an account.
/// </summary>
internal static class CredentialEndpoints
{
    public static IEndpointRouteBuilder MapCredentialEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/recognition").WithTags("Recognition");
        group.MapGet("/keys", async (CredentialKeyRing keys, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.CacheControl = "public, max-age=300";
                return TypedResults.Text(await keys.PublishedKeySetAsync(ct), "application/jwk-set+json");
            })
            .AllowAnonymous().RequireRateLimiting(RateLimits.Search)
            .WithName("CredentialKeys")
            .WithSummary("The JSON Web Key Set of the platform's credential signing keys, active and retired.");
        group.MapGet("/certificates/{code}/credential", async Task<Results<ContentHttpResult, NotFound>> (string code, ValidationService validations, HttpContext http, CancellationToken ct) =>
            {
                var found = await validations.VerifyAsync(code, ct);
                if (found is null)
                {
                    return TypedResults.NotFound();
                }

                http.Response.Headers.ContentDisposition = $"attachment; filename=\"certificate-{found.Certificate.Code}.jwt\"";
                return TypedResults.Text(found.Credential, VerifiableCredential.MediaType);
            })
            .AllowAnonymous().RequireRateLimiting(RateLimits.Search)
            .WithName("CertificateCredential")
            .WithSummary("A certificate's signed credential (VC-JOSE compact JWS), by the code printed on it.");
        return app;
    }
}
