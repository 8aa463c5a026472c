using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.Evaluation;
using Mismes.TestCommon;
using Mismes.TestCommon.People;

namespace Mismes.Core.Tests.Evaluation;

/// <summary>
/// Indicators on a scenario worked out by hand (issue 10). Institution A sent five seasonal workers to Spain in 2026:
/// P1 (woman, 25-34, MA-01), P2 (man, 25-34, MA-01), P3 (woman, 35-44, MA-05), P4 (man, 35-44, MA-05), P5 (woman,
/// 15-24, MA-01). P1, P2 and P3 came back in 2026; P5 came back only in 2027; P4 did not come back.
/// Institution B sent one more (P6) in 2025, who did not come back.
/// Non-return rate 2026 for A: departed and not back by the end of 2026 = P4, P5 → 2 / 5 = 0.4;
/// by sex: women P1, P3, P5 → P5 → 1/3; men P2, P4 → P4 → 1/2. Over every year for A: P4 only (P5 came back) → 1/5.
/// </summary>
public sealed class IndicatorServiceTests(PeopleTestDatabase database) : IClassFixture<PeopleTestDatabase>
{
    private static readonly Guid P1 = Guid.NewGuid(), P2 = Guid.NewGuid(), P3 = Guid.NewGuid(), P4 = Guid.NewGuid(), P5 = Guid.NewGuid(), P6 = Guid.NewGuid();

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static (Guid A, Guid B)? institutions;

    private async Task<(Guid A, Guid B)> ScenarioAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (institutions is { } done)
            {
                return done;
            }

