using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Notifications;
using Mismes.Core.Placement.Candidates;
using Mismes.Core.Placement.Vacancies;
using Mismes.Core.Training;
using Mismes.Matching;
using Mismes.TestCommon;
using Mismes.TestCommon.Placement;
using Mismes.TestCommon.Training;
using CefrLevel = Mismes.Matching.CefrLevel;

namespace Mismes.Core.Tests.Training;

/// <summary>
/// Issue 9's closed loop on the real ESCO data and the real matching index: a fruit picker's skill gap for a vacancy
/// she nearly matches, the session that closes it recommended first, completion adding the skills as "trained", and
/// the new ranking putting her above the candidate who outranked her — with the mail saying she now fits.
/// </summary>
public sealed class ClosingTheLoopTests(TrainingTestDatabase database) : IClassFixture<TrainingTestDatabase>
{
    private static readonly string Picker = TestEsco.Occupation("cueilleur de fruits");
    private static readonly IReadOnlyList<string> Essentials = TestEsco.EssentialSkillsOf(Picker);

    private async Task<Guid> CandidateAsync(FakeCurrentUser user, int skills, string? email)
    {
        var person = await database.AddPersonAsync(user, email, consent: true);
        await using var db = database.NewContext();
        var saved = await database.Candidates(db, user).SaveProfileAsync(person, new CandidateProfileInput
        {
            Occupations = [new OccupationExperienceInput(Picker, 12)],
            Skills = [.. Essentials.Take(skills).Select(s => new SkillEvidenceInput(s, SkillEvidence.Declared))],
            Languages = [new LanguageLevelInput("es", CefrLevel.B1)],
        }, CancellationToken.None);
        Assert.True(saved.Succeeded);
        return person;
    }

    private async Task<Guid> CourseAsync(string code, IEnumerable<string> skills)
    {
        await using var db = database.NewContext();
        var id = Guid.NewGuid();
        var course = new TrainingCourse { Id = id, Code = code, Title = "Cours " + code, Kind = CourseKind.Vocational, Hours = 30, Provider = "OFPPT" };
        course.Skills.AddRange(skills.Select(s => new TrainingCourseSkill { CourseId = id, SkillUri = s }));
        db.Add(course);
        await db.SaveChangesAsync();
        return id;
    }

    private async Task<SessionView> SessionAsync(FakeCurrentUser user, Guid course, int startInDays, string place)
    {
        await using var db = database.NewContext();
        var start = DateOnly.FromDateTime(database.Clock.GetUtcNow().UtcDateTime).AddDays(startInDays);
        var created = await database.Sessions(db, user).CreateAsync(new CreateSession
        {
            CourseId = course, Place = place, StartDate = start, EndDate = start.AddDays(10), Capacity = 12, SittingDates = [start],
        }, CancellationToken.None);
        Assert.True(created.Succeeded, string.Join(",", created.Errors.Keys));
        return created.Value!;
    }

    private async Task<int> RankOfAsync(Guid vacancy, Guid person)
    {
        await using var db = database.NewContext();
        var list = await database.Vacancies(db, new SystemUser()).FindAsync(vacancy, CancellationToken.None);
        var ranking = await database.Index.RankAsync(TrainingGapService.QueryOf(list!), 50, CancellationToken.None);
        return ranking.Value!.Candidates.Select(c => c.PersonId).ToList().IndexOf(person);
    }

