using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Common;
using Mismes.Core.Diaspora.Experts;
using Mismes.Matching;
using Mismes.TestCommon;
using Mismes.TestCommon.Diaspora;

namespace Mismes.Core.Tests.Diaspora;

/// <summary>ExpertService over a migrated database (SQLite, or PostgreSQL with MISMES_TEST_DB=postgres).</summary>
public sealed class ExpertServiceTests(ExpertTestDatabase database) : IClassFixture<ExpertTestDatabase>
{
    private async Task<FakeCurrentUser> AdvisorAsync(string code = "CNRST-EXP") =>
        new(await database.AddInstitutionAsync(code), Roles.Advisor);

    [Fact]
    public async Task SaveProfile_PersonOfOwnInstitution_SavedNormalisedWithChangeAndAudit()
    {
        var user = await AdvisorAsync();
        var person = await database.AddPersonAsync(user);
        await using var db = database.NewContext();

        var result = await database.Experts(db, user).SaveProfileAsync(person, TestExperts.Biologist(), CancellationToken.None);

        Assert.True(result.Succeeded);
        await using var check = database.NewContext();
        var saved = await check.Set<Expert>().Include(e => e.Languages).Include(e => e.Occupations).SingleAsync(e => e.PersonId == person);
        Assert.Equal(user.InstitutionId, saved.InstitutionId);
        Assert.Equal("DE", saved.ResidenceCountry);
        Assert.Equal("biotechnologie|génomique", saved.Domains);
        Assert.Equal(["de", "fr"], saved.Languages.Select(l => l.Language).Order(StringComparer.Ordinal));
        Assert.Equal(TestExperts.BiologistUri, Assert.Single(saved.Occupations).OccupationUri);
        Assert.True(await check.Set<ExpertChange>().AnyAsync(c => c.PersonId == person));
        Assert.True(await check.Set<AuditEntry>().AnyAsync(a => a.RecordType == ExpertService.RecordType && a.RecordId == person.ToString() && a.Action == AuditAction.Create));
    }

    [Fact]
    public async Task SaveProfile_Twice_ReplacesTheProfileAndQueuesTwoChanges()
    {
        var user = await AdvisorAsync();
        var person = await database.AddPersonAsync(user);
        await using (var db = database.NewContext())
        {
            await database.Experts(db, user).SaveProfileAsync(person, TestExperts.Biologist(), CancellationToken.None);
        }

        await using (var db = database.NewContext())
        {
            var changed = TestExperts.Biologist() with
            {
                ResidenceCountry = "CA", Languages = [new ExpertLanguageInput("en", CefrLevel.C2)], Degrees = [], Mode = MissionMode.Remote,
            };
            Assert.True((await database.Experts(db, user).SaveProfileAsync(person, changed, CancellationToken.None)).Succeeded);
        }

        await using var check = database.NewContext();
        var read = await database.Experts(check, user).GetAsync(person, CancellationToken.None);
        Assert.NotNull(read?.Profile);
        Assert.Equal("CA", read.Profile.ResidenceCountry);
        Assert.Equal(MissionMode.Remote, read.Profile.Mode);
        Assert.Equal("en", Assert.Single(read.Profile.Languages).Language);
        Assert.Empty(read.Profile.Degrees);
        Assert.Equal(2, await check.Set<ExpertChange>().CountAsync(c => c.PersonId == person));
    }

