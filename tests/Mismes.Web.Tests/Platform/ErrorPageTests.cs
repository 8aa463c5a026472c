using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Platform;

/// <summary>Unknown pages and API routes on the real host: a 404 for everyone, in the user's language.</summary>
public sealed class ErrorPageTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData("fr", "Page introuvable")]
    [InlineData("ar-MA", "الصفحة غير موجودة")]
    [InlineData("en", "Page not found")]
    [InlineData("es", "Página no encontrada")]
    public async Task UnknownPage_Anonymous_LocalizedNotFoundPage(string culture, string title)
    {
        var response = await Client().GetAsync(new Uri($"/No/Such/Page?culture={culture}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"<html lang=\"{culture}\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_LanguageSwitcher_ReturnsToRequestedUrl()
    {
        var response = await Client().GetAsync(new Uri("/No/Such/Page?x=1&culture=en", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("href=\"/culture?c=ar-MA&amp;returnUrl=%2FNo%2FSuch%2FPage%3Fx%3D1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPagePost_Anonymous_NotFoundNotSignIn()
    {
        var response = await Client().PostAsync(new Uri("/No/Such/Form", UriKind.Relative), new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page introuvable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/html")]
    public async Task UnknownApiRoute_AnyAccept_ProblemDetails404(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/no-such-thing");
        request.Headers.TryAddWithoutValidation("Accept", accept);

        var response = await Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, json.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("traceId").GetString()));
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("title").GetString()));
    }

    [Theory]
    [InlineData("/Error/404?culture=en", HttpStatusCode.NotFound, "Page not found")]
    [InlineData("/Error/400?culture=en", HttpStatusCode.BadRequest, "Invalid request")]
    [InlineData("/Error/500?culture=en", HttpStatusCode.InternalServerError, "Something went wrong")]
    [InlineData("/Error/503?culture=en", HttpStatusCode.ServiceUnavailable, "Something went wrong")]
    [InlineData("/Error?culture=en", HttpStatusCode.InternalServerError, "Something went wrong")]
    public async Task ErrorPage_Direct_StatusAndMessage(string path, HttpStatusCode status, string title)
    {
        var response = await Client().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Contains($"<h1>{title}</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
