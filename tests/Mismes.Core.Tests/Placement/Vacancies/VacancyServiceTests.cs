using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Common;
using Mismes.Core.Placement.Vacancies;
using Mismes.TestCommon;
using Mismes.TestCommon.Placement;

namespace Mismes.Core.Tests.Placement.Vacancies;

/// <summary>Vacancies on the real database (SQLite, or PostgreSQL with MISMES_TEST_DB=postgres).</summary>
public sealed class VacancyServiceTests : IAsyncLifetime
{
    private readonly VacancyTestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Create_AdvisorWithEscoCoding_StoresEveryTermAndTheRequirements()
    {
        var agency = await _db.AddInstitutionAsync("TEST-VAC-AGENCY");
        var advisor = new FakeCurrentUser(agency, Roles.Advisor);
        var occupation = _db.Esco.Occupations("fruit picker", "en")[0].Uri;
        var skill = _db.Esco.Skills("harvest crops", "en")[0].Uri;
        await using var db = _db.NewContext();
        var service = _db.Service(db, advisor);

        var result = await service.CreateAsync(VacancyBuilder.Valid() with { OccupationUri = occupation, CodingConfirmed = true, EssentialSkillUris = [skill] }, CancellationToken.None);

        Assert.True(result.Succeeded);
        var v = (await _db.Service(_db.NewContext(), advisor).FindAsync(result.Value!.Id, CancellationToken.None))!;
        Assert.Equal(("ES", "EUR", 35m, PayPeriod.Day, 7m, true), (v.Country, v.PayCurrency, v.PayAmount!.Value, v.PayPeriod!.Value, v.HoursPerDay!.Value, v.PaidOnlyDaysWorked));
        Assert.Equal((HousingTerms.Free, CostBorneBy.Employer, 80m, CostBorneBy.Worker), (v.Housing, v.TravelPaidBy!.Value, v.VisaFee!.Value, v.VisaFeePaidBy!.Value));
        Assert.Equal((VacancyService.UiSource, _db.Clock.GetUtcNow(), 43), (v.Source, v.ReceivedAt, v.DaysLeft));
        Assert.True(v.CodingConfirmed);
        var requirements = (await service.RequirementsAsync(v.Id, CancellationToken.None))!;
        Assert.Equal(occupation, requirements.OccupationUri);
        Assert.Equal([skill], requirements.EssentialSkillUris);
        Assert.Equal([new LanguageNeed("es", Cefr.A2)], requirements.Languages);
        Assert.Equal((3, "ES", new DateOnly(2027, 2, 1), new DateOnly(2027, 6, 1), 40), (requirements.MinimumExperienceMonths, requirements.Country, requirements.StartDate, requirements.EndDate, requirements.Positions));
    }

