using Mismes.Core.Administration;
using Mismes.Core.People;
using Mismes.Core.Placement.Candidates;
using Mismes.Core.Placement.Matching;
using Mismes.Matching;
using CefrLevel = Mismes.Matching.CefrLevel;
using Mismes.TestCommon;
using Mismes.TestCommon.Placement;

namespace Mismes.Core.Tests.Placement.Candidates;

/// <summary>The in-memory index over the real database: built from it, kept current from the change feed, consent-gated.</summary>
public sealed class CandidateIndexTests(CandidateTestDatabase database) : IClassFixture<CandidateTestDatabase>
{
    private static readonly string Picker = TestEsco.Occupation("cueilleur de fruits");
    private static readonly IReadOnlyList<string> Essentials = TestEsco.EssentialSkillsOf(Picker);

    private async Task<Guid> CandidateAsync(FakeCurrentUser user, bool consent, int skills)
    {
        var person = await database.AddPersonAsync(user, consent);
        await using var db = database.NewContext();
        var result = await database.Candidates(db, user).SaveProfileAsync(person, new CandidateProfileInput
        {
            Occupations = [new OccupationExperienceInput(Picker, 12)],
            Skills = [.. Essentials.Take(skills).Select(s => new SkillEvidenceInput(s, SkillEvidence.Declared))],
            Languages = [new LanguageLevelInput("es", CefrLevel.B1)],
        }, CancellationToken.None);
        Assert.True(result.Succeeded);
        return person;
    }

    private static CandidateQuery Query(Guid institution) => new()
    {
        OccupationUri = Picker,
        EssentialSkillUris = [.. Essentials.Take(3)],
        InstitutionId = institution,
    };

    [Fact]
    public async Task Build_OnlyCandidatesWithCurrentConsent_Rankable()
    {
        var user = new FakeCurrentUser(await database.AddInstitutionAsync("ANAPEC-IDX-BUILD"), Roles.Advisor);
        var consenting = await CandidateAsync(user, consent: true, skills: 3);
        var silent = await CandidateAsync(user, consent: false, skills: 3);
        using var index = new CandidateIndex(CandidateTestDatabase.Esco.Taxonomy);
        await using var db = database.NewContext();

        await database.Feed(db, index).BuildAsync(CancellationToken.None);
        var ranking = await index.RankAsync(Query(user.InstitutionId!.Value), 10, CancellationToken.None);

        Assert.True(index.IsReady);
        var ranked = Assert.Single(ranking.Value!.Candidates);
        Assert.Equal(consenting, ranked.PersonId);
        Assert.DoesNotContain(ranking.Value.Candidates, c => c.PersonId == silent);
    }

    [Fact]
    public async Task Rank_ExplainsScoreAndSkillGap()
    {
        var user = new FakeCurrentUser(await database.AddInstitutionAsync("ANAPEC-IDX-GAP"), Roles.Advisor);
        var full = await CandidateAsync(user, consent: true, skills: 3);
        var partial = await CandidateAsync(user, consent: true, skills: 1);
        using var index = new CandidateIndex(CandidateTestDatabase.Esco.Taxonomy);
        await using var db = database.NewContext();
        await database.Feed(db, index).BuildAsync(CancellationToken.None);

        var ranking = (await index.RankAsync(Query(user.InstitutionId!.Value), 10, CancellationToken.None)).Value!;

        Assert.Equal([full, partial], ranking.Candidates.Select(c => c.PersonId));
        Assert.Empty(ranking.Candidates[0].MissingEssentialSkillUris);
        Assert.Equal(Essentials.Skip(1).Take(2).Order(StringComparer.Ordinal), ranking.Candidates[1].MissingEssentialSkillUris.Order(StringComparer.Ordinal));
        Assert.Contains(ranking.Candidates[1].MatchedSkills, m => m.RequiredUri == Essentials[0] && m.Kind == SkillMatchKind.Exact);
        Assert.True(ranking.Candidates[0].Breakdown.EssentialSkills > ranking.Candidates[1].Breakdown.EssentialSkills);
    }

    [Fact]
    public async Task CatchUp_ProfileSavedAndConsentGivenThenWithdrawn_FollowsTheFeed()
    {
        var user = new FakeCurrentUser(await database.AddInstitutionAsync("ANAPEC-IDX-FEED"), Roles.Advisor);
        using var index = new CandidateIndex(CandidateTestDatabase.Esco.Taxonomy);
        await using (var db = database.NewContext())
        {
            await database.Feed(db, index).BuildAsync(CancellationToken.None);
        }

        var person = await CandidateAsync(user, consent: false, skills: 2);
        await CatchUpAsync(index);
        Assert.Empty((await index.RankAsync(Query(user.InstitutionId!.Value), 10, CancellationToken.None)).Value!.Candidates);

        await using (var db = database.NewContext())
        {
            await database.People(db, user).GiveConsentAsync(person, ConsentPurpose.ShareProfileWithForeignEmployers, ConsentChannel.InPerson, null, CancellationToken.None);
        }

        await CatchUpAsync(index);
        Assert.Equal(person, Assert.Single((await index.RankAsync(Query(user.InstitutionId!.Value), 10, CancellationToken.None)).Value!.Candidates).PersonId);

        await using (var db = database.NewContext())
        {
            await database.People(db, user).WithdrawConsentAsync(person, ConsentPurpose.ShareProfileWithForeignEmployers, ConsentChannel.Phone, CancellationToken.None);
        }

        await CatchUpAsync(index);
        Assert.Empty((await index.RankAsync(Query(user.InstitutionId!.Value), 10, CancellationToken.None)).Value!.Candidates);
    }

    [Fact]
    public async Task CatchUp_ChangeAlreadyApplied_NotAppliedAgain()
    {
        var user = new FakeCurrentUser(await database.AddInstitutionAsync("ANAPEC-IDX-ONCE"), Roles.Advisor);
        using var index = new CandidateIndex(CandidateTestDatabase.Esco.Taxonomy);
        await using (var db = database.NewContext())
        {
            await database.Feed(db, index).BuildAsync(CancellationToken.None);
        }

        await CandidateAsync(user, consent: true, skills: 1);
        var first = await CatchUpAsync(index);
        var second = await CatchUpAsync(index);

        Assert.True(first >= 1);
        Assert.Equal(0, second);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    public async Task Rank_KOutOfRange_FieldError(int k)
    {
        using var index = new CandidateIndex(CandidateTestDatabase.Esco.Taxonomy);

        var result = await index.RankAsync(new CandidateQuery { OccupationUri = Picker }, k, CancellationToken.None);

        Assert.Contains("K", result.Errors.Keys);
    }

    [Fact]
    public async Task Rank_UnknownUris_FieldErrors()
    {
        using var index = new CandidateIndex(CandidateTestDatabase.Esco.Taxonomy);

        var result = await index.RankAsync(new CandidateQuery { OccupationUri = "x", EssentialSkillUris = [Picker] }, 5, CancellationToken.None);

        Assert.Contains("OccupationUri", result.Errors.Keys);
        Assert.Contains("EssentialSkillUris", result.Errors.Keys);
    }

    private async Task<int> CatchUpAsync(CandidateIndex index)
    {
        await using var db = database.NewContext();
        return await database.Feed(db, index).CatchUpAsync(CancellationToken.None);
    }
}