            var a = await database.AddInstitutionAsync("ANAPEC-IND-A");
            var b = await database.AddInstitutionAsync("ANAPEC-IND-B");
            await using var db = database.NewContext();
            var admin = new FakeCurrentUser(null, Roles.Administrator);
            await new IndicatorSeeder(db, new Mismes.Core.Catalogue.CatalogueService(db, new AuditLog(db, admin, database.Clock), database.Clock, admin), database.Clock).SeedAsync(CancellationToken.None);
            var people = new (Guid Id, string Sex, string Age, string Region, Guid Institution)[]
            {
                (P1, "Female", "25-34", "MA-01", a), (P2, "Male", "25-34", "MA-01", a), (P3, "Female", "35-44", "MA-05", a),
                (P4, "Male", "35-44", "MA-05", a), (P5, "Female", "15-24", "MA-01", a), (P6, "Male", "25-34", "MA-01", b),
            };
            foreach (var p in people)
            {
                var departed = p.Id == P6 ? new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero) : new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
                Add(db, p, "placement.departed", departed);
            }

            Add(db, people[0], "placement.returned", new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero));
            Add(db, people[1], "placement.returned", new DateTimeOffset(2026, 7, 2, 8, 0, 0, TimeSpan.Zero));
            Add(db, people[2], "placement.returned", new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero));
            Add(db, people[4], "placement.returned", new DateTimeOffset(2027, 1, 1, 0, 30, 0, TimeSpan.Zero));
            await db.SaveChangesAsync();
            institutions = (a, b);
            return (a, b);
        }
        finally
        {
            Once.Release();
        }
    }

    private static void Add(AppDbContext db, (Guid Id, string Sex, string Age, string Region, Guid Institution) p, string kind, DateTimeOffset at) =>
        db.Set<OutcomeEvent>().Add(new OutcomeEvent
        {
            Id = Guid.CreateVersion7(at),
            PersonId = p.Id,
            Kind = kind,
            Capability = OutcomeKind.CapabilityOf(kind),
            InstitutionId = p.Institution,
            At = at,
            Sex = p.Sex,
            AgeGroup = p.Age,
            RegionCode = p.Region,
            MigrationPhase = "Abroad",
            Country = "ES",
        });

    private IndicatorService Service(AppDbContext db, ICurrentUser user) => new(db, user);

    [Fact]
    public async Task NonReturnRate_ForOneYear_CountsWhoWasNotBackByTheEndOfIt()
    {
        var (a, _) = await ScenarioAsync();
        await using var db = database.NewContext();

        var result = await Service(db, new FakeCurrentUser(a, Roles.ProgrammeManager)).ComputeAsync("non-return-rate", new IndicatorQuery(2026, By: Disaggregation.Sex), CancellationToken.None);

        Assert.Equal((2, 5), (result!.Total.Numerator, result.Total.Denominator!.Value));
        Assert.Equal(0.4, result.Total.Value!.Value, 6);
        Assert.Equal([("Female", 1, 3), ("Male", 1, 2)], result.Cells.Select(c => (c.Key, c.Numerator, c.Denominator!.Value)));
    }

    [Fact]
    public async Task NonReturnRate_EveryYear_ALaterReturnCounts()
    {
        var (a, _) = await ScenarioAsync();
        await using var db = database.NewContext();

        var result = await Service(db, new FakeCurrentUser(a, Roles.ProgrammeManager)).ComputeAsync("non-return-rate", new IndicatorQuery(), CancellationToken.None);

        Assert.Equal((1, 5), (result!.Total.Numerator, result.Total.Denominator!.Value));
    }

    [Fact]
    public async Task Departures_ByYear_AnalystSeesEveryInstitution_ManagerOnlyTheirs()
    {
        var (a, _) = await ScenarioAsync();
        await using var db = database.NewContext();

        var analyst = await Service(db, new FakeCurrentUser(Guid.NewGuid(), Roles.Analyst)).ComputeAsync("departures", new IndicatorQuery(By: Disaggregation.Year), CancellationToken.None);
        var manager = await Service(db, new FakeCurrentUser(a, Roles.ProgrammeManager)).ComputeAsync("departures", new IndicatorQuery(By: Disaggregation.Year), CancellationToken.None);

        // Other tests of this database may add departures elsewhere; the scenario's are the only ones in 2025–2026 here.
        Assert.Contains(("2025", 1), analyst!.Cells.Select(c => (c.Key, c.Numerator)));
        Assert.Contains(("2026", 5), analyst.Cells.Select(c => (c.Key, c.Numerator)));
        Assert.Equal([("2026", 5)], manager!.Cells.Select(c => (c.Key, c.Numerator)));
        Assert.Null(manager.Total.Denominator);
    }

    [Fact]
    public async Task Departures_ByRegionAndAgeGroup_CountPeopleOncePerCell()
    {
        var (a, _) = await ScenarioAsync();
        await using var db = database.NewContext();
        var service = Service(db, new FakeCurrentUser(a, Roles.ProgrammeManager));

        var byRegion = await service.ComputeAsync("departures", new IndicatorQuery(2026, By: Disaggregation.Region), CancellationToken.None);
        var byAge = await service.ComputeAsync("departures", new IndicatorQuery(2026, By: Disaggregation.AgeGroup), CancellationToken.None);

        Assert.Equal([("MA-01", 3), ("MA-05", 2)], byRegion!.Cells.Select(c => (c.Key, c.Numerator)));
        Assert.Equal([("15-24", 1), ("25-34", 2), ("35-44", 2)], byAge!.Cells.Select(c => (c.Key, c.Numerator)));
    }

    [Fact]
    public async Task UnknownIndicator_IsNull()
    {
        await using var db = database.NewContext();
        Assert.Null(await Service(db, new FakeCurrentUser(null, Roles.Administrator)).ComputeAsync("nope", new IndicatorQuery(), CancellationToken.None));
    }

    [Fact]
    public async Task SeasonalSelected_ShowsTheStudysFiguresBesideTheComputedValue()
    {
        await ScenarioAsync();
        await using var db = database.NewContext();

        var result = await Service(db, new FakeCurrentUser(null, Roles.Administrator)).ComputeAsync("seasonal-selected", new IndicatorQuery(), CancellationToken.None);

        Assert.Equal(0, result!.Total.Numerator);
        // The catalogue is not seeded in this database, so the figures are not tied to a measure here.
        Assert.Equal([(2008, 13_600m), (2011, 6_800m), (2014, 2_180m)], result.Aggregates.Select(f => (f.Year, f.Value)));
    }
}
