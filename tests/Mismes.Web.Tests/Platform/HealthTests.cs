using System.Net;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Platform;

public sealed class HealthTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    [Fact]
    public async Task Health_Anonymous_ReturnsHealthy()
    {
        var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("ar-MA", "rtl")]
    [InlineData("fr", "ltr")]
    [InlineData("en", "ltr")]
    [InlineData("es", "ltr")]
    public async Task HomePage_CultureQuery_SetsLangAndDir(string culture, string dir)
    {
        var client = factory.CreateClient();

        var html = await client.GetStringAsync(new Uri($"/?culture={culture}", UriKind.Relative));

        Assert.Contains($"<html lang=\"{culture}\" dir=\"{dir}\">", html, StringComparison.Ordinal);
    }
}
