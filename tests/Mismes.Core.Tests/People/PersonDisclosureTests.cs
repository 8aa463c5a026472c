using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.People;
using Mismes.TestCommon;
using Mismes.TestCommon.People;

namespace Mismes.Core.Tests.People;

/// <summary>Issue 6, 3.10: every disclosure by the duplicate check is audited; other institutions' records are not probed by e-mail.</summary>
public sealed class PersonDisclosureTests(PeopleTestDatabase database) : IClassFixture<PeopleTestDatabase>
{
    private static int _years;

    private static DateOnly UniqueBirthDate() => new DateOnly(1930, 8, 21).AddYears(Interlocked.Increment(ref _years));

    private async Task<FakeCurrentUser> AdvisorAsync(string code) => new(await database.AddInstitutionAsync(code), Roles.Advisor)
    {
        ClientAddress = "203.0.113.7",
        UserAgent = "Mozilla/5.0 " + new string('x', 400),
    };

    [Fact]
    public async Task FindDuplicates_CandidateShown_IsAuditedWithClientInfo()
    {
        var user = await AdvisorAsync("ANAPEC-DISC");
        var birth = UniqueBirthDate();
        await using var db = database.NewContext();
        var service = database.Service(db, user);
        var saved = (await service.CreateAsync(PersonBuilder.Valid("Hanane", "Soussi", birth), CancellationToken.None)).Person!;

        var found = await service.FindDuplicatesAsync(PersonBuilder.Valid("Hanan", "Soussi", birth), null, CancellationToken.None);

        Assert.Equal(saved.Id, Assert.Single(found).PersonId);
        await using var check = database.NewContext();
        var entry = await check.Set<AuditEntry>().SingleAsync(a => a.RecordId == saved.Id.ToString() && a.Details == "duplicate-check");
        Assert.Equal(AuditAction.Read, entry.Action);
        Assert.Equal(user.UserId, entry.UserId);
        Assert.Equal("203.0.113.7", entry.ClientAddress);
        Assert.Equal(AuditEntry.UserAgentMaxLength, entry.UserAgent!.Length);
        Assert.StartsWith("Mozilla/5.0 ", entry.UserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindDuplicates_OtherInstitutionByEmailOnly_RevealsNothingButIsAuditedAndLogged()
    {
        var anapec = await AdvisorAsync("ANAPEC-PROBE");
        var iom = await AdvisorAsync("IOM-PROBE");
        await using var db = database.NewContext();
        var saved = (await database.Service(db, anapec).CreateAsync(
            PersonBuilder.Valid("Widad", "Amzil", UniqueBirthDate()) with { Email = "widad.amzil@example.ma" }, CancellationToken.None)).Person!;

        var found = await database.Service(db, iom).FindDuplicatesAsync(
            PersonBuilder.Valid("Probe", "Probe", UniqueBirthDate()) with { Email = "widad.amzil@example.ma" }, null, CancellationToken.None);

        Assert.Empty(found);
        await using var check = database.NewContext();
        var entry = await check.Set<AuditEntry>().SingleAsync(a => a.RecordId == saved.Id.ToString() && a.UserId == iom.UserId);
        Assert.Equal("duplicate-check;withheld", entry.Details);
        var logged = Assert.Single(database.Logs.Entries, e => e.EventId.Id == SecurityEvents.OtherInstitutionRecordId && e.Message.Contains(iom.UserId!.Value.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain("widad", logged.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(saved.Id.ToString(), logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindDuplicates_OtherInstitutionFullIdentity_TellsOnlyTheFact()
    {
        var anapec = await AdvisorAsync("ANAPEC-FULL");
        var iom = await AdvisorAsync("IOM-FULL");
        var birth = UniqueBirthDate();
        await using var db = database.NewContext();
        var saved = (await database.Service(db, anapec).CreateAsync(
            PersonBuilder.Valid("Souad", "Rifi", birth) with { Phone = "0611223344" }, CancellationToken.None)).Person!;

        var found = await database.Service(db, iom).FindDuplicatesAsync(
            PersonBuilder.Valid("Suad", "Rifi", birth) with { Phone = "0611223344" }, null, CancellationToken.None);

        var candidate = Assert.Single(found);
        Assert.True(candidate.InOtherInstitution);
        Assert.Null(candidate.PersonId);
        Assert.Null(candidate.DisplayName);
        Assert.Null(candidate.BirthDate);
        Assert.Empty(candidate.Reasons);
        Assert.Equal(0, candidate.NameSimilarity);
        await using var check = database.NewContext();
        Assert.Equal("duplicate-check;other-institution",
            (await check.Set<AuditEntry>().SingleAsync(a => a.RecordId == saved.Id.ToString() && a.UserId == iom.UserId)).Details);
    }

    [Fact]
    public async Task Get_OtherInstitution_IsNotFoundAndLoggedAsSecurityEventWithoutThePerson()
    {
        var anapec = await AdvisorAsync("ANAPEC-SEC");
        var iom = await AdvisorAsync("IOM-SEC");
        await using var db = database.NewContext();
        var saved = (await database.Service(db, anapec).CreateAsync(PersonBuilder.Valid("Latifa", "Jabri", UniqueBirthDate()), CancellationToken.None)).Person!;

        Assert.Null(await database.Service(db, iom).GetAsync(saved.Id, CancellationToken.None));

        var logged = Assert.Single(database.Logs.Entries, e => e.EventId.Id == SecurityEvents.OtherInstitutionRecordId && e.Message.Contains(iom.UserId!.Value.ToString(), StringComparison.Ordinal));
        Assert.Contains("read", logged.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(saved.Id.ToString(), logged.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Jabri", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_MissingRecord_IsNotASecurityEvent()
    {
        var iom = await AdvisorAsync("IOM-MISS");
        await using var db = database.NewContext();

        Assert.Null(await database.Service(db, iom).GetAsync(Guid.NewGuid(), CancellationToken.None));

        Assert.DoesNotContain(database.Logs.Entries, e => e.Message.Contains(iom.UserId!.Value.ToString(), StringComparison.Ordinal));
    }
}