    [Fact]
    public async Task Get_PersonWithoutProfile_PersonAndNullProfile_Audited()
    {
        var user = await AdvisorAsync();
        var person = await database.AddPersonAsync(user);
        await using var db = database.NewContext();

        var read = await database.Experts(db, user).GetAsync(person, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Null(read.Profile);
        Assert.Equal("DE", read.Person.CountryOfResidence);
        Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.RecordType == ExpertService.RecordType && a.RecordId == person.ToString() && a.Action == AuditAction.Read));
    }

    [Fact]
    public async Task PersonOfAnotherInstitution_NotFoundNotListedAndNothingWritten()
    {
        var owner = await AdvisorAsync("CNRST-EXP-A");
        var other = await AdvisorAsync("CNRST-EXP-B");
        var person = await database.AddPersonAsync(owner);
        await using (var db = database.NewContext())
        {
            await database.Experts(db, owner).SaveProfileAsync(person, TestExperts.Biologist(), CancellationToken.None);
        }

        await using var check = database.NewContext();
        var experts = database.Experts(check, other);
        var write = await experts.SaveProfileAsync(person, TestExperts.Biologist() with { ResidenceCity = "Mannheim" }, CancellationToken.None);
        var read = await experts.GetAsync(person, CancellationToken.None);
        var list = await experts.ListAsync(new ExpertSearch(), CancellationToken.None);

        Assert.Equal(WriteOutcome.NotFound, write.Outcome);
        Assert.Null(read);
        Assert.DoesNotContain(list.Items, i => i.PersonId == person);
        Assert.Equal("Heidelberg", (await check.Set<Expert>().SingleAsync(e => e.PersonId == person)).ResidenceCity);
    }

    [Fact]
    public async Task List_ByCountry_OnlyThatCountry_NewestFirst()
    {
        var user = await AdvisorAsync("CNRST-EXP-LIST");
        var inGermany = await database.AddPersonAsync(user);
        var inCanada = await database.AddPersonAsync(user);
        await using (var db = database.NewContext())
        {
            await database.Experts(db, user).SaveProfileAsync(inGermany, TestExperts.Biologist(), CancellationToken.None);
            database.Clock.Advance(TimeSpan.FromMinutes(1));
            await database.Experts(db, user).SaveProfileAsync(inCanada, TestExperts.Biologist() with { ResidenceCountry = "CA" }, CancellationToken.None);
        }

        await using var check = database.NewContext();
        var all = await database.Experts(check, user).ListAsync(new ExpertSearch(), CancellationToken.None);
        var german = await database.Experts(check, user).ListAsync(new ExpertSearch { Country = "de" }, CancellationToken.None);

        Assert.Equal([inCanada, inGermany], all.Items.Select(i => i.PersonId));
        Assert.Equal(inGermany, Assert.Single(german.Items).PersonId);
        Assert.Equal(["biotechnologie", "génomique"], german.Items[0].Domains);
    }

    [Theory]
    [InlineData("country", "ResidenceCountry")]
    [InlineData("morocco", "ResidenceCountry")]
    [InlineData("occupation", "OccupationUris")]
    [InlineData("skill", "SkillUris")]
    [InlineData("domain", "Domains")]
    [InlineData("eqf", "EqfLevel")]
    [InlineData("years", "YearsOfExperience")]
    [InlineData("language", "Language")]
    [InlineData("languageTwice", "Languages")]
    [InlineData("window", "Availability")]
    [InlineData("oneWeek", "MaxMissionWeeks")]
    [InlineData("sevenMonths", "MaxMissionWeeks")]
    [InlineData("shortestLonger", "MaxMissionWeeks")]
    public async Task SaveProfile_BadField_FieldErrorNamesIt_NothingSaved(string bad, string field)
    {
        var user = await AdvisorAsync();
        var person = await database.AddPersonAsync(user);
        var p = TestExperts.Biologist();
        var input = bad switch
        {
            "country" => p with { ResidenceCountry = "Germany" },
            "morocco" => p with { ResidenceCountry = "ma" },
            "occupation" => p with { OccupationUris = ["http://example.org/not-esco"] },
            "skill" => p with { SkillUris = [TestExperts.BiologistUri] },
            "domain" => p with { Domains = ["bio|tech"] },
            "eqf" => p with { Degrees = [new ExpertDegreeInput("Master", 9)] },
            "years" => p with { YearsOfExperience = -1 },
            "language" => p with { Languages = [new ExpertLanguageInput("allemand", CefrLevel.B1)] },
            "languageTwice" => p with { Languages = [new ExpertLanguageInput("de", CefrLevel.B1), new ExpertLanguageInput("DE", CefrLevel.C1)] },
            "window" => p with { Availability = [new AvailabilityWindow(new DateOnly(2027, 5, 1), new DateOnly(2027, 4, 1))] },
            "oneWeek" => p with { MinMissionWeeks = 1 },
            "sevenMonths" => p with { MaxMissionWeeks = 30 },
            _ => p with { MinMissionWeeks = 10, MaxMissionWeeks = 4 },
        };
        await using var db = database.NewContext();

        var result = await database.Experts(db, user).SaveProfileAsync(person, input, CancellationToken.None);

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.Contains(field, result.Errors.Keys);
        Assert.False(await db.Set<Expert>().AnyAsync(e => e.PersonId == person));
    }

    [Fact]
    public void Editable_OfASavedView_SavesTheSameProfile()
    {
        var view = new ExpertProfileView(1, Guid.NewGuid(), Guid.NewGuid(), ExpertSource.Staff, "FR", "Lyon", "INSERM", ["o"], ["s"], ["santé"],
            [new ExpertDegreeInput("PhD", 8)], 7, [new ExpertLanguageInput("fr", CefrLevel.C2)], [], MissionMode.Remote, 2, 4, DateTimeOffset.UnixEpoch);

        var input = ExpertService.Editable(view);

        Assert.Equal(("FR", "Lyon", "INSERM", 7, MissionMode.Remote, 2, 4),
            (input.ResidenceCountry, input.ResidenceCity, input.EmployerAbroad, input.YearsOfExperience, input.Mode, input.MinMissionWeeks, input.MaxMissionWeeks));
        Assert.Equal(["santé"], input.Domains);
    }
}
