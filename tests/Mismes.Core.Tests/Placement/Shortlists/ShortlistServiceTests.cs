using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Common;
using Mismes.Core.Data;
using Mismes.Core.Evaluation;
using Mismes.Core.People;
using Mismes.Core.Placement.Candidates;
using Mismes.Core.Placement.Matching;
using Mismes.Core.Placement.Shortlists;
using Mismes.Core.Placement.Vacancies;
using Mismes.Matching;
using Mismes.TestCommon;
using Mismes.TestCommon.Placement;
using CefrLevel = Mismes.Matching.CefrLevel;

namespace Mismes.Core.Tests.Placement.Shortlists;

/// <summary>Shortlists over the real database and index: consent-gated, every status by a person with its history, sending audited and counted.</summary>
public sealed class ShortlistServiceTests(CandidateTestDatabase database) : IClassFixture<CandidateTestDatabase>, IDisposable
{
    private static readonly string Picker = TestEsco.Occupation("cueilleur de fruits");
    private static readonly IReadOnlyList<string> Essentials = TestEsco.EssentialSkillsOf(Picker);
    private readonly CandidateIndex _index = new(CandidateTestDatabase.Esco.Taxonomy);

    public void Dispose() => _index.Dispose();

    private PersonService People(AppDbContext db, ICurrentUser user) =>
        new(db, user, new AuditLog(db, user, database.Clock), database.Clock, database.Logs.Logger<PersonService>(),
            [new CandidateConsentObserver(db, database.Clock), new ShortlistConsentObserver(db, database.Clock)]);

    private ShortlistService Service(AppDbContext db, ICurrentUser user) => new(
        db, user, new AuditLog(db, user, database.Clock), database.Clock, _index,
        new VacancyService(db, user, new AuditLog(db, user, database.Clock), database.Clock, CandidateTestDatabase.Esco),
        new OutcomeRecorder(db, People(db, new SystemUser()), database.Clock), new PersonDirectory(db, user));

    private sealed record Setup(FakeCurrentUser Advisor, FakeCurrentUser Employer, Guid VacancyId, IReadOnlyList<long> Candidates, IReadOnlyList<Guid> People);

    private async Task<Setup> SetupAsync(string code, int candidates)
    {
        var institution = await database.AddInstitutionAsync(code);
        var employerInstitution = await database.AddInstitutionAsync(code + "-EMP");
        await using (var db = database.NewContext())
        {
            (await db.Set<Institution>().FindAsync(employerInstitution))!.Kind = InstitutionKind.Employer;
            await db.SaveChangesAsync();
        }

        var advisor = new FakeCurrentUser(institution, Roles.Advisor);
        var people = new List<Guid>();
        for (var i = 0; i < candidates; i++)
        {
            var person = await database.AddPersonAsync(advisor, consent: true);
            await using var db = database.NewContext();
            var saved = await database.Candidates(db, advisor).SaveProfileAsync(person, new CandidateProfileInput
            {
                Occupations = [new OccupationExperienceInput(Picker, 12 + i)],
                Skills = [.. Essentials.Take(1 + (i % 3)).Select(s => new SkillEvidenceInput(s, SkillEvidence.Declared))],
                Languages = [new LanguageLevelInput("es", CefrLevel.B1)],
            }, CancellationToken.None);
            Assert.True(saved.Succeeded);
            people.Add(person);
        }

        Guid vacancyId;
        await using (var db = database.NewContext())
        {
            var created = await new VacancyService(db, advisor, new AuditLog(db, advisor, database.Clock), database.Clock, CandidateTestDatabase.Esco)
                .CreateAsync(VacancyBuilder.Valid() with
                {
                    OccupationUri = Picker,
                    EssentialSkillUris = [.. Essentials.Take(3)],
                    EmployerInstitutionId = employerInstitution,
                    ExperienceMonths = 0,
                }, CancellationToken.None);
            Assert.True(created.Succeeded, string.Join(",", created.Errors.Keys));
            vacancyId = created.Value!.Id;
        }

        await using (var db = database.NewContext())
        {
            await database.Feed(db, _index).BuildAsync(CancellationToken.None);
        }

        await using (var db = database.NewContext())
        {
            var ids = await db.Set<Candidate>().Where(c => people.Contains(c.PersonId)).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
            return new Setup(advisor, new FakeCurrentUser(employerInstitution, Roles.Employer), vacancyId, ids, people);
        }
    }