    [Fact]
    public async Task SkillGap_RecommendedSession_Completion_ProfileTrained_AndSheRanksHigher()
    {
        Assert.True(Essentials.Count >= 4, "the ESCO fruit picker has at least four essential skills");
        var advisor = new FakeCurrentUser(await database.AddInstitutionAsync("TRS-LOOP"), Roles.Advisor);
        var her = await CandidateAsync(advisor, skills: 2, email: "salma.loop@example.org");
        var rival = await CandidateAsync(advisor, skills: 3, email: null);
        Guid vacancy;
        await using (var db = database.NewContext())
        {
            var created = await database.Vacancies(db, advisor).CreateAsync(VacancyBuilder.Valid("Cueillette de fraises, Huelva") with
            {
                OccupationUri = Picker, EssentialSkillUris = [.. Essentials.Take(4)], ExperienceMonths = 0, Status = VacancyStatus.Open,
            }, CancellationToken.None);
            Assert.True(created.Succeeded, string.Join(",", created.Errors.Keys));
            vacancy = created.Value!.Id;
        }

        var gapCourse = await CourseAsync("loop-gap", [Essentials[2], Essentials[3]]);
        var halfCourse = await CourseAsync("loop-half", [Essentials[2]]);
        var closesAll = await SessionAsync(advisor, gapCourse, startInDays: 20, place: "Larache");
        var closesHalf = await SessionAsync(advisor, halfCourse, startInDays: 5, place: "Kénitra");
        var later = await SessionAsync(advisor, gapCourse, startInDays: 40, place: "Agadir");
        await database.BuildIndexAsync();
        var before = await RankOfAsync(vacancy, her);
        Assert.True(before > await RankOfAsync(vacancy, rival), "before training the rival, with one more essential skill, ranks above her");

        // 1–2. Her gap for the vacancy she nearly matches, and the sessions that close it: most of the gap first, then the soonest.
        TrainingAdvice advice;
        await using (var db = database.NewContext())
        {
            advice = await database.Gaps(db, advisor).AdviseAsync(her, CancellationToken.None);
        }

        Assert.True(advice.Rankable);
        var near = Assert.Single(advice.NearVacancies, v => v.VacancyId == vacancy);
        Assert.Equal(Essentials.Skip(2).Take(2).Order(StringComparer.Ordinal), near.MissingEssentialSkillUris.Order(StringComparer.Ordinal));
        Assert.Equal([closesAll.Id, later.Id, closesHalf.Id], advice.Sessions.Select(r => r.Session.Id));
        Assert.Contains(advice.Sessions[0].WouldFit, v => v.VacancyId == vacancy);
        Assert.Empty(advice.Sessions[2].WouldFit);

        // 3. Enrol and complete: the course's skills enter her profile as "trained", and the mail says she now fits.
        await using (var db = database.NewContext())
        {
            var sessions = database.Sessions(db, advisor);
            var enrolment = await sessions.EnrolAsync(closesAll.Id, her, CancellationToken.None);
            Assert.True(enrolment.Succeeded);
            Assert.True((await sessions.CompleteAsync(closesAll.Id, enrolment.Value, new CompleteEnrolment { Completed = true, Result = "Validé" }, CancellationToken.None)).Succeeded);
        }

        await using (var db = database.NewContext())
        {
            var profile = (await database.Candidates(db, advisor).GetAsync(her, CancellationToken.None))!.Profile!;
            Assert.Equal(SkillEvidence.Trained, profile.Skills.Single(s => s.SkillUri == Essentials[2]).Evidence);
            Assert.Equal(SkillEvidence.Trained, profile.Skills.Single(s => s.SkillUri == Essentials[3]).Evidence);
            Assert.Equal(SkillEvidence.Declared, profile.Skills.Single(s => s.SkillUri == Essentials[0]).Evidence);
            var mails = await db.Set<OutboxMessage>().Where(m => m.Recipient == "salma.loop@example.org").ToListAsync();
            Assert.Equal(new[] { TrainingMessageKinds.Enrolled, TrainingMessageKinds.NowFits }.Order(StringComparer.Ordinal), mails.Select(m => m.Kind).Order(StringComparer.Ordinal));
            Assert.Contains("Cueillette de fraises, Huelva", mails.Single(m => m.Kind == TrainingMessageKinds.NowFits).TextBody, StringComparison.Ordinal);
        }

        // 4. Matched again: the index follows the change feed, and she now ranks above the rival.
        await database.CatchUpAsync();
        var after = await RankOfAsync(vacancy, her);
        Assert.True(after < before, $"rank {after} after training, {before} before");
        Assert.True(after < await RankOfAsync(vacancy, rival));
        await using (var db = database.NewContext())
        {
            Assert.DoesNotContain((await database.Gaps(db, advisor).NearVacanciesAsync(her, CancellationToken.None))!, v => v.VacancyId == vacancy);
        }
    }

    [Fact]
    public async Task Advice_WithoutConsent_IsNotRankable()
    {
        var advisor = new FakeCurrentUser(await database.AddInstitutionAsync("TRS-NOCONSENT"), Roles.Advisor);
        var person = await database.AddPersonAsync(advisor);
        await database.BuildIndexAsync();
        await using var db = database.NewContext();

        var advice = await database.Gaps(db, advisor).AdviseAsync(person, CancellationToken.None);

        Assert.False(advice.Rankable);
        Assert.Empty(advice.Sessions);
    }
}
