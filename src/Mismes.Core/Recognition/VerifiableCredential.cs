using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Mismes.Core.Recognition;

/// <summary>What a certificate states, as it goes into its credential.</summary>
public sealed record CredentialClaims(
    Guid CertificateId,
    string Code,
    string HolderName,
    string IssuerName,
    string IssuerUrl,
    string VerificationUrl,
    string Trade,
    int EqfLevel,
    IReadOnlyList<string> SkillUris,
    DateTimeOffset IssuedAt);

/// <summary>The outcome of checking a credential against a published key set.</summary>
public sealed record CredentialCheck(bool Valid, string? KeyId, JsonObject? Credential, string? Reason);

/// <summary>
/// Certificates as W3C Verifiable Credentials 2.0 secured with JOSE (VC-JOSE): a compact JWS, header
/// <c>{"alg":"ES256","kid":…,"typ":"vc+jwt","cty":"vc"}</c>, whose payload is the credential itself. The subject
/// is described with the European Learning Model: a learning achievement specified by its EQF level and by learning
/// outcomes pointing at ESCO skills. Anyone can verify offline with the published key set (ADR 0039;
/// <c>mismes credential verify</c>).
/// </summary>
public static class VerifiableCredential
{
    public const string MediaType = "application/vc+jwt";
    public const string TokenType = "vc+jwt";

    /// <summary>The credential document (unsigned), in the VC 2.0 data model.</summary>
    public static JsonObject Document(CredentialClaims c) => new()
    {
        ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "http://data.europa.eu/snb/model/context/edc-ap"),
        ["id"] = "urn:uuid:" + c.CertificateId.ToString("D"),
        ["type"] = new JsonArray("VerifiableCredential", "EuropeanDigitalCredential"),
        ["issuer"] = new JsonObject { ["id"] = c.IssuerUrl, ["type"] = "Organisation", ["legalName"] = c.IssuerName },
        ["validFrom"] = c.IssuedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["credentialSubject"] = new JsonObject
        {
            ["type"] = "Person",
            ["fullName"] = c.HolderName,
            ["hasClaim"] = new JsonObject
            {
                ["type"] = "LearningAchievement",
                ["title"] = c.Trade,
                ["specifiedBy"] = new JsonObject
                {
                    ["type"] = "LearningAchievementSpecification",
                    ["title"] = c.Trade,
                    ["eqfLevel"] = "http://data.europa.eu/snb/eqf/" + c.EqfLevel.ToString(CultureInfo.InvariantCulture),
                    ["learningOutcome"] = new JsonArray([.. c.SkillUris.Select(u => (JsonNode)new JsonObject
                    {
                        ["type"] = "LearningOutcome",
                        ["relatedESCOSkill"] = new JsonArray(new JsonObject { ["id"] = u, ["type"] = "Concept" }),
                    })]),
                },
            },
        },
        ["credentialStatus"] = new JsonObject { ["id"] = c.VerificationUrl, ["type"] = "MismesCertificateStatus" },
    };

    /// <summary>The credential signed with <paramref name="key"/> as a compact JWS.</summary>
    public static string Sign(CredentialClaims claims, SigningCredentials key)
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(
            Document(claims).ToJsonString(),
            key,
            new Dictionary<string, object> { [JwtHeaderParameterNames.Typ] = TokenType, [JwtHeaderParameterNames.Cty] = "vc" });
    }

    /// <summary>
    /// Checks a compact JWS against a JSON Web Key Set: the signature with the key its header names, ES256 only, the
    /// vc+jwt type. Never throws on bad input: a malformed token is simply not valid.
    /// </summary>
    public static async Task<CredentialCheck> VerifyAsync(string? token, string keySetJson)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64_000)
        {
            return new(false, null, null, "empty or too long");
        }

        JsonWebKeySet keySet;
        try
        {
            keySet = new JsonWebKeySet(keySetJson);
        }
        catch (Exception e) when (e is ArgumentException or JsonException)
        {
            return new(false, null, null, "the key set is not a JSON Web Key Set");
        }

        var parameters = new TokenValidationParameters
        {
            IssuerSigningKeys = keySet.GetSigningKeys(),
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            RequireSignedTokens = true,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidTypes = [TokenType],
            TryAllIssuerSigningKeys = false,
        };
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token.Trim(), parameters);
        if (!result.IsValid)
        {
            return new(false, null, null, result.Exception?.GetType().Name ?? "not valid");
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(jwt.EncodedPayload)) as JsonObject;
        return new(true, jwt.Kid, payload, null);
    }
}
