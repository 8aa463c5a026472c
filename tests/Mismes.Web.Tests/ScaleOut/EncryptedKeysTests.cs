using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.ScaleOut;

/// <summary>A node whose data-protection certificate is a .pfx file from configuration, as in Production.</summary>
public sealed class CertificateNode : MismesWebFactory
{
    public CertificateNode(string certificatePath)
    {
        Configure(certificatePath);
    }

    public CertificateNode(string certificatePath, CertificateNode sharesDatabaseWith)
        : base(sharesDatabaseWith)
    {
        Configure(certificatePath);
    }

    private void Configure(string certificatePath) => this.Use(certificatePath);
}

/// <summary>Two nodes on one database with the same certificate file; the file is deleted afterwards.</summary>
public sealed class CertificateNodes : IAsyncLifetime
{
    private readonly string _file = TestCertificate.CreatePfxFile();

    public CertificateNodes()
    {
        A = new CertificateNode(_file);
        B = new CertificateNode(_file, A);
    }

    public CertificateNode A { get; }

    public CertificateNode B { get; }

    public Task InitializeAsync()
    {
        _ = A.Services;
        _ = B.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        File.Delete(_file);
    }
}

public sealed class EncryptedKeysTests(CertificateNodes nodes) : IClassFixture<CertificateNodes>
{
    [Fact]
    public async Task StoredKeys_EncryptedWithTheCertificate_NoPlaintextMasterKey()
    {
        // Protecting something makes sure a key exists.
        _ = nodes.A.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("x");

        var keys = await InScopeAsync(nodes.A, db => db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync());

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task SignInCookie_FromNodeA_AuthenticatesOnNodeBWithTheSameCertificate()
    {
        var user = await nodes.A.CreateUserAsync(Roles.Advisor, "TEST-DP");
        using var clientA = nodes.A.CreateCookieClient();
        using var clientB = nodes.B.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

        using var signIn = await clientA.SignInAsync(user.Email, user.Password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mismes.auth=", StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/People", UriKind.Relative));
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var withCookie = await clientB.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, withCookie.StatusCode);
    }

    private static async Task<T> InScopeAsync<T>(MismesWebFactory node, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}

/// <summary>A host started in the Production environment (migrating at start, as tests need).</summary>
public sealed class ProductionHost : MismesWebFactory
{
    public ProductionHost() => RequiredSettings();

    public ProductionHost(MismesWebFactory sharesDatabaseWith)
        : base(sharesDatabaseWith) => RequiredSettings();

    // Production refuses to start without an SMTP server (Notifications); nothing is sent to it here.
    private void RequiredSettings() => Settings["Smtp:Host"] = "smtp.invalid";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

/// <summary>What Production refuses at start: no data-protection certificate, no public base URL, demo data.</summary>
public sealed class ProductionStartTests : IDisposable
{
    private readonly string _file = TestCertificate.CreatePfxFile();

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void Production_NoCertificate_RefusesToStart()
    {
        using var host = new ProductionHost();
        host.Settings["PublicBaseUrl"] = "https://mismes.example";

        var error = Assert.ThrowsAny<Exception>(() => host.Services);

        Assert.Contains("DataProtection:Certificate:Path is not set", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Production_NoPublicBaseUrl_RefusesToStart()
    {
        using var host = Configured(new ProductionHost());
        host.Settings.Remove("PublicBaseUrl");

        var error = Assert.ThrowsAny<Exception>(() => host.Services);

        Assert.Contains("PublicBaseUrl is not set", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithCertificateAndNoDemoData_Starts()
    {
        using var host = Configured(new ProductionHost());

        var response = await host.CreateClient().GetAsync(new Uri("/Catalogue", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Production_DemoDataInTheDatabase_RefusesToStart()
    {
        using var seeded = SeededWithDemoData();
        using var production = Configured(new ProductionHost(seeded));

        var error = Assert.ThrowsAny<Exception>(() => production.Services);

        Assert.Contains("Refusing to start in Production", Flatten(error), StringComparison.Ordinal);
        Assert.Contains("demo accounts", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_DemoDataAllowedExplicitly_Starts()
    {
        using var seeded = SeededWithDemoData();
        using var production = Configured(new ProductionHost(seeded));
        production.Settings["Demo:AllowInProduction"] = "true";

        var response = await production.CreateClient().GetAsync(new Uri("/Catalogue", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A Testing host that seeded the demo data set (accounts included), then stopped; it owns the database.</summary>
    private static MismesWebFactory SeededWithDemoData()
    {
        var seeded = new MismesWebFactory();
        seeded.Settings["Demo:Seed"] = "true";
        _ = seeded.Services;
        return seeded;
    }

    private ProductionHost Configured(ProductionHost host)
    {
        host.Use(_file);
        host.Settings["PublicBaseUrl"] = "https://mismes.example";
        return host;
    }

    private static string Flatten(Exception error)
    {
        var text = "";
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            text += e.Message + "\n";
        }

        return text;
    }
}

/// <summary>Development makes its own data-protection certificate in the content root on first start.</summary>
public sealed class DevelopmentCertificateTests(Mismes.Web.Tests.Administration.DevelopmentWebFactory factory)
    : IClassFixture<Mismes.Web.Tests.Administration.DevelopmentWebFactory>
{
    [Fact]
    public void Development_FirstStart_CreatesLocalCertificateWithPrivateKey()
    {
        var environment = factory.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>();

        var file = Path.Combine(environment.ContentRootPath, "dataprotection-dev.pfx");

        Assert.True(File.Exists(file));
        using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(file, null);
        Assert.True(certificate.HasPrivateKey);
    }
}
