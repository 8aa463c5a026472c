using System.CommandLine;
using Mismes.Core.Recognition;

namespace Mismes.Cli.Recognition;

/// <summary>
/// <c>mismes credential verify --credential certificate.jwt --keys keys.json</c>: checks a certificate's signed
/// credential offline, against a saved copy of the published key set (GET /api/v1/recognition/keys). No database, no
/// network: what an employer's or a registry's software does (ADR 0039).
/// </summary>
internal static class CredentialCommand
{
    public static Command Create()
    {
        var credential = new Option<FileInfo>("--credential", "-c") { Description = "The signed credential (.jwt, as downloaded from the verification page)", Required = true };
        var keys = new Option<FileInfo>("--keys", "-k") { Description = "The published key set (JWKS JSON)", Required = true };
        var verify = new Command("verify", "Check a certificate's signature offline and print what it states") { credential, keys };
        verify.SetAction((parse, ct) => VerifyAsync(parse.InvocationConfiguration, parse.GetValue(credential)!, parse.GetValue(keys)!));
        return new Command("credential", "Verifiable certificates of validated skills") { verify };
    }

    private static async Task<int> VerifyAsync(InvocationConfiguration io, FileInfo credential, FileInfo keys)
    {
        foreach (var file in new[] { credential, keys })
        {
            if (!file.Exists || file.Length > 1_000_000)
            {
                io.Error.WriteLine($"Not found or larger than 1 MB: {file.FullName}");
                return 2;
            }
        }

        var check = await VerifiableCredential.VerifyAsync(await File.ReadAllTextAsync(credential.FullName), await File.ReadAllTextAsync(keys.FullName));
        if (!check.Valid)
        {
            io.Error.WriteLine($"NOT VALID: {check.Reason}");
            return 1;
        }

        var subject = check.Credential!["credentialSubject"];
        var spec = subject?["hasClaim"]?["specifiedBy"];
        io.Output.WriteLine($"VALID: signed by key {check.KeyId}");
        io.Output.WriteLine($"issuer: {check.Credential["issuer"]?["legalName"]}");
        io.Output.WriteLine($"holder: {subject?["fullName"]}");
        io.Output.WriteLine($"achievement: {spec?["title"]} ({spec?["eqfLevel"]})");
        io.Output.WriteLine($"valid from: {check.Credential["validFrom"]}");
        foreach (var outcome in spec?["learningOutcome"]?.AsArray() ?? [])
        {
            io.Output.WriteLine($"skill: {outcome?["relatedESCOSkill"]?[0]?["id"]}");
        }

        io.Output.WriteLine($"revocation status: {check.Credential["credentialStatus"]?["id"]}");
        return 0;
    }
}
