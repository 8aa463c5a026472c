using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Data;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Platform;

public sealed class HealthTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    [Fact]
    public async Task Health_MigratedDatabase_ReturnsHealthyWithEachCheck()
    {
        var client = factory.CreateClient();

        var (status, body) = await GetAsync(client, "/health");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(
            [("database", "Healthy"), ("migrations", "Healthy"), ("self", "Healthy")],
            Checks(body).OrderBy(c => c.Name, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Alive_MigratedDatabase_ReturnsHealthyWithoutDatabaseChecks()
    {
        var client = factory.CreateClient();

        var (status, body) = await GetAsync(client, "/alive");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([("self", "Healthy")], Checks(body));
    }

    [Fact]
    public async Task Health_LastMigrationNotApplied_ReturnsUnhealthyButAlive()
    {
        using var pending = new MismesWebFactory();
        var client = pending.CreateClient();
        await using (var scope = pending.Services.CreateAsyncScope())
        {
            // As if this build's newest migration had not been applied yet (a node started before `mismes migrate`).
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var last = db.Database.GetMigrations().Last();
            var deleted = await db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {last}");
            Assert.Equal(1, deleted);
        }

        var (status, body) = await GetAsync(client, "/health");
        var (aliveStatus, _) = await GetAsync(client, "/alive");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("status").GetString());
        Assert.Contains(("migrations", "Unhealthy"), Checks(body));
        Assert.Contains(("database", "Healthy"), Checks(body));
        Assert.Equal(HttpStatusCode.OK, aliveStatus);
    }

    [Fact]
    public async Task Health_DatabaseCannotBeOpened_ReturnsUnhealthyWithoutConnectionDetails()
    {
        using var unreachable = new MismesWebFactory();
        var missing = "mismes_missing_" + Guid.NewGuid().ToString("N")[..12];
        var connectionString = unreachable.Provider == "postgres"
            ? new Npgsql.NpgsqlConnectionStringBuilder(unreachable.ConnectionString) { Database = missing }.ConnectionString
            : $"Data Source={Path.Combine(Path.GetTempPath(), missing, "mismes.db")}"; // the folder does not exist
        unreachable.Settings["ConnectionStrings:Mismes"] = connectionString;
        unreachable.Settings["Database:MigrateAtStart"] = "false";
        unreachable.Settings["Jobs:Enabled"] = "false";
        var client = unreachable.CreateClient();

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        var (aliveStatus, _) = await GetAsync(client, "/alive");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(text);
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("status").GetString());
        Assert.Contains(("database", "Unhealthy"), Checks(body));
        Assert.Contains(("migrations", "Unhealthy"), Checks(body));
        Assert.DoesNotContain(missing, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Data Source", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("127.0.0.1", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, aliveStatus);
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

    private static async Task<(HttpStatusCode Status, JsonDocument Body)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    private static List<(string Name, string Status)> Checks(JsonDocument body) =>
        body.RootElement.GetProperty("checks").EnumerateArray()
            .Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("status").GetString()!))
            .ToList();
}
