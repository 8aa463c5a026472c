using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.People;

/// <summary>Issue 6, 3.10 through HTTP: the duplicate check's disclosures are audited with the client's user agent; denials are security events.</summary>
public sealed class PeopleSecurityTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private static object Person(string first, string last, string birthDate, bool confirm = false) => new
    {
        firstNameLatin = first,
        lastNameLatin = last,
        birthDate,
        sex = "Female",
        migrationStatus = "ProspectiveMigrant",
        languages = Array.Empty<object>(),
        confirmNotDuplicate = confirm,
    };

    [Fact]
    public async Task DuplicateCheck_CandidateShown_IsAuditedWithUserAgent()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, "ANAPEC-SEC-API");
        var created = await client.PostAsJsonAsync(new Uri("/api/v1/people", UriKind.Relative), Person("Sanae", "Ziani", "1921-04-17", confirm: true));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid().ToString();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/people/duplicates") { Content = JsonContent.Create(Person("Sanaa", "Ziani", "1921-04-17")) };
        request.Headers.UserAgent.ParseAdd("MismesProbe/1.0");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entry = await db.Set<AuditEntry>().SingleAsync(a => a.RecordId == id && a.Details == "duplicate-check");
        Assert.Equal("MismesProbe/1.0", entry.UserAgent);
    }

    [Fact]
    public async Task Api_RoleWithoutManagePeople_IsLoggedAsAccessDenied()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Analyst, "ANAPEC-SEC-API");

        var response = await client.GetAsync(new Uri("/api/v1/people", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(factory.Logs.Entries, e => e.EventId.Id == SecurityEvents.AccessDeniedId && e.Message.Contains("/api/v1/people", StringComparison.Ordinal));
    }
}