    [Fact]
    public async Task Rank_ForVacancy_ExplainsEachCandidate()
    {
        var s = await SetupAsync("SL-RANK", 3);
        await using var db = database.NewContext();

        var ranking = await Service(db, s.Advisor).RankAsync(s.VacancyId, 10, CancellationToken.None);

        Assert.True(ranking.Succeeded);
        Assert.Equal(3, ranking.Value!.Candidates.Count(c => s.Candidates.Contains(c.CandidateId)));
        Assert.Contains(ranking.Value.Candidates, c => c.MissingEssentialSkillUris.Count > 0);
    }

    [Fact]
    public async Task Propose_PreSelect_Send_RecordsHistoryTransferAuditOutcomeAndTimeToShortlist()
    {
        var s = await SetupAsync("SL-SEND", 4);
        await using (var db = database.NewContext())
        {
            var proposed = await Service(db, s.Advisor).ProposeAsync(s.VacancyId, s.Candidates, CancellationToken.None);
            Assert.True(proposed.Succeeded);
            Assert.Equal(4, proposed.Value);
        }

        await using (var db = database.NewContext())
        {
            var service = Service(db, s.Advisor);
            var list = await service.ListAsync(s.VacancyId, CancellationToken.None);
            foreach (var entry in list.Take(3))
            {
                Assert.True((await service.SetStatusAsync(entry.Id, ShortlistStatus.PreSelected, null, CancellationToken.None)).Succeeded);
            }
        }

        await using (var db = database.NewContext())
        {
            var sent = await Service(db, s.Advisor).SendAsync(s.VacancyId, CancellationToken.None);
            Assert.Equal(3, sent.Value);
        }

        await using (var db = database.NewContext())
        {
            var list = await Service(db, s.Advisor).ListAsync(s.VacancyId, CancellationToken.None);
            Assert.Equal(3, list.Count(e => e.Status == ShortlistStatus.SentToEmployer));
            var one = list.First(e => e.Status == ShortlistStatus.SentToEmployer);
            Assert.Equal([ShortlistStatus.Proposed, ShortlistStatus.PreSelected, ShortlistStatus.SentToEmployer], one.History.Select(h => h.Status));
            Assert.All(one.History, h => Assert.Equal(s.Advisor.UserId, h.By));
            Assert.NotNull((await db.Set<Vacancy>().SingleAsync(v => v.Id == s.VacancyId)).ShortlistSentAt);
            Assert.Equal(3, await db.Set<OutcomeEvent>().CountAsync(o => o.Kind == ShortlistOutcomes.Shortlisted && s.People.Contains(o.PersonId) && o.Country == "ES"));
            var ids = list.Select(e => e.Id.ToString()).ToList();
            Assert.Equal(3, await db.Set<AuditEntry>().CountAsync(a => a.Action == AuditAction.Export && ids.Contains(a.RecordId) && a.Details == "transfer:ES"));
        }
    }

    [Fact]
    public async Task Employer_SeesOnlySentCandidates_OtherEmployerNothing()
    {
        var s = await SetupAsync("SL-EMP", 3);
        var other = await SetupAsync("SL-EMP2", 1);
        await using (var db = database.NewContext())
        {
            var service = Service(db, s.Advisor);
            await service.ProposeAsync(s.VacancyId, s.Candidates, CancellationToken.None);
            var first = (await service.ListAsync(s.VacancyId, CancellationToken.None))[0];
            await service.SetStatusAsync(first.Id, ShortlistStatus.PreSelected, null, CancellationToken.None);
            await service.SendAsync(s.VacancyId, CancellationToken.None);
        }

        await using (var db = database.NewContext())
        {
            var seen = await Service(db, s.Employer).ListAsync(s.VacancyId, CancellationToken.None);
            Assert.Equal(ShortlistStatus.SentToEmployer, Assert.Single(seen).Status);
            Assert.Empty(await Service(db, other.Employer).ListAsync(s.VacancyId, CancellationToken.None));
            Assert.Equal(WriteOutcome.NotFound, (await Service(db, s.Employer).RankAsync(s.VacancyId, 10, CancellationToken.None)).Outcome);
        }
    }

