using System.Net;
using System.Text.Json;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Platform;

public sealed class OpenApiTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    [Fact]
    public async Task OpenApiDocument_Anonymous_DescribesMismesApi()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var info = json.RootElement.GetProperty("info");
        Assert.StartsWith("3.", json.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("Mismes API", info.GetProperty("title").GetString());
        Assert.Equal("v1", info.GetProperty("version").GetString());
        Assert.Contains("problem details", info.GetProperty("description").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OpenApiDocument_CultureEndpoint_NotDescribed()
    {
        var text = await factory.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.DoesNotContain("\"/culture\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiReference_Anonymous_ServesBrowsablePage()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/api-reference/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Mismes API", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
