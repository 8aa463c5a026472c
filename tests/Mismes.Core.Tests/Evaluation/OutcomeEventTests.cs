using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.Evaluation;
using Mismes.Core.People;
using Mismes.TestCommon;
using Mismes.TestCommon.People;

namespace Mismes.Core.Tests.Evaluation;

/// <summary>Issue 10, "one event record across capabilities": written with the change, disaggregated, read as a journey.</summary>
public sealed class OutcomeEventTests(PeopleTestDatabase database) : IClassFixture<PeopleTestDatabase>
{
    private OutcomeRecorder Recorder(AppDbContext db, ICurrentUser user) => new(db, database.Service(db, user), database.Clock);

    private PersonJourneyService Journey(AppDbContext db, ICurrentUser user)
    {
        var people = database.Service(db, user);
        var audit = new AuditLog(db, user, database.Clock);
        return new(db, people, new MyRecordService(db, user, people, audit, database.Clock), audit);
    }

    private static int people;

    /// <summary>A new person, born on another day than every other one here (so the duplicate check lets it in).</summary>
    private async Task<(FakeCurrentUser Advisor, Guid PersonId)> PersonAsync(string institution, string first)
    {
        var advisor = new FakeCurrentUser(await database.AddInstitutionAsync(institution), Roles.Advisor);
        await using var db = database.NewContext();
        var born = new DateOnly(1990, 3, 14).AddDays(400 * Interlocked.Increment(ref people));
        var created = await database.Service(db, advisor).CreateAsync(PersonBuilder.Valid(first, "Outcome", born), CancellationToken.None);
        Assert.True(created.Person is not null, string.Join("; ", created.Errors.Select(e => e.Key + ": " + string.Join(",", e.Value))));
        return (advisor, created.Person!.Id);
    }