    [Fact]
    public async Task Create_InvalidFields_ReturnsFieldErrorsAndSavesNothing()
    {
        var agency = await _db.AddInstitutionAsync("TEST-VAC-AGENCY");
        await using var db = _db.NewContext();
        var service = _db.Service(db, new FakeCurrentUser(agency, Roles.Advisor));

        var result = await service.CreateAsync(VacancyBuilder.Valid() with
        {
            Title = " ", Country = "Spain", PayCurrency = "euro", Positions = 0, MinimumEqfLevel = 9,
            OccupationUri = "http://example.org/not-esco", EssentialSkillUris = ["http://example.org/x"],
            Languages = [new LanguageNeed("spanish", Cefr.B1)],
        }, CancellationToken.None);

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.Equal(
            ["Country", "EssentialSkillUris", "Languages", "MinimumEqfLevel", "OccupationUri", "PayCurrency", "Positions", "Title"],
            result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.False(await _db.NewContext().Set<Vacancy>().AnyAsync());
    }

    [Fact]
    public async Task Find_OtherInstitutionsVacancy_IsNotFound_ButTheNamedEmployerSeesIt()
    {
        var agency = await _db.AddInstitutionAsync("TEST-VAC-AGENCY");
        var other = await _db.AddInstitutionAsync("TEST-VAC-OTHER");
        var employer = await _db.AddInstitutionAsync("TEST-VAC-EMPLOYER", InstitutionKind.Employer);
        var created = await _db.Service(_db.NewContext(), new FakeCurrentUser(agency, Roles.Advisor))
            .CreateAsync(VacancyBuilder.Valid() with { EmployerInstitutionId = employer, EmployerName = null }, CancellationToken.None);
        var id = created.Value!.Id;

        Assert.Null(await _db.Service(_db.NewContext(), new FakeCurrentUser(other, Roles.Advisor)).FindAsync(id, CancellationToken.None));
        Assert.Equal(WriteOutcome.NotFound, (await _db.Service(_db.NewContext(), new FakeCurrentUser(other, Roles.Advisor)).UpdateAsync(id, VacancyBuilder.Valid(), CancellationToken.None)).Outcome);
        var seenByEmployer = await _db.Service(_db.NewContext(), new FakeCurrentUser(employer, Roles.Employer)).FindAsync(id, CancellationToken.None);
        Assert.Equal("Test TEST-VAC-EMPLOYER", seenByEmployer!.EmployerName);
        Assert.NotNull(await _db.Service(_db.NewContext(), new FakeCurrentUser(null, Roles.Administrator)).FindAsync(id, CancellationToken.None));
        var list = await _db.Service(_db.NewContext(), new FakeCurrentUser(other, Roles.Advisor)).ListAsync(new VacancyFilter(), new PageRequest(), CancellationToken.None);
        Assert.Equal(0, list.Total);
    }

    [Fact]
    public async Task Create_Employer_CanOnlyEnterItsOwnCompanysOffers()
    {
        var employer = await _db.AddInstitutionAsync("TEST-VAC-EMPLOYER", InstitutionKind.Employer);
        var rival = await _db.AddInstitutionAsync("TEST-VAC-RIVAL", InstitutionKind.Employer);
        var service = _db.Service(_db.NewContext(), new FakeCurrentUser(employer, Roles.Employer));

        var own = await service.CreateAsync(VacancyBuilder.Valid() with { EmployerName = null }, CancellationToken.None);
        var theirs = await service.CreateAsync(VacancyBuilder.Valid() with { EmployerInstitutionId = rival }, CancellationToken.None);

        Assert.True(own.Succeeded);
        var saved = (await service.FindAsync(own.Value!.Id, CancellationToken.None))!;
        Assert.Equal((employer, "Test TEST-VAC-EMPLOYER"), (saved.EmployerInstitutionId!.Value, saved.EmployerName));
        Assert.Equal(["EmployerInstitutionId"], theirs.Errors.Keys);
    }

    [Fact]
    public async Task SaveFromSource_SameSourceIdTwice_UpdatesInsteadOfDuplicating()
    {
        var agency = await _db.AddInstitutionAsync("TEST-VAC-AGENCY");
        var user = new FakeCurrentUser(agency, Roles.Advisor);

        var first = await _db.Service(_db.NewContext(), user).SaveFromSourceAsync(VacancyBuilder.Valid() with { Source = "api", SourceId = "NAV-1" }, CancellationToken.None);
        var second = await _db.Service(_db.NewContext(), user).SaveFromSourceAsync(VacancyBuilder.Valid() with { Source = "api", SourceId = "NAV-1", Positions = 12 }, CancellationToken.None);

        Assert.Equal((UpsertOutcome.Created, UpsertOutcome.Updated, first.Value!.Id), (first.Value.Outcome, second.Value!.Outcome, second.Value.Id));
        var stored = await _db.NewContext().Set<Vacancy>().SingleAsync();
        Assert.Equal((12, $"api:{agency:N}"), (stored.Positions, stored.Source));
    }

    [Fact]
    public async Task MarkShortlistSent_RecordsTheFirstTimeOnly()
    {
        var agency = await _db.AddInstitutionAsync("TEST-VAC-AGENCY");
        var user = new FakeCurrentUser(agency, Roles.Advisor);
        var id = (await _db.Service(_db.NewContext(), user).CreateAsync(VacancyBuilder.Valid(), CancellationToken.None)).Value!.Id;
        var sentAt = _db.Clock.GetUtcNow();

        foreach (var _ in new[] { 1, 2 })
        {
            await using var db = _db.NewContext();
            Assert.True(await _db.Service(db, user).MarkShortlistSentAsync(id, CancellationToken.None));
            await db.SaveChangesAsync();
            _db.Clock.Advance(TimeSpan.FromDays(3));
        }

        var v = await _db.Service(_db.NewContext(), user).FindAsync(id, CancellationToken.None);
        Assert.Equal(sentAt, v!.ShortlistSentAt);
        Assert.False(await _db.Service(_db.NewContext(), new FakeCurrentUser(Guid.NewGuid(), Roles.Advisor)).MarkShortlistSentAsync(id, CancellationToken.None));
    }

    [Fact]
    public void ProposeCoding_SpanishTitle_ProposesAnOccupation()
    {
        using var db = _db.NewContext();
        var proposal = _db.Service(db, new SystemUser()).ProposeCoding("Recolector de fresas", "Recolección de fresas en invernadero", "es");

        Assert.NotEmpty(proposal.Occupations);
        Assert.True(_db.Esco.IsOccupation(proposal.Occupations[0].Uri));
    }
}
