using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Common;
using Mismes.Core.Placement.Candidates;
using Mismes.Matching;
using Mismes.TestCommon;
using Mismes.TestCommon.Placement;

namespace Mismes.Core.Tests.Placement.Candidates;

public sealed class CandidateServiceTests(CandidateTestDatabase database) : IClassFixture<CandidateTestDatabase>
{
    private static readonly string Picker = TestEsco.Occupation("cueilleur de fruits");

    private async Task<FakeCurrentUser> AdvisorAsync(string code = "ANAPEC-CAND") =>
        new(await database.AddInstitutionAsync(code), Roles.Advisor);

    private static CandidateProfileInput Profile() => new()
    {
        Occupations = [new OccupationExperienceInput(Picker, 24)],
        Skills = [.. TestEsco.EssentialSkillsOf(Picker).Take(2).Select(s => new SkillEvidenceInput(s, SkillEvidence.Declared))],
        Languages = [new LanguageLevelInput("es", CefrLevel.A2), new LanguageLevelInput("AR", CefrLevel.C2)],
        EqfLevel = 3,
        AvailableFrom = new DateOnly(2027, 2, 1),
        CountriesWanted = ["es", "FR"],
    };

    [Fact]
    public async Task SaveProfile_PersonOfOwnInstitution_SavedWithChangeAndAudit()
    {
        var user = await AdvisorAsync();
        var person = await database.AddPersonAsync(user, consent: false);
        await using var db = database.NewContext();

        var result = await database.Candidates(db, user).SaveProfileAsync(person, Profile(), CancellationToken.None);

        Assert.True(result.Succeeded);
        await using var check = database.NewContext();
        var saved = await check.Set<Candidate>().Include(c => c.Languages).SingleAsync(c => c.PersonId == person);
        Assert.Equal(user.InstitutionId, saved.InstitutionId);
        Assert.Equal("ES,FR", saved.CountriesWanted);
        Assert.Equal(["ar", "es"], saved.Languages.Select(l => l.Language).Order(StringComparer.Ordinal));
        Assert.True(await check.Set<CandidateChange>().AnyAsync(c => c.PersonId == person));
        Assert.True(await check.Set<AuditEntry>().AnyAsync(a => a.RecordType == CandidateService.RecordType && a.RecordId == person.ToString() && a.Action == AuditAction.Create));
    }

    [Fact]
    public async Task SaveProfile_Twice_ReplacesTheProfile()
    {
        var user = await AdvisorAsync();
        var person = await database.AddPersonAsync(user, consent: false);
        await using (var db = database.NewContext())
        {
            await database.Candidates(db, user).SaveProfileAsync(person, Profile(), CancellationToken.None);
        }

        await using (var db = database.NewContext())
        {
            var changed = Profile() with { Occupations = [new OccupationExperienceInput(Picker, 36)], Languages = [new LanguageLevelInput("es", CefrLevel.B1)] };
            var result = await database.Candidates(db, user).SaveProfileAsync(person, changed, CancellationToken.None);
            Assert.True(result.Succeeded);
        }

        await using var check = database.NewContext();
        var saved = await check.Set<Candidate>().Include(c => c.Occupations).Include(c => c.Languages).SingleAsync(c => c.PersonId == person);
        Assert.Equal(36, Assert.Single(saved.Occupations).ExperienceMonths);
        Assert.Equal(CefrLevel.B1, Assert.Single(saved.Languages).Level);
    }

    [Fact]
    public async Task SaveProfile_PersonOfAnotherInstitution_NotFoundAndNothingWritten()
    {
        var owner = await AdvisorAsync("ANAPEC-CAND-A");
        var other = await AdvisorAsync("ANAPEC-CAND-B");
        var person = await database.AddPersonAsync(owner, consent: false);
        await using var db = database.NewContext();

        var result = await database.Candidates(db, other).SaveProfileAsync(person, Profile(), CancellationToken.None);
        var read = await database.Candidates(db, other).GetAsync(person, CancellationToken.None);

        Assert.Equal(WriteOutcome.NotFound, result.Outcome);
        Assert.Null(read);
        Assert.False(await db.Set<Candidate>().AnyAsync(c => c.PersonId == person));
    }

