using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.People;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.People;

/// <summary>
/// Issue 6, 2.7: a beneficiary's "my record" shows their own record only (no id in the URL at all), lets them withdraw
/// a consent in one step, recorded as a staff withdrawal is, and download all their data as an audited JSON file.
/// </summary>
public sealed class MyRecordTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private const string Institution = "TEST-MYRECORD";

    [Fact]
    public void Route_CarriesNoId()
    {
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ActionDescriptor>() is PageActionDescriptor { ViewEnginePath: "/People/Pages/MyRecord" })
            .ToList();

        Assert.NotEmpty(routes);
        Assert.All(routes, r => Assert.Empty(r.RoutePattern.Parameters));
    }

    [Fact]
    public async Task Get_LinkedBeneficiary_SeesOwnRecordOnly_WhateverTheQuerySays()
    {
        var (client, person) = await LinkedBeneficiaryAsync("Salma", "Ouazzani");
        var someoneElse = await AddPersonAsync("Naima", "Kettani");

        var html = await client.GetStringAsync(new Uri($"/People/MyRecord?culture=fr&id={someoneElse}&personId={someoneElse}", UriKind.Relative));

        Assert.Contains("Salma Ouazzani", html, StringComparison.Ordinal);
        Assert.Contains("سلمى الوزاني", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Kettani", html, StringComparison.Ordinal);
        Assert.Contains("Montrer votre profil à des employeurs", html, StringComparison.Ordinal);
        Assert.Contains("Je retire mon accord", html, StringComparison.Ordinal);
        Assert.Contains("Vous avez dit non à :", html, StringComparison.Ordinal);
        // Reading one's own record is a disclosure like any other: audited.
        Assert.True(await AuditedAsync(person, AuditAction.Read, null));
    }

    [Fact]
    public async Task Get_BeneficiaryWithoutRecord_KindExplanation()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Beneficiary, Institution);

        var response = await client.GetAsync(new Uri("/People/MyRecord?culture=ar-MA", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"no-record\"", html, StringComparison.Ordinal);
        Assert.Contains("حسابك غير مرتبط بملفك بعد.", html, StringComparison.Ordinal);
        Assert.Contains("dir=\"rtl\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Advisor)]
    [InlineData(Roles.Administrator)]
    public async Task Get_Staff_Denied(string role)
    {
        var client = await factory.CreateSignedInClientAsync(role, Institution);

        var response = await client.GetAsync(new Uri("/People/MyRecord", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdraw_OneButton_RecordedInHistoryAndAuditAsStaffWithdrawalIs()
    {
        var (client, person) = await LinkedBeneficiaryAsync("Hanane", "Lahlou");

        var response = await client.PostFormAsync("/People/MyRecord",
            [new("purpose", nameof(ConsentPurpose.ShareProfileWithForeignEmployers))], postUrl: "/People/MyRecord?handler=Withdraw");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetStringAsync(new Uri("/People/MyRecord?culture=fr", UriKind.Relative));
        Assert.Contains("data-testid=\"withdrawn\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-purpose=\"ShareProfileWithForeignEmployers\"", after, StringComparison.Ordinal);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var latest = (await db.Set<ConsentRecord>().Where(c => c.PersonId == person && c.Purpose == ConsentPurpose.ShareProfileWithForeignEmployers).ToListAsync())
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id).First();
        Assert.False(latest.Given);
        Assert.Equal(ConsentChannel.Web, latest.Channel);
        const string details = "ShareProfileWithForeignEmployers;channel:Web;notice:v1";
        Assert.True(await db.Set<PersonEvent>().AnyAsync(e => e.PersonId == person && e.Kind == PersonEventKind.ConsentWithdrawn && e.Details == details));
        Assert.True(await AuditedAsync(person, AuditAction.ConsentWithdrawn, details));
    }

    [Fact]
    public async Task Withdraw_UnknownPurpose_ChangesNothing()
    {
        var (client, person) = await LinkedBeneficiaryAsync("Souad", "Amzil");

        var response = await client.PostFormAsync("/People/MyRecord", [new("purpose", "Everything")], postUrl: "/People/MyRecord?handler=Withdraw");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(3, await db.Set<ConsentRecord>().CountAsync(c => c.PersonId == person));
    }

    [Fact]
    public async Task Download_AllTheirData_AsAnAuditedJsonAttachment()
    {
        var (client, person) = await LinkedBeneficiaryAsync("Widad", "Zerouali");

        var response = await client.GetAsync(new Uri("/People/MyRecord?handler=Download", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("mismes-my-data.json", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.True(response.Headers.CacheControl?.NoStore);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(person.ToString(), root.GetProperty("person").GetProperty("id").GetString());
        Assert.Equal("Widad", root.GetProperty("person").GetProperty("firstNameLatin").GetString());
        Assert.Equal("الزروالي", root.GetProperty("person").GetProperty("lastNameArabic").GetString());
        Assert.Equal("Test " + Institution, root.GetProperty("person").GetProperty("institution").GetString());
        Assert.Equal("Abroad", root.GetProperty("person").GetProperty("migrationStatus").GetString());
        Assert.Equal(3, root.GetProperty("consents").GetArrayLength());
        Assert.Equal("ShareProfileWithForeignEmployers", root.GetProperty("consents")[0].GetProperty("purpose").GetString());
        Assert.Equal(2, root.GetProperty("languages").GetArrayLength());
        Assert.Contains(root.GetProperty("history").EnumerateArray(), e => e.GetProperty("kind").GetString() == "Created");
        Assert.True(await AuditedAsync(person, AuditAction.Export, "own-record;json"));
    }

    [Fact]
    public async Task Get_RecordMergedIntoAnother_FollowsTheSurvivor()
    {
        var (client, duplicate) = await LinkedBeneficiaryAsync("Ghizlane", "Sbai");
        var survivor = await AddPersonAsync("Ghizlane", "Sbaï");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var record = await db.Set<Person>().SingleAsync(p => p.Id == duplicate);
            record.MergedIntoId = survivor;
            await db.SaveChangesAsync();
        }

        var html = await client.GetStringAsync(new Uri("/People/MyRecord", UriKind.Relative));

        Assert.Contains("Ghizlane Sbaï", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// A beneficiary signed in, whose account is linked to a person of the institution with two consents given
    /// (employers abroad, follow-up surveys) and one withdrawn (partner institutions).
    /// </summary>
    private async Task<(HttpClient Client, Guid PersonId)> LinkedBeneficiaryAsync(string first, string last)
    {
        var user = await factory.CreateUserAsync(Roles.Beneficiary, Institution);
        var personId = await AddPersonAsync(first, last, withConsents: true);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Add(new BeneficiaryAccount { UserId = user.Id, PersonId = personId, LinkedAt = factory.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        return (await factory.CreateSignedInClientAsync(user), personId);
    }

    private static readonly Dictionary<string, string> ArabicNames = new(StringComparer.Ordinal)
    {
        ["Salma"] = "سلمى", ["Ouazzani"] = "الوزاني", ["Widad"] = "وداد", ["Zerouali"] = "الزروالي",
    };

    private async Task<Guid> AddPersonAsync(string first, string last, bool withConsents = false)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var institutionId = await SignInHelpers.EnsureInstitutionAsync(db, Institution);
        var now = factory.Clock.GetUtcNow();
        var person = new Person
        {
            Id = Guid.NewGuid(),
            FirstNameLatin = first,
            LastNameLatin = last,
            FirstNameArabic = ArabicNames.GetValueOrDefault(first),
            LastNameArabic = ArabicNames.GetValueOrDefault(last),
            BirthDate = new DateOnly(1988, 4, 12),
            Sex = Sex.Female,
            Phone = "+212612345678",
            CountryOfResidence = "ES",
            MigrationStatus = MigrationStatus.Abroad,
            IscedLevel = 1,
            InstitutionId = institutionId,
            CreatedAt = now.AddDays(-30),
            UpdatedAt = now.AddDays(-30),
        };
        person.Languages.Add(new PersonLanguage { Language = "ar", Level = CefrLevel.C2 });
        person.Languages.Add(new PersonLanguage { Language = "es", Level = CefrLevel.A2 });
        person.Events.Add(new PersonEvent { At = person.CreatedAt, Kind = PersonEventKind.Created });
        if (withConsents)
        {
            foreach (var purpose in new[] { ConsentPurpose.ShareProfileWithForeignEmployers, ConsentPurpose.FollowUpSurveys, ConsentPurpose.ShareWithPartnerInstitutions })
            {
                person.Consents.Add(new ConsentRecord { Purpose = purpose, Given = purpose != ConsentPurpose.ShareWithPartnerInstitutions, At = now.AddDays(-29), Channel = ConsentChannel.InPerson, NoticeVersion = 1 });
            }
        }

        person.RefreshSearchColumns();
        db.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    }

    private async Task<bool> AuditedAsync(Guid personId, AuditAction action, string? details)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = personId.ToString("D");
        return await db.Set<AuditEntry>().AnyAsync(a => a.RecordType == PersonService.RecordType && a.RecordId == id && a.Action == action
            && a.Details == details && a.UserId != null);
    }
}
