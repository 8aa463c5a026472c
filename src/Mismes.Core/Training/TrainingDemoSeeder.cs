using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.Evaluation;
using Mismes.Core.People;
using Mismes.Core.Seeding;

namespace Mismes.Core.Training;

/// <summary>
/// Demo sessions of the seeded courses, so a newcomer's first run shows training at work: a 90-minute workshop held
/// last month that everyone completed, an E-Bosla Italian cohort half way through with attendance taken, and two
/// sessions still to come (German for the youth-to-Germany project, and the OFPPT harvest course that the skill-gap
/// advice recommends). Learners are demo people of the registry's first demo institution. Idempotent: nothing is
/// added once a demo session exists. Writes Training's own tables; people are read through People's directory.
/// </summary>
internal sealed class TrainingDemoSeeder(AppDbContext db, TimeProvider clock, OutcomeRecorder outcomes) : IDemoDataSeeder
{
    /// <summary>After the demo people (20) and their accounts (21).</summary>
    public int Order => 40;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<TrainingSession>().AnyAsync(s => s.IsDemo, ct))
        {
            return;
        }

        // The seeder runs outside any request: it reads the registry as the system, which sees every institution.
        var directory = new PersonDirectory(db, new SystemUser());
        var demo = await directory.DemoPeopleAsync(ct);
        if (demo.Count == 0)
        {
            return;
        }

        var institution = (await directory.InstitutionOfAsync(demo[0], ct))!.Value;
        var people = new List<Guid>();
        foreach (var id in demo.Take(60))
        {
            if (await directory.InstitutionOfAsync(id, ct) == institution)
            {
                people.Add(id);
            }
        }

        var courses = await db.Set<TrainingCourse>().ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, ct);
        string[] needed = ["anapec-living-working-abroad", "ebosla-italian-40h", "youth-germany-german-6m", "ofppt-greenhouse-harvest"];
        if (needed.Any(c => !courses.ContainsKey(c)) || people.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        var workshop = Session(courses["anapec-living-working-abroad"], institution, "ANAPEC Tanger", today.AddDays(-30), today.AddDays(-30), 25, now, [today.AddDays(-30)]);
        var italian = Session(courses["ebosla-italian-40h"], institution, "ANAPEC Béni Mellal", today.AddDays(-21), today.AddDays(35), 15, now,
            [.. Enumerable.Range(0, 9).Select(w => today.AddDays(-21 + (7 * w)))]);
        var german = Session(courses["youth-germany-german-6m"], institution, "Goethe-Institut Rabat", today.AddDays(30), today.AddDays(210), 20, now,
            [today.AddDays(30), today.AddDays(32), today.AddDays(37)]);
        var harvest = Session(courses["ofppt-greenhouse-harvest"], institution, "OFPPT Larache", today.AddDays(14), today.AddDays(28), 15, now,
            [today.AddDays(14), today.AddDays(15), today.AddDays(16)]);
        db.AddRange(workshop, italian, german, harvest);

        workshop.Sittings[0].AttendanceTakenAt = now.AddDays(-30);
        foreach (var person in people.Take(6))
        {
            var e = await EnrolAsync(workshop, courses["anapec-living-working-abroad"], person, now.AddDays(-35), ct);
            Attend(workshop.Sittings[0], e, present: true);
            e.Status = EnrolmentStatus.Completed;
            e.Result = "Atelier suivi";
            e.EndedAt = now.AddDays(-30);
            await outcomes.RecordAsync(new OutcomeInput
            {
                Kind = TrainingOutcomes.Completed, PersonId = person, InstitutionId = institution, At = e.EndedAt, Subject = "anapec-living-working-abroad",
            }, ct);
        }

        var pastSittings = italian.Sittings.Where(s => s.Date <= today).ToList();
        var n = 0;
        foreach (var person in people.Skip(2).Take(8))
        {
            var e = await EnrolAsync(italian, courses["ebosla-italian-40h"], person, now.AddDays(-25), ct);
            foreach (var (sitting, i) in pastSittings.Select((s, i) => (s, i)))
            {
                // Most come every week; one in four misses one sitting in three (attendance worth following up).
                Attend(sitting, e, present: n % 4 != 3 || i % 3 != 1);
                sitting.AttendanceTakenAt = now.AddDays(sitting.Date.DayNumber - today.DayNumber);
            }

            n++;
        }

        foreach (var person in people.Skip(10).Take(3))
        {
            await EnrolAsync(german, courses["youth-germany-german-6m"], person, now.AddDays(-3), ct);
        }

        await db.SaveChangesAsync(ct);
    }

    private static TrainingSession Session(TrainingCourse course, Guid institution, string place, DateOnly start, DateOnly end, int capacity, DateTimeOffset now, IReadOnlyList<DateOnly> sittings)
    {
        var session = new TrainingSession
        {
            Id = Guid.NewGuid(), CourseId = course.Id, InstitutionId = institution, Provider = course.Provider, Place = place, StartDate = start, EndDate = end,
            Hours = course.Hours, Capacity = capacity, CostPerLearner = course.CostPerLearner, CostCurrency = course.CostCurrency, IsDemo = true, CreatedAt = now, UpdatedAt = now,
        };
        session.Sittings.AddRange(sittings.Select(d => new TrainingSitting { Id = Guid.NewGuid(), SessionId = session.Id, Date = d, Hours = Math.Round(course.Hours / sittings.Count, 2) }));
        return session;
    }

    private async Task<TrainingEnrolment> EnrolAsync(TrainingSession session, TrainingCourse course, Guid person, DateTimeOffset at, CancellationToken ct)
    {
        var e = new TrainingEnrolment { Id = Guid.NewGuid(), SessionId = session.Id, PersonId = person, Status = EnrolmentStatus.Enrolled, EnrolledAt = at };
        db.Add(e);
        session.SeatsTaken++;
        await outcomes.RecordAsync(new OutcomeInput { Kind = TrainingOutcomes.Enrolled, PersonId = person, InstitutionId = session.InstitutionId, At = at, Subject = course.Code }, ct);
        return e;
    }

    private void Attend(TrainingSitting sitting, TrainingEnrolment e, bool present) =>
        db.Add(new TrainingAttendance { SittingId = sitting.Id, EnrolmentId = e.Id, Present = present });
}