    [Theory]
    [InlineData("occupation")]
    [InlineData("skill")]
    [InlineData("language")]
    [InlineData("eqf")]
    [InlineData("dates")]
    [InlineData("country")]
    [InlineData("months")]
    public async Task SaveProfile_BadField_FieldErrorNamesIt(string bad)
    {
        var user = await AdvisorAsync();
        var person = await database.AddPersonAsync(user, consent: false);
        var (input, field) = bad switch
        {
            "occupation" => (Profile() with { Occupations = [new OccupationExperienceInput("http://example.org/not-esco", 1)] }, "Occupations"),
            "skill" => (Profile() with { Skills = [new SkillEvidenceInput(Picker, SkillEvidence.Declared)] }, "Skills"),
            "language" => (Profile() with { Languages = [new LanguageLevelInput("français", CefrLevel.B1)] }, "Language"),
            "eqf" => (Profile() with { EqfLevel = 9 }, "EqfLevel"),
            "dates" => (Profile() with { AvailableTo = new DateOnly(2027, 1, 1) }, "AvailableTo"),
            "country" => (Profile() with { CountriesWanted = ["Spain"] }, "CountriesWanted"),
            _ => (Profile() with { Occupations = [new OccupationExperienceInput(Picker, -1)] }, "ExperienceMonths"),
        };
        await using var db = database.NewContext();

        var result = await database.Candidates(db, user).SaveProfileAsync(person, input, CancellationToken.None);

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.Contains(field, result.Errors.Keys);
    }

    [Fact]
    public async Task AddSkillEvidence_RaisesEvidenceAndNeverLowersIt()
    {
        var user = await AdvisorAsync();
        var person = await database.AddPersonAsync(user, consent: false);
        var skill = TestEsco.EssentialSkillsOf(Picker)[0];

        await using (var db = database.NewContext())
        {
            Assert.True((await database.Candidates(db, user).AddSkillEvidenceAsync(person, skill, SkillEvidence.Validated, CancellationToken.None)).Succeeded);
        }

        await using (var db = database.NewContext())
        {
            var lower = await database.Candidates(db, user).AddSkillEvidenceAsync(person, skill, SkillEvidence.Trained, CancellationToken.None);
            Assert.Equal(SkillEvidence.Validated, Assert.Single(lower.Value!.Skills).Evidence);
        }

        await using (var db = database.NewContext())
        {
            var higher = await database.Candidates(db, user).AddSkillEvidenceAsync(person, skill, SkillEvidence.Certified, CancellationToken.None);
            Assert.Equal(SkillEvidence.Certified, Assert.Single(higher.Value!.Skills).Evidence);
        }
    }

    [Fact]
    public async Task Get_OwnCandidate_ProfileConsentAndAuditedRead()
    {
        var user = await AdvisorAsync();
        var person = await database.AddPersonAsync(user, consent: true);
        await using (var db = database.NewContext())
        {
            await database.Candidates(db, user).SaveProfileAsync(person, Profile(), CancellationToken.None);
        }

        await using var read = database.NewContext();
        var record = await database.Candidates(read, user).GetAsync(person, CancellationToken.None);

        Assert.NotNull(record?.Profile);
        Assert.True(record.SharesProfileWithForeignEmployers);
        Assert.Equal("Khadija", record.Person.FirstNameLatin);
        Assert.True(await read.Set<AuditEntry>().AnyAsync(a => a.RecordType == CandidateService.RecordType && a.RecordId == person.ToString() && a.Action == AuditAction.Read));
    }

    [Fact]
    public async Task List_OnlyOwnInstitutionsCandidates()
    {
        var mine = await AdvisorAsync("ANAPEC-CAND-LIST-A");
        var theirs = await AdvisorAsync("ANAPEC-CAND-LIST-B");
        var own = await database.AddPersonAsync(mine, consent: false);
        var other = await database.AddPersonAsync(theirs, consent: false);
        await using (var db = database.NewContext())
        {
            await database.Candidates(db, mine).SaveProfileAsync(own, Profile(), CancellationToken.None);
            await database.Candidates(db, theirs).SaveProfileAsync(other, Profile(), CancellationToken.None);
        }

        await using var read = database.NewContext();
        var list = await database.Candidates(read, mine).ListAsync(new CandidateSearch(), CancellationToken.None);

        Assert.Contains(list.Items, c => c.PersonId == own);
        Assert.DoesNotContain(list.Items, c => c.PersonId == other);
    }
}
