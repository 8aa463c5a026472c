using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Evaluation;
using Mismes.Core.Notifications;
using Mismes.Core.Placement.Candidates;
using Mismes.Core.Training;
using Mismes.Matching;
using Mismes.TestCommon;
using Mismes.TestCommon.Training;

namespace Mismes.Core.Tests.Training;

/// <summary>Sessions over the real database: validation, institution scope, capacity, attendance, completion and its effects.</summary>
public sealed class TrainingSessionServiceTests(TrainingTestDatabase database) : IClassFixture<TrainingTestDatabase>
{
    private async Task<FakeCurrentUser> AdvisorAsync(string code) => new(await database.AddInstitutionAsync(code), Roles.Advisor);

    [Fact]
    public async Task Create_BadInput_FieldErrorsForEachField()
    {
        var user = await AdvisorAsync("TRS-BAD");
        await using var db = database.NewContext();
        var start = new DateOnly(2026, 12, 1);

        var result = await database.Sessions(db, user).CreateAsync(new CreateSession
        {
            CourseId = Guid.NewGuid(), StartDate = start, EndDate = start.AddDays(-1), Capacity = 0, Hours = -2, CostPerLearner = 100, CostCurrency = "dirham",
            SittingDates = [start.AddDays(30)],
        }, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(
            ["Capacity", "CostCurrency", "CourseId", "EndDate", "Hours", "Place", "SittingDates"],
            result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(TrainingErrors.Full, TrainingErrors.All.Single(k => k == TrainingErrors.Full));
    }

    [Fact]
    public async Task Create_DefaultsProviderHoursAndCostToTheCourses()
    {
        var user = await AdvisorAsync("TRS-DEFAULT");

        var session = await database.AddSessionAsync(user, "ebosla-italian-40h");

        Assert.Equal(("ANAPEC / OIM", 40m, 1200m, "MAD"), (session.Provider, session.Hours, session.CostPerLearner, session.CostCurrency));
        Assert.Equal(2, session.Sittings.Count);
        Assert.Equal(10, session.SeatsLeft);
    }

    [Fact]
    public async Task Enrol_UpToCapacity_ThenFull_AndTwiceIsAConflict_WithOutcomeAndAudit()
    {
        var user = await AdvisorAsync("TRS-CAP");
        var session = await database.AddSessionAsync(user, "anapec-living-working-abroad", capacity: 2);
        var first = await database.AddPersonAsync(user);
        var second = await database.AddPersonAsync(user);
        var third = await database.AddPersonAsync(user);

        async Task<WriteResultSummary> Enrol(Guid person)
        {
            await using var db = database.NewContext();
            var r = await database.Sessions(db, user).EnrolAsync(session.Id, person, CancellationToken.None);
            return new(r.Outcome, r.ConflictKey);
        }

        Assert.Equal(Mismes.Core.Common.WriteOutcome.Ok, (await Enrol(first)).Outcome);
        Assert.Equal(TrainingErrors.AlreadyEnrolled, (await Enrol(first)).ConflictKey);
        Assert.Equal(Mismes.Core.Common.WriteOutcome.Ok, (await Enrol(second)).Outcome);
        Assert.Equal(TrainingErrors.Full, (await Enrol(third)).ConflictKey);

        await using var read = database.NewContext();
        var outcomes = await read.Set<OutcomeEvent>().Where(o => o.Kind == TrainingOutcomes.Enrolled && (o.PersonId == first || o.PersonId == second || o.PersonId == third)).ToListAsync();
        Assert.Equal(new[] { first, second }.Order(), outcomes.Select(o => o.PersonId).Order());
        Assert.All(outcomes, o => Assert.Equal("anapec-living-working-abroad", o.Subject));
        Assert.Equal(2, await read.Set<AuditEntry>().CountAsync(a => a.RecordType == TrainingSessionService.EnrolmentRecordType && a.Action == AuditAction.Create && a.Details == "session:" + session.Id));
        Assert.Equal(2, (await read.Set<TrainingSession>().SingleAsync(s => s.Id == session.Id)).SeatsTaken);
    }

    private sealed record WriteResultSummary(Mismes.Core.Common.WriteOutcome Outcome, string? ConflictKey);

    [Fact]
    public async Task OtherInstitution_SessionNotFound_AndTheirPersonCannotBeEnrolled()
    {
        var user = await AdvisorAsync("TRS-OWN");
        var other = await AdvisorAsync("TRS-OTHER");
        var session = await database.AddSessionAsync(user, "anapec-living-working-abroad");
        var theirs = await database.AddPersonAsync(other);
        var mine = await database.AddPersonAsync(user);
        await using var db = database.NewContext();

        Assert.Null(await database.Sessions(db, other).GetAsync(session.Id, CancellationToken.None));
        Assert.Equal(Mismes.Core.Common.WriteOutcome.NotFound, (await database.Sessions(db, other).EnrolAsync(session.Id, mine, CancellationToken.None)).Outcome);
        var result = await database.Sessions(db, user).EnrolAsync(session.Id, theirs, CancellationToken.None);
        Assert.Equal(["PersonId"], result.Errors.Keys);
        Assert.DoesNotContain(await database.Sessions(db, other).ListAsync(null, CancellationToken.None), s => s.Id == session.Id);
    }

    [Fact]
    public async Task Attendance_PresentAndAbsent_SavedAgainReplaces_AndTheReadIsAudited()
    {
        var user = await AdvisorAsync("TRS-ATT");
        var trainer = new FakeCurrentUser(user.InstitutionId, Roles.Trainer);
        var session = await database.AddSessionAsync(user, "ebosla-civic-20h");
        var a = await database.AddPersonAsync(user);
        var b = await database.AddPersonAsync(user);
        Guid ea, eb;
        await using (var db = database.NewContext())
        {
            ea = (await database.Sessions(db, user).EnrolAsync(session.Id, a, CancellationToken.None)).Value;
            eb = (await database.Sessions(db, user).EnrolAsync(session.Id, b, CancellationToken.None)).Value;
        }

        var sitting = session.Sittings[0].Id;
        await using (var db = database.NewContext())
        {
            Assert.True((await database.Sessions(db, trainer).RecordAttendanceAsync(session.Id, sitting, [ea, eb], CancellationToken.None)).Succeeded);
            Assert.True((await database.Sessions(db, trainer).RecordAttendanceAsync(session.Id, sitting, [ea], CancellationToken.None)).Succeeded);
            Assert.Equal(["Present"], (await database.Sessions(db, trainer).RecordAttendanceAsync(session.Id, sitting, [Guid.NewGuid()], CancellationToken.None)).Errors.Keys);
        }

        await using var read = database.NewContext();
        var record = (await database.Sessions(read, trainer).GetAsync(session.Id, CancellationToken.None))!;
        Assert.Equal(1, record.Enrolments.Single(e => e.Id == ea).SittingsAttended);
        Assert.Equal(0, record.Enrolments.Single(e => e.Id == eb).SittingsAttended);
        Assert.All(record.Enrolments, e => Assert.Equal(1, e.SittingsTaken));
        Assert.Equal(1, record.Session.Sittings[0].Present);
        Assert.True(await read.Set<AuditEntry>().AnyAsync(x => x.RecordType == TrainingSessionService.SessionRecordType && x.Action == AuditAction.Read && x.RecordId == session.Id.ToString()));
    }

    [Fact]
    public async Task Complete_AddsTheCoursesSkillsAsTrained_RecordsTheOutcome_AndFreesNoSeat()
    {
        var user = await AdvisorAsync("TRS-DONE");
        var session = await database.AddSessionAsync(user, "ofppt-greenhouse-harvest", capacity: 1);
        var person = await database.AddPersonAsync(user, email: "learner.done@example.org");
        Guid enrolment;
        await using (var db = database.NewContext())
        {
            enrolment = (await database.Sessions(db, user).EnrolAsync(session.Id, person, CancellationToken.None)).Value;
        }

        await using (var db = database.NewContext())
        {
            var done = await database.Sessions(db, user).CompleteAsync(session.Id, enrolment, new CompleteEnrolment { Completed = true, Result = "Certificat OFPPT" }, CancellationToken.None);
            Assert.True(done.Succeeded);
            var again = await database.Sessions(db, user).CompleteAsync(session.Id, enrolment, new CompleteEnrolment { Completed = true }, CancellationToken.None);
            Assert.Equal(TrainingErrors.Ended, again.ConflictKey);
        }

        await using var read = database.NewContext();
        var profile = (await database.Candidates(read, user).GetAsync(person, CancellationToken.None))!.Profile!;
        Assert.Equal(session.SkillUris, profile.Skills.Select(s => s.SkillUri).Order(StringComparer.Ordinal));
        Assert.All(profile.Skills, s => Assert.Equal(SkillEvidence.Trained, s.Evidence));
        var completed = await read.Set<OutcomeEvent>().SingleAsync(o => o.PersonId == person && o.Kind == TrainingOutcomes.Completed);
        Assert.Equal("ofppt-greenhouse-harvest", completed.Subject);
        var e = await read.Set<TrainingEnrolment>().SingleAsync(x => x.Id == enrolment);
        Assert.Equal((EnrolmentStatus.Completed, "Certificat OFPPT"), (e.Status, e.Result));
        Assert.Equal(1, (await read.Set<TrainingSession>().SingleAsync(s => s.Id == session.Id)).SeatsTaken);
        var mail = await read.Set<OutboxMessage>().SingleAsync(m => m.Recipient == "learner.done@example.org");
        Assert.Equal(TrainingMessageKinds.Enrolled, mail.Kind);
        Assert.Contains("Récolte et conditionnement des fruits rouges", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotCompleted_FreesTheSeat_AndAddsNoSkill()
    {
        var user = await AdvisorAsync("TRS-NOT");
        var session = await database.AddSessionAsync(user, "youth-germany-intercultural", capacity: 1);
        var person = await database.AddPersonAsync(user);
        await using var db = database.NewContext();
        var service = database.Sessions(db, user);
        var enrolment = (await service.EnrolAsync(session.Id, person, CancellationToken.None)).Value;

        Assert.True((await service.CompleteAsync(session.Id, enrolment, new CompleteEnrolment { Completed = false }, CancellationToken.None)).Succeeded);

        Assert.Equal(0, (await db.Set<TrainingSession>().AsNoTracking().SingleAsync(s => s.Id == session.Id)).SeatsTaken);
        Assert.Null((await database.Candidates(db, user).GetAsync(person, CancellationToken.None))!.Profile);
        Assert.False(await db.Set<OutcomeEvent>().AnyAsync(o => o.PersonId == person && o.Kind == TrainingOutcomes.Completed));
    }
}
