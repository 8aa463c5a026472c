using System.Net;
using System.Text.RegularExpressions;
using Mismes.Core.Administration;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Recognition;

/// <summary>A host started with demo data shows validations at every step and a certificate that verifies publicly.</summary>
public sealed partial class RecognitionDemoTests(RecognitionDemoTests.DemoFactory factory) : IClassFixture<RecognitionDemoTests.DemoFactory>
{
    public sealed class DemoFactory : MismesWebFactory
    {
        public DemoFactory() => Settings["Demo:Seed"] = "true";
    }

    [Fact]
    public async Task DemoSeed_ValidationsAtEachStep_AndTheDemoCertificateVerifies()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Administrator, "ADMIN-DEMO");

        var list = await client.GetStringAsync(new Uri("/Recognition?culture=en", UriKind.Relative));

        Assert.Contains(">Submitted<", list, StringComparison.Ordinal);
        Assert.Contains(">Assessed<", list, StringComparison.Ordinal);
        Assert.Contains(">Certified<", list, StringComparison.Ordinal);
        var code = DemoCode().Match(list).Groups["code"].Value;
        var verify = await factory.CreateCookieClient().GetAsync(new Uri($"/Verify/{code}?culture=fr", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        Assert.Contains("data-status=\"valid\"", await verify.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("href=\"/Verify/(?<code>[0-9A-Z]{5}-[0-9A-Z]{5})\"")]
    private static partial Regex DemoCode();
}
