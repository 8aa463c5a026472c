using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Mismes.TestCommon;

/// <summary>Self-signed certificates for hosts that need one from configuration (data protection in Production).</summary>
public static class TestCertificate
{
    public const string Password = "test-certificate-password";

    /// <summary>Writes a new .pfx (protected by <see cref="Password"/>) in the temp folder; the caller deletes it.</summary>
    public static string CreatePfxFile()
    {
        var file = Path.Combine(Path.GetTempPath(), "mismes_dp_" + Guid.NewGuid().ToString("N")[..12] + ".pfx");
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Mismes data protection (tests)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(file, certificate.Export(X509ContentType.Pkcs12, Password));
        return file;
    }

    /// <summary>The settings that point a host at <paramref name="file"/>.</summary>
    public static void Use(this MismesWebFactory factory, string file)
    {
        factory.Settings["DataProtection:Certificate:Path"] = file;
        factory.Settings["DataProtection:Certificate:Password"] = Password;
    }
}
