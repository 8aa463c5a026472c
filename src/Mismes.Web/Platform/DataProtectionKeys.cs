using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Mismes.Core.Data;

namespace Mismes.Web.Platform;

/// <summary>
/// Data-protection keys (they sign the cookies and antiforgery tokens) live in the database so every node shares them,
/// and are encrypted there with an X.509 certificate, so a copy of the database is not enough to forge a cookie
/// (docs/adr/0003). The certificate comes from <c>DataProtection:Certificate:Path</c>: a .pfx with
/// <c>DataProtection:Certificate:Password</c>, or a PEM certificate with its key in <c>DataProtection:Certificate:KeyPath</c>.
/// Development makes a self-signed one in the content root on first start (git-ignored); tests share one per process;
/// Production refuses to start without one.
/// </summary>
internal static class DataProtectionKeys
{
    public const string Section = "DataProtection:Certificate";
    public const string DevelopmentFile = "dataprotection-dev.pfx";

    private static readonly Lazy<X509Certificate2> TestCertificate = new(() => CreateSelfSigned("CN=Mismes data protection (tests)"));

    public static WebApplicationBuilder AddMismesDataProtection(this WebApplicationBuilder builder)
    {
        var certificate = LoadCertificate(builder.Configuration, builder.Environment);
        builder.Services.AddDataProtection()
            .SetApplicationName("Mismes")
            .PersistKeysToDbContext<AppDbContext>()
            .ProtectKeysWithCertificate(certificate);
        return builder;
    }

    internal static X509Certificate2 LoadCertificate(IConfiguration configuration, IHostEnvironment environment)
    {
        var path = configuration[Section + ":Path"];
        if (!string.IsNullOrWhiteSpace(path))
        {
            path = Path.GetFullPath(path, environment.ContentRootPath);
            var keyPath = configuration[Section + ":KeyPath"];
            var certificate = string.IsNullOrWhiteSpace(keyPath)
                ? X509CertificateLoader.LoadPkcs12FromFile(path, configuration[Section + ":Password"], X509KeyStorageFlags.EphemeralKeySet)
                : X509Certificate2.CreateFromPemFile(path, Path.GetFullPath(keyPath, environment.ContentRootPath));
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"The certificate in {Section}:Path has no private key: it cannot decrypt the data-protection keys.");
        }

        if (environment.IsDevelopment())
        {
            return DevelopmentCertificate(Path.Combine(environment.ContentRootPath, DevelopmentFile));
        }

        if (environment.IsProduction())
        {
            throw new InvalidOperationException(
                $"{Section}:Path is not set. Production encrypts the data-protection keys stored in the database with an X.509 "
                + $"certificate: set {Section}:Path to a .pfx file (and {Section}:Password), or to a PEM certificate with "
                + $"{Section}:KeyPath. See docs/adr/0003-stateless-nodes-and-job-claiming.md.");
        }

        // Testing and other non-production environments: one certificate per process, so nodes of one test share it.
        return TestCertificate.Value;
    }

    /// <summary>Loads the local development certificate, making it on first start.</summary>
    private static X509Certificate2 DevelopmentCertificate(string file)
    {
        if (!File.Exists(file))
        {
            using var created = CreateSelfSigned("CN=Mismes data protection (development)");
            File.WriteAllBytes(file, created.Export(X509ContentType.Pkcs12));
        }

        return X509CertificateLoader.LoadPkcs12FromFile(file, password: null, X509KeyStorageFlags.EphemeralKeySet);
    }

    internal static X509Certificate2 CreateSelfSigned(string subject)
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));

        // Round-trip through PKCS#12 so the private key is usable for decryption on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null, X509KeyStorageFlags.Exportable);
    }
}