    [Fact]
    public async Task NotRetained_NeedsReason_AndNoSkippingStatuses()
    {
        var s = await SetupAsync("SL-REASON", 1);
        await using var db = database.NewContext();
        var service = Service(db, s.Advisor);
        await service.ProposeAsync(s.VacancyId, s.Candidates, CancellationToken.None);
        var entry = Assert.Single(await service.ListAsync(s.VacancyId, CancellationToken.None));

        var noReason = await service.SetStatusAsync(entry.Id, ShortlistStatus.NotRetained, "  ", CancellationToken.None);
        var skip = await service.SetStatusAsync(entry.Id, ShortlistStatus.Hired, null, CancellationToken.None);
        var withReason = await service.SetStatusAsync(entry.Id, ShortlistStatus.NotRetained, "Disponible seulement en juin", CancellationToken.None);

        Assert.Equal(ShortlistErrors.ReasonRequired, noReason.Errors["Reason"][0]);
        Assert.Equal(ShortlistErrors.Transition, skip.Errors["Status"][0]);
        Assert.Equal("Disponible seulement en juin", withReason.Value!.Reason);
    }

    [Fact]
    public async Task Hired_Departed_Returned_RecordOutcomes()
    {
        var s = await SetupAsync("SL-HIRE", 1);
        await using var db = database.NewContext();
        var service = Service(db, s.Advisor);
        await service.ProposeAsync(s.VacancyId, s.Candidates, CancellationToken.None);
        var entry = Assert.Single(await service.ListAsync(s.VacancyId, CancellationToken.None));
        await service.SetStatusAsync(entry.Id, ShortlistStatus.PreSelected, null, CancellationToken.None);
        await service.SendAsync(s.VacancyId, CancellationToken.None);

        Assert.True((await Service(db, s.Employer).SetStatusAsync(entry.Id, ShortlistStatus.Hired, null, CancellationToken.None)).Succeeded);
        Assert.True((await service.SetStatusAsync(entry.Id, ShortlistStatus.Departed, null, CancellationToken.None)).Succeeded);
        Assert.True((await service.SetStatusAsync(entry.Id, ShortlistStatus.Returned, null, CancellationToken.None)).Succeeded);

        var kinds = await db.Set<OutcomeEvent>().Where(o => o.PersonId == s.People[0]).Select(o => o.Kind).ToListAsync();
        Assert.Contains(ShortlistOutcomes.Hired, kinds);
        Assert.Contains(ShortlistOutcomes.Departed, kinds);
        Assert.Contains(ShortlistOutcomes.Returned, kinds);
    }

    [Fact]
    public async Task ConsentWithdrawn_TakesCandidateOffOpenShortlists_AndBlocksProposing()
    {
        var s = await SetupAsync("SL-CONSENT", 2);
        await using (var db = database.NewContext())
        {
            await Service(db, s.Advisor).ProposeAsync(s.VacancyId, [s.Candidates[0]], CancellationToken.None);
        }

        await using (var db = database.NewContext())
        {
            foreach (var person in s.People)
            {
                var withdrawn = await People(db, s.Advisor).WithdrawConsentAsync(person, ConsentPurpose.ShareProfileWithForeignEmployers, ConsentChannel.InPerson, CancellationToken.None);
                Assert.Equal(PersonOutcome.Ok, withdrawn.Outcome);
            }
        }

        await using (var db = database.NewContext())
        {
            var entry = Assert.Single(await Service(db, s.Advisor).ListAsync(s.VacancyId, CancellationToken.None));
            Assert.Equal(ShortlistStatus.ConsentWithdrawn, entry.Status);
            Assert.Equal(ShortlistStatus.ConsentWithdrawn, entry.History[^1].Status);
            // The index has not applied the feed yet here: the database's consent still decides.
            var proposed = await Service(db, s.Advisor).ProposeAsync(s.VacancyId, [s.Candidates[1]], CancellationToken.None);
            Assert.Equal(ShortlistErrors.NoConsent, proposed.Errors["CandidateIds"][0]);
        }
    }
}
