using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Mismes.Core.Recognition;

namespace Mismes.Cli.Tests;

/// <summary><c>mismes credential verify</c>: a certificate checked offline against a saved key set (issue 9, ADR 0039).</summary>
public sealed class CredentialCommandTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("mismes-credential-");

    public void Dispose() => folder.Delete(recursive: true);

    private static (string Credential, string Keys) Signed()
    {
        var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = ecdsa.ExportParameters(false);
        var keys = $$"""{"keys":[{"kty":"EC","crv":"P-256","x":"{{Base64UrlEncoder.Encode(p.Q.X!)}}","y":"{{Base64UrlEncoder.Encode(p.Q.Y!)}}","kid":"k1","use":"sig","alg":"ES256"}]}""";
        var claims = new CredentialClaims(Guid.NewGuid(), "7KQ2M-X9RTA", "Youssef Amrani", "OFPPT", "https://mismes.example.ma/Catalogue", "https://mismes.example.ma/Verify/7KQ2M-X9RTA",
            "Maçonnerie", 3, ["http://data.europa.eu/esco/skill/0001"], new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var credential = VerifiableCredential.Sign(claims, new SigningCredentials(new ECDsaSecurityKey(ecdsa) { KeyId = "k1" }, SecurityAlgorithms.EcdsaSha256));
        return (credential, keys);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Verify_AGoodCredential_ExitsZero_AndPrintsWhatItStates()
    {
        var (credential, keys) = Signed();

        var result = await CliRun.InvokeAsync("credential", "verify", "--credential", Write("c.jwt", credential), "--keys", Write("k.json", keys));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("VALID: signed by key k1", result.Output, StringComparison.Ordinal);
        Assert.Contains("holder: Youssef Amrani", result.Output, StringComparison.Ordinal);
        Assert.Contains("achievement: Maçonnerie (http://data.europa.eu/snb/eqf/3)", result.Output, StringComparison.Ordinal);
        Assert.Contains("skill: http://data.europa.eu/esco/skill/0001", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_OneCharacterChanged_ExitsOne_NotValid()
    {
        var (credential, keys) = Signed();
        var parts = credential.Split('.');
        var payload = parts[1].ToCharArray();
        payload[10] = payload[10] == 'x' ? 'y' : 'x';
        parts[1] = new string(payload);

        var result = await CliRun.InvokeAsync("credential", "verify", "-c", Write("c.jwt", string.Join('.', parts)), "-k", Write("k.json", keys));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("NOT VALID", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AMissingFile_ExitsTwo()
    {
        var result = await CliRun.InvokeAsync("credential", "verify", "-c", Path.Combine(folder.FullName, "none.jwt"), "-k", Write("k.json", "{}"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Not found", result.Error, StringComparison.Ordinal);
    }
}
