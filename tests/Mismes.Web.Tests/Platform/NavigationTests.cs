using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Mismes.TestCommon;
using Mismes.Web.Platform;

namespace Mismes.Web.Tests.Platform;

/// <summary>The main navigation comes from the capabilities' modules: every link leads to a page that exists.</summary>
public sealed class NavigationTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    [Fact]
    public void Entries_EachCapabilityContributesItsOwn()
    {
        var paths = factory.Services.GetServices<NavigationEntry>().Select(e => e.Path).Order(StringComparer.Ordinal);

        Assert.Equal(["/Administration", "/Catalogue", "/People"], paths.Where(p => p is "/Administration" or "/Catalogue" or "/People"));
    }

    [Fact]
    public void Entries_EveryPath_IsARoutedPage()
    {
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText?.TrimStart('/'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.All(factory.Services.GetServices<NavigationEntry>(), e => Assert.Contains(e.Path, routes));
    }

    [Fact]
    public void Entries_TextKeyNamedAfterItsCapability()
    {
        Assert.All(factory.Services.GetServices<NavigationEntry>(),
            e => Assert.StartsWith(e.Path.Trim('/').Split('/')[0] + ".", e.TextKey, StringComparison.Ordinal));
    }
}
