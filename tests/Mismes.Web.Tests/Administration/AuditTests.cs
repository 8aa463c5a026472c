using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Administration;

public sealed class AuditTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private sealed record AuditPageDto(List<Row> Items, int Page, int PageSize, int Total);

    private sealed record Row(long Id, string Action, string RecordType, string RecordId, Guid? UserId, string? UserEmail, Guid? InstitutionId);

    [Fact]
    public async Task AuditEntry_Modified_SaveChangesThrowsAndRowIsUnchanged()
    {
        var id = await AddEntryAsync("Person", "append-only-1", Guid.NewGuid(), null, factory.Clock.GetUtcNow());
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entry = await db.Set<AuditEntry>().SingleAsync(a => a.Id == id);
        entry.Details = "tampered";

        await Assert.ThrowsAsync<AuditTrailIsAppendOnlyException>(() => db.SaveChangesAsync());

        await using var check = factory.Services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<AppDbContext>().Set<AuditEntry>().SingleAsync(a => a.Id == id);
        Assert.Null(stored.Details);
    }

    [Fact]
    public async Task AuditEntry_Deleted_SaveChangesThrowsAndRowRemains()
    {
        var id = await AddEntryAsync("Person", "append-only-2", Guid.NewGuid(), null, factory.Clock.GetUtcNow());
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Set<AuditEntry>().Remove(await db.Set<AuditEntry>().SingleAsync(a => a.Id == id));

        Assert.Throws<AuditTrailIsAppendOnlyException>(() => db.SaveChanges());

        await using var check = factory.Services.CreateAsyncScope();
        Assert.True(await check.ServiceProvider.GetRequiredService<AppDbContext>().Set<AuditEntry>().AnyAsync(a => a.Id == id));
    }

    [Fact]
    public async Task AuditApi_Filters_ByRecordTypeRecordIdUserAndDates()
    {
        var institution = await factory.InstitutionIdAsync("TEST-AUDIT-A");
        var actor = await factory.CreateUserAsync(Roles.Advisor, "TEST-AUDIT-A");
        var t0 = new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);
        await AddEntryAsync("Measure", "m-1", actor.Id, institution, t0);
        await AddEntryAsync("Measure", "m-2", actor.Id, institution, t0.AddDays(1));
        await AddEntryAsync("Measure", "m-1", null, institution, t0.AddDays(2));
        await AddEntryAsync("Vacancy", "m-1", actor.Id, institution, t0.AddDays(3));
        var admin = await factory.CreateSignedInClientAsync(Roles.Administrator, InstitutionCodes.Mcmream);

        var byType = await GetAsync(admin, "/api/v1/audit?recordType=Measure");
        var byTypeAndId = await GetAsync(admin, "/api/v1/audit?recordType=Measure&recordId=m-1");
        var byUserEmail = await SearchAsync(admin, new { recordType = "Measure", user = actor.Email });
        var byUserId = await GetAsync(admin, $"/api/v1/audit?user={actor.Id}");
        var byDates = await GetAsync(admin, "/api/v1/audit?recordType=Measure&from=2026-03-11T00:00:00Z&to=2026-03-12T00:00:00Z");

        Assert.Equal(["m-1", "m-2", "m-1"], byType.Items.Select(r => r.RecordId));
        Assert.Equal(2, byTypeAndId.Total);
        Assert.Equal(["m-2", "m-1"], byUserEmail.Items.Select(r => r.RecordId));
        Assert.Equal(3, byUserId.Total);
        Assert.All(byUserId.Items, r => Assert.Equal(actor.Email, r.UserEmail));
        Assert.Equal(["m-2"], byDates.Items.Select(r => r.RecordId));
    }

    /// <summary>Issue 6, 3.12: a user's e-mail never travels in a URL; GET takes a user id, POST the e-mail in its body.</summary>
    [Fact]
    public async Task AuditApi_UserEmailInTheUrl_Returns400PointingToTheSearchEndpoint()
    {
        var actor = await factory.CreateUserAsync(Roles.Advisor, "TEST-AUDIT-A");
        var admin = await factory.CreateSignedInClientAsync(Roles.Administrator, InstitutionCodes.Mcmream);

        var response = await admin.GetAsync(new Uri($"/api/v1/audit?user={Uri.EscapeDataString(actor.Email)}&culture=en", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("POST /api/v1/audit/search", problem!.Errors["user"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditApi_SearchWithBadFilters_Returns400WithFieldErrors()
    {
        var admin = await factory.CreateSignedInClientAsync(Roles.Administrator, InstitutionCodes.Mcmream);

        var response = await admin.PostAsJsonAsync(
            new Uri("/api/v1/audit/search", UriKind.Relative),
            new { user = "a\u0000b", recordType = new string('x', 400), page = 0, from = "2026-03-12T00:00:00Z", to = "2026-03-11T00:00:00Z" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal(["page", "recordType", "to", "user"], problem!.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AuditApi_Paging_ReturnsNewestFirstInPages()
    {
        var institution = await factory.InstitutionIdAsync("TEST-AUDIT-P");
        var t0 = new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 5; i++)
        {
            await AddEntryAsync("Paged", "p-" + i, null, institution, t0.AddMinutes(i));
        }

        var admin = await factory.CreateSignedInClientAsync(Roles.Administrator, InstitutionCodes.Mcmream);

        var first = await GetAsync(admin, "/api/v1/audit?recordType=Paged&pageSize=2&page=1");
        var last = await GetAsync(admin, "/api/v1/audit?recordType=Paged&pageSize=2&page=3");

        Assert.Equal(5, first.Total);
        Assert.Equal(["p-4", "p-3"], first.Items.Select(r => r.RecordId));
        Assert.Equal(["p-0"], last.Items.Select(r => r.RecordId));
    }

    [Fact]
    public async Task AuditApi_ProgrammeManager_SeesOnlyOwnInstitution()
    {
        var mine = await factory.InstitutionIdAsync("TEST-AUDIT-M1");
        var theirs = await factory.InstitutionIdAsync("TEST-AUDIT-M2");
        await AddEntryAsync("Scoped", "mine", null, mine, factory.Clock.GetUtcNow());
        await AddEntryAsync("Scoped", "theirs", null, theirs, factory.Clock.GetUtcNow());
        var manager = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, "TEST-AUDIT-M1");
        var admin = await factory.CreateSignedInClientAsync(Roles.Administrator, InstitutionCodes.Mcmream);

        var managerView = await GetAsync(manager, "/api/v1/audit?recordType=Scoped");
        var adminView = await GetAsync(admin, "/api/v1/audit?recordType=Scoped");

        Assert.Equal(["mine"], managerView.Items.Select(r => r.RecordId));
        Assert.Equal(2, adminView.Total);
    }

    [Theory]
    [InlineData("pageSize=500", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("from=2026-03-12T00:00:00Z&to=2026-03-11T00:00:00Z", "to")]
    public async Task AuditApi_BadQuery_ReturnsValidationProblemWithFieldError(string query, string field)
    {
        var admin = await factory.CreateSignedInClientAsync(Roles.Administrator, InstitutionCodes.Mcmream);

        var response = await admin.GetAsync(new Uri("/api/v1/audit?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>();
        Assert.True(problem!.Errors.ContainsKey(field));
    }

    [Fact]
    public async Task AuditPage_FilterByRecordId_ShowsMatchingEntriesOnly()
    {
        var institution = await factory.InstitutionIdAsync("TEST-AUDIT-PAGE");
        await AddEntryAsync("Person", "page-visible", null, institution, factory.Clock.GetUtcNow());
        await AddEntryAsync("Person", "page-hidden", null, institution, factory.Clock.GetUtcNow());
        var admin = await factory.CreateSignedInClientAsync(Roles.Administrator, InstitutionCodes.Mcmream);

        var html = await admin.GetStringAsync(new Uri("/Administration/Audit?RecordType=Person&RecordId=page-visible&culture=en", UriKind.Relative));

        Assert.Contains("name=\"RecordId\" value=\"page-visible\"", html, StringComparison.Ordinal); // kept in the form, not shown
        Assert.DoesNotContain("page-hidden", html, StringComparison.Ordinal);
        Assert.Contains("1 entries", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_DateRange_ToIsInclusiveOfTheWholeDay()
    {
        var institution = await factory.InstitutionIdAsync("TEST-AUDIT-PAGE");
        await AddEntryAsync("DayRange", "late-on-the-day", null, institution, new DateTimeOffset(2026, 5, 20, 23, 30, 0, TimeSpan.Zero));
        await AddEntryAsync("DayRange", "next-day", null, institution, new DateTimeOffset(2026, 5, 21, 0, 30, 0, TimeSpan.Zero));
        var admin = await factory.CreateSignedInClientAsync(Roles.Administrator, InstitutionCodes.Mcmream);

        var html = await admin.GetStringAsync(new Uri("/Administration/Audit?RecordType=DayRange&From=2026-05-20&To=2026-05-20&culture=en", UriKind.Relative));

        Assert.Contains("1 entries", html, StringComparison.Ordinal); // late-on-the-day, not next-day
    }

    [Fact]
    public async Task AuditPage_UserEmailFilter_PostedAndPagedWithoutItInAnyUrl()
    {
        var institution = await factory.InstitutionIdAsync("TEST-AUDIT-PAGE");
        var actor = await factory.CreateUserAsync(Roles.Advisor, "TEST-AUDIT-PAGE");
        for (var i = 0; i < 51; i++)
        {
            await AddEntryAsync("ByUser", "by-user-" + i, actor.Id, institution, factory.Clock.GetUtcNow());
        }

        var admin = await factory.CreateSignedInClientAsync(Roles.Administrator, InstitutionCodes.Mcmream);
        var empty = await admin.GetStringAsync(new Uri("/Administration/Audit?culture=en", UriKind.Relative));
        Assert.Contains("<form method=\"post\" id=\"audit-filter\"", empty, StringComparison.Ordinal);
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["__RequestVerificationToken"] = SignInHelpers.ExtractAntiforgeryToken(empty),
            ["user"] = actor.Email,
        };

        var first = await (await admin.PostAsync(new Uri("/Administration/Audit?culture=en", UriKind.Relative), new FormUrlEncodedContent(form))).Content.ReadAsStringAsync();
        form["p"] = "2";
        var second = await (await admin.PostAsync(new Uri("/Administration/Audit?culture=en", UriKind.Relative), new FormUrlEncodedContent(form))).Content.ReadAsStringAsync();

        Assert.Contains("51 entries", first, StringComparison.Ordinal);
        Assert.Contains("name=\"p\" value=\"2\"", first, StringComparison.Ordinal);
        Assert.Contains("2 / 2", second, StringComparison.Ordinal);
        var escaped = Uri.EscapeDataString(actor.Email);
        Assert.DoesNotMatch($"(href|action)=\"[^\"]*({System.Text.RegularExpressions.Regex.Escape(actor.Email)}|{System.Text.RegularExpressions.Regex.Escape(escaped)})", first + second);
        // The e-mail in the URL of a GET is not a filter: everybody's entries are listed.
        var fromUrl = await admin.GetStringAsync(new Uri($"/Administration/Audit?user={escaped}&RecordType=ByUser&culture=en", UriKind.Relative));
        Assert.DoesNotContain($"value=\"{actor.Email}\"", fromUrl, StringComparison.Ordinal);
    }

    private static async Task<AuditPageDto> SearchAsync(HttpClient client, object filters)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/audit/search", UriKind.Relative), filters);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<AuditPageDto>())!;
    }

    private static async Task<AuditPageDto> GetAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<AuditPageDto>(new Uri(url, UriKind.Relative)))!;

    private async Task<long> AddEntryAsync(string recordType, string recordId, Guid? userId, Guid? institutionId, DateTimeOffset at)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entry = new AuditEntry
        {
            At = at,
            UserId = userId,
            InstitutionId = institutionId,
            Action = AuditAction.Update,
            RecordType = recordType,
            RecordId = recordId,
        };
        db.Set<AuditEntry>().Add(entry);
        await db.SaveChangesAsync();
        return entry.Id;
    }
}