    [Fact]
    public async Task Record_SavedWithTheCallersChange_CarriesTheDisaggregationSnapshot()
    {
        var (advisor, personId) = await PersonAsync("ANAPEC-EVT1", "Karima");
        await using (var db = database.NewContext())
        {
            await Recorder(db, advisor).RecordAsync(new OutcomeInput
            {
                Kind = "placement.hired",
                PersonId = personId,
                InstitutionId = advisor.InstitutionId!.Value,
                Country = "ES",
                Subject = "vacancy:42",
                Facts = new Dictionary<string, string> { ["isco"] = "9211", ["occupation"] = "ouvrier agricole" },
            }, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        await using var read = database.NewContext();
        var e = await read.Set<OutcomeEvent>().SingleAsync(x => x.PersonId == personId);
        Assert.Equal(("placement.hired", "Placement", "ES", "vacancy:42"), (e.Kind, e.Capability, e.Country, e.Subject));
        // PersonBuilder: a man in MA-01 with EQF 4, before departure, the age group of the day it happened.
        Assert.Equal(("Male", PersonStatisticsFacts.AgeGroupOf(await BirthDateAsync(personId), DateOnly.FromDateTime(database.Clock.GetUtcNow().UtcDateTime)), "MA-01", 4, "ProspectiveMigrant"), (e.Sex, e.AgeGroup, e.RegionCode, e.EqfLevel, e.MigrationPhase));
        Assert.Equal("""{"isco":"9211","occupation":"ouvrier agricole"}""", e.Facts);
        Assert.Equal(database.Clock.GetUtcNow(), e.At);
    }

    private async Task<DateOnly> BirthDateAsync(Guid personId)
    {
        await using var db = database.NewContext();
        return await db.Set<Person>().Where(p => p.Id == personId).Select(p => p.BirthDate).SingleAsync();
    }

    [Fact]
    public async Task Record_WhenTheCallerDoesNotSave_NothingIsWritten()
    {
        var (advisor, personId) = await PersonAsync("ANAPEC-EVT2", "Nadia");
        await using (var db = database.NewContext())
        {
            await Recorder(db, advisor).RecordAsync(new OutcomeInput { Kind = "training.enrolled", PersonId = personId, InstitutionId = advisor.InstitutionId!.Value }, CancellationToken.None);
            // The change that caused it failed, so the capability never calls SaveChanges.
        }

        await using var read = database.NewContext();
        Assert.False(await read.Set<OutcomeEvent>().AnyAsync(x => x.PersonId == personId));
    }

    [Theory]
    [InlineData("hired")]
    [InlineData("Placement.Hired")]
    [InlineData("placement.")]
    [InlineData("placement hired")]
    public async Task Record_MalformedKind_Throws(string kind)
    {
        var (advisor, personId) = await PersonAsync("ANAPEC-EVT3", "Samir");
        await using var db = database.NewContext();

        await Assert.ThrowsAsync<ArgumentException>(() => Recorder(db, advisor).RecordAsync(
            new OutcomeInput { Kind = kind, PersonId = personId, InstitutionId = advisor.InstitutionId!.Value }, CancellationToken.None));
    }

    [Fact]
    public async Task Record_AmountWithoutCurrency_OrUnknownPerson_Throws()
    {
        var (advisor, personId) = await PersonAsync("ANAPEC-EVT4", "Hind");
        await using var db = database.NewContext();
        var recorder = Recorder(db, advisor);
        var institution = advisor.InstitutionId!.Value;

        await Assert.ThrowsAsync<ArgumentException>(() => recorder.RecordAsync(
            new OutcomeInput { Kind = "reintegration.instalment-paid", PersonId = personId, InstitutionId = institution, Amount = 5000 }, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => recorder.RecordAsync(
            new OutcomeInput { Kind = "reintegration.instalment-paid", PersonId = Guid.NewGuid(), InstitutionId = institution }, CancellationToken.None));
    }

    [Fact]
    public async Task Journey_OldestFirst_IncludesMergedRecords_AndOnlyForWhoMaySeeThePerson()
    {
        var (advisor, personId) = await PersonAsync("ANAPEC-EVT5", "Youssef");
        var (_, mergedId) = await PersonAsync("ANAPEC-EVT5", "Yousef");
        var institution = advisor.InstitutionId!.Value;
        var start = database.Clock.GetUtcNow();
        await using (var db = database.NewContext())
        {
            var recorder = Recorder(db, advisor);
            await recorder.RecordAsync(new OutcomeInput { Kind = "placement.departed", PersonId = personId, InstitutionId = institution, At = start.AddDays(-30), Country = "ES" }, CancellationToken.None);
            await recorder.RecordAsync(new OutcomeInput { Kind = "placement.registered", PersonId = mergedId, InstitutionId = institution, At = start.AddDays(-90) }, CancellationToken.None);
            await recorder.RecordAsync(new OutcomeInput { Kind = "placement.returned", PersonId = personId, InstitutionId = institution, At = start.AddDays(-1), Country = "ES" }, CancellationToken.None);
            await db.SaveChangesAsync();
            await db.Set<Person>().Where(p => p.Id == mergedId).ExecuteUpdateAsync(s => s.SetProperty(p => p.MergedIntoId, personId));
        }

        await using var read = database.NewContext();
        var steps = await Journey(read, advisor).ForPersonAsync(personId, CancellationToken.None);
        var stranger = new FakeCurrentUser(await database.AddInstitutionAsync("IOM-EVT5"), Roles.CaseWorker);
        var hidden = await Journey(read, stranger).ForPersonAsync(personId, CancellationToken.None);

        Assert.Equal(["placement.registered", "placement.departed", "placement.returned"], steps!.Select(s => s.Kind));
        Assert.Null(hidden);
        Assert.True(await read.Set<AuditEntry>().AnyAsync(a => a.RecordId == personId.ToString("D", System.Globalization.CultureInfo.InvariantCulture) && a.Action == AuditAction.Read));
    }

    [Theory]
    [InlineData("2000-06-15", "2015-06-14", "0-14")]
    [InlineData("2000-06-15", "2015-06-15", "15-24")]
    [InlineData("1990-03-14", "2026-11-02", "35-44")]
    [InlineData("1961-01-01", "2026-01-01", "65+")]
    public void AgeGroup_CountsBirthdays(string born, string on, string group)
    {
        Assert.Equal(group, PersonStatisticsFacts.AgeGroupOf(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
