using System.Globalization;
using Mismes.Core.Esco;
using Mismes.Core.Recognition;
using Mismes.Web.Platform;
using QRCoder;

namespace Mismes.Web.Recognition;

/// <summary>A certificate as the pages show it: skills labelled in the reader's language, its public address and that address as a QR code.</summary>
public sealed record CertificateDisplay(CertificateView Certificate, IReadOnlyList<string> SkillLabels, string VerifyUrl, string CredentialUrl, string QrCode)
{
    public static CertificateDisplay Of(CertificateView certificate, EscoLookup esco, PublicLinks links)
    {
        var culture = CultureInfo.CurrentUICulture.Name;
        var verify = links.Absolute("/Verify/" + certificate.Code);
        var png = PngByteQRCodeHelper.GetQRCode(verify, QRCodeGenerator.ECCLevel.M, 6);
        return new(
            certificate,
            [.. certificate.Skills.Select(u => esco.Find(u, culture)?.Label ?? u)],
            verify,
            "/api/v1/recognition/certificates/" + certificate.Code + "/credential",
            "data:image/png;base64," + Convert.ToBase64String(png));
    }
}
