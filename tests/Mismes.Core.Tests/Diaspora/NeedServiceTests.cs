using Mismes.Core.Administration;
using Mismes.Core.Common;
using Mismes.Core.Diaspora.Experts;
using Mismes.Core.Diaspora.Needs;
using Mismes.TestCommon;
using Mismes.TestCommon.Diaspora;
using Mismes.TestCommon.Placement;

namespace Mismes.Core.Tests.Diaspora;

/// <summary>NeedService over a migrated database (SQLite, or PostgreSQL with MISMES_TEST_DB=postgres).</summary>
public sealed class NeedServiceTests(ExpertTestDatabase database) : IClassFixture<ExpertTestDatabase>
{
    private async Task<FakeCurrentUser> MemberAsync(string code = "UNIV-NEED") =>
        new(await database.AddInstitutionAsync(code), Roles.InstitutionMember);

    private static SaveNeed Need() => new()
    {
        Title = "Séquençage du génome de l'arganier",
        Description = "Former l'équipe du laboratoire au séquençage et à l'analyse de données génomiques.",
        Type = NeedType.ExpertiseMission,
        OccupationUri = TestExperts.BiologistUri,
        SkillUris = [.. TestEsco.EssentialSkillsOf(TestExperts.BiologistUri).Take(2)],
        CodingConfirmed = true,
        StartDate = new DateOnly(2027, 3, 1),
        EndDate = new DateOnly(2027, 3, 21),
        Place = "Agadir",
        Mode = MissionMode.OnSite,
        BudgetMad = 45_000m,
    };

    [Fact]
    public void ProposeCoding_FrenchText_ProposesOccupationsAndSkillsFromTheTaxonomy()
    {
        using var db = database.NewContext();
        var needs = database.Needs(db, new FakeCurrentUser(Guid.NewGuid(), Roles.InstitutionMember));

        var proposal = needs.ProposeCoding("biologiste", "analyse de données, biologie moléculaire", "fr");

        Assert.NotEmpty(proposal.Occupations);
        Assert.Contains(proposal.Occupations, o => o.Uri == TestExperts.BiologistUri);
        Assert.All(proposal.Skills, s => Assert.True(CandidateTestDatabase.Esco.IsSkill(s.Uri)));
    }

    [Fact]
    public async Task Create_ThenRead_OwnInstitutionOnly()
    {
        var member = await MemberAsync();
        var other = await MemberAsync("UNIV-NEED-OTHER");
        await using var db = database.NewContext();

        var created = await database.Needs(db, member).CreateAsync(Need(), CancellationToken.None);

        Assert.True(created.Succeeded);
        await using var check = database.NewContext();
        var read = await database.Needs(check, member).GetAsync(created.Value!.Id, CancellationToken.None);
        Assert.Equal(("Agadir", NeedType.ExpertiseMission, true, 45_000m), (read!.Place, read.Type, read.CodingConfirmed, read.BudgetMad!.Value));
        Assert.Equal(member.InstitutionId, read.InstitutionId);
        Assert.Null(await database.Needs(check, other).GetAsync(created.Value.Id, CancellationToken.None));
        Assert.Equal(WriteOutcome.NotFound, (await database.Needs(check, other).UpdateAsync(created.Value.Id, Need(), CancellationToken.None)).Outcome);
        Assert.DoesNotContain((await database.Needs(check, other).ListAsync(new NeedSearch(), CancellationToken.None)).Items, n => n.Id == created.Value.Id);
    }

    [Fact]
    public async Task Update_ChangedCodingNotConfirmed_NeedBecomesUnconfirmedAndIsNotMatched()
    {
        var member = await MemberAsync();
        Guid id;
        await using (var db = database.NewContext())
        {
            id = (await database.Needs(db, member).CreateAsync(Need(), CancellationToken.None)).Value!.Id;
        }

        await using (var db = database.NewContext())
        {
            var sameCoding = await database.Needs(db, member).UpdateAsync(id, Need() with { Place = "Rabat", CodingConfirmed = false }, CancellationToken.None);
            Assert.True(sameCoding.Value!.CodingConfirmed);
            var changed = await database.Needs(db, member).UpdateAsync(id, Need() with { SkillUris = [], CodingConfirmed = false }, CancellationToken.None);
            Assert.False(changed.Value!.CodingConfirmed);
        }

        await using var check = database.NewContext();
        Assert.DoesNotContain(await database.Needs(check, member).OpenConfirmedAsync(CancellationToken.None), n => n.Id == id);
    }

    [Theory]
    [InlineData("title", "Title")]
    [InlineData("place", "Place")]
    [InlineData("occupation", "OccupationUri")]
    [InlineData("skill", "SkillUris")]
    [InlineData("nothing", "SkillUris")]
    [InlineData("period", "EndDate")]
    [InlineData("tooLong", "EndDate")]
    [InlineData("budget", "BudgetMad")]
    [InlineData("control", "Title")]
    public async Task Create_BadField_FieldErrorNamesIt(string bad, string field)
    {
        var member = await MemberAsync();
        var input = bad switch
        {
            "title" => Need() with { Title = " " },
            "place" => Need() with { Place = "" },
            "occupation" => Need() with { OccupationUri = "http://example.org/x" },
            "skill" => Need() with { SkillUris = [TestExperts.BiologistUri] },
            "nothing" => Need() with { OccupationUri = null, SkillUris = [] },
            "period" => Need() with { EndDate = new DateOnly(2027, 2, 1) },
            "tooLong" => Need() with { EndDate = new DateOnly(2030, 1, 1) },
            "budget" => Need() with { BudgetMad = -1m },
            _ => Need() with { Title = "Génome\u0007" },
        };
        await using var db = database.NewContext();

        var result = await database.Needs(db, member).CreateAsync(input, CancellationToken.None);

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.Contains(field, result.Errors.Keys);
    }
}
