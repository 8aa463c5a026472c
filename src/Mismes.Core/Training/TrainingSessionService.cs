using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Common;
using Mismes.Core.Data;
using Mismes.Core.Evaluation;
using Mismes.Core.People;
using Mismes.Core.Placement.Candidates;
using Mismes.Matching;

namespace Mismes.Core.Training;

/// <summary>
/// Sessions (cohorts) of catalogue courses: enrolment of registry people within the capacity, attendance per sitting,
/// completion with a result. Sessions belong to an institution and staff see only their own (another's is "not
/// found"); who is enrolled is personal, so showing a session's learners is audited. Enrolment and completion record
/// their outcome event in the same SaveChanges; a completed course adds its skills to the learner's placement profile
/// with the evidence "trained", through Placement's CandidateService (ADR 0038).
/// </summary>
public sealed class TrainingSessionService(
    AppDbContext db, ICurrentUser user, AuditLog audit, TimeProvider clock, PersonDirectory people, OutcomeRecorder outcomes,
    CandidateService candidates, TrainingNotifier notifier)
{
    public const string SessionRecordType = "TrainingSession";
    public const string EnrolmentRecordType = "TrainingEnrolment";
    public const int MaxCapacity = 1000;
    public const int MaxSittings = 400;
    public const decimal MaxCost = 10_000_000m;

    private IQueryable<TrainingSession> Visible() => db.Set<TrainingSession>().VisibleTo(user, s => s.InstitutionId);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<WriteResult<SessionView>> CreateAsync(CreateSession request, CancellationToken ct)
    {
        if (user.InstitutionId is not { } institution)
        {
            return WriteResult<SessionView>.Invalid("CourseId", TrainingErrors.Required);
        }

        var course = await db.Set<TrainingCourse>().AsNoTracking().Include(c => c.Skills).FirstOrDefaultAsync(c => c.Id == request.CourseId, ct);
        var errors = Validate(request, course is not null);
        if (!errors.IsEmpty)
        {
            return WriteResult<SessionView>.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var hours = request.Hours ?? course!.Hours;
        var session = new TrainingSession
        {
            Id = Guid.CreateVersion7(now),
            CourseId = course!.Id,
            InstitutionId = institution,
            Provider = string.IsNullOrWhiteSpace(request.Provider) ? course.Provider : request.Provider.Trim(),
            Place = string.IsNullOrWhiteSpace(request.Place) ? null : request.Place.Trim(),
            Online = request.Online,
            StartDate = request.StartDate,
            EndDate = request.EndDate,
            Hours = hours,
            Capacity = request.Capacity,
            CostPerLearner = request.CostPerLearner ?? course.CostPerLearner,
            CostCurrency = request.CostPerLearner is null ? course.CostCurrency : request.CostCurrency?.Trim().ToUpperInvariant(),
            IsDemo = request.IsDemo,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var dates = request.SittingDates.Distinct().Order().ToList();
        foreach (var date in dates)
        {
            session.Sittings.Add(new TrainingSitting { Id = Guid.NewGuid(), SessionId = session.Id, Date = date, Hours = Math.Round(hours / dates.Count, 2) });
        }

        db.Add(session);
        audit.Add(AuditAction.Create, SessionRecordType, Key(session.Id));
        await db.SaveChangesAsync(ct);
        return WriteResult<SessionView>.Ok(ToView(session, course, new Dictionary<Guid, int>()));
    }

    /// <summary>Field errors of a new session (resource keys), without touching the database.</summary>
    public static FieldErrors Validate(CreateSession r, bool courseExists)
    {
        var errors = new FieldErrors();
        if (!courseExists)
        {
            errors.Add("CourseId", TrainingErrors.Course);
        }

        if (r.Provider is { Length: > TrainingLimits.Provider })
        {
            errors.Add("Provider", TrainingErrors.TooLong);
        }

        if (r.Place is { Length: > TrainingLimits.Place })
        {
            errors.Add("Place", TrainingErrors.TooLong);
        }

        if (!r.Online && string.IsNullOrWhiteSpace(r.Place))
        {
            errors.Add("Place", TrainingErrors.Place);
        }

        if (r.EndDate < r.StartDate || r.StartDate.Year < 2000 || r.EndDate.Year > 2100)
        {
            errors.Add("EndDate", TrainingErrors.Dates);
        }

        if (r.Hours is { } h && (h <= 0 || h > TrainingLimits.MaxHours))
        {
            errors.Add("Hours", TrainingErrors.Hours);
        }

        if (r.Capacity is < 1 or > MaxCapacity)
        {
            errors.Add("Capacity", TrainingErrors.Capacity);
        }

        if (r.CostPerLearner is { } cost && (cost < 0 || cost > MaxCost))
        {
            errors.Add("CostPerLearner", TrainingErrors.Cost);
        }

        if (r.CostPerLearner is not null && (r.CostCurrency?.Trim() is not { Length: 3 } currency || !currency.All(char.IsAsciiLetter)))
        {
            errors.Add("CostCurrency", TrainingErrors.Currency);
        }

        if (r.SittingDates.Count > MaxSittings || r.SittingDates.Any(d => d < r.StartDate || d > r.EndDate))
        {
            errors.Add("SittingDates", TrainingErrors.Sitting);
        }

        return errors;
    }

    /// <summary>The institution's sessions, soonest first; with <paramref name="fromDate"/>, only those not ended by then.</summary>
    public async Task<IReadOnlyList<SessionView>> ListAsync(DateOnly? fromDate, CancellationToken ct)
    {
        var query = Visible().AsNoTracking().Include(s => s.Sittings).AsQueryable();
        if (fromDate is { } from)
        {
            query = query.Where(s => s.EndDate >= from);
        }

        var sessions = await query.OrderBy(s => s.StartDate).ThenBy(s => s.Id).Take(500).ToListAsync(ct);
        return await ViewsAsync(sessions, ct);
    }

    /// <summary>A session, its learners and attendance; null when not visible. Audited (the learners are personal).</summary>
    public async Task<SessionRecord?> GetAsync(Guid id, CancellationToken ct)
    {
        var session = await Visible().AsNoTracking().Include(s => s.Sittings).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return null;
        }

        var view = (await ViewsAsync([session], ct))[0];
        var enrolments = await db.Set<TrainingEnrolment>().AsNoTracking().Where(e => e.SessionId == id).ToListAsync(ct);
        var sittingIds = session.Sittings.Select(s => s.Id).ToList();
        var present = (await db.Set<TrainingAttendance>().AsNoTracking()
            .Where(a => sittingIds.Contains(a.SittingId) && a.Present)
            .Select(a => new { a.SittingId, a.EnrolmentId }).ToListAsync(ct))
            .Select(a => (a.SittingId, a.EnrolmentId)).ToHashSet();
        var taken = session.Sittings.Count(s => s.AttendanceTakenAt is not null);
        var names = await people.SummariesAsync(enrolments.Select(e => e.PersonId).ToList(), ct);
        var items = enrolments.Where(e => names.ContainsKey(e.PersonId))
            .Select(e =>
            {
                var p = names[e.PersonId];
                return new EnrolmentView(e.Id, e.PersonId, p.FirstNameLatin, p.LastNameLatin, p.FirstNameArabic, p.LastNameArabic,
                    e.Status, e.Result, e.EnrolledAt, e.EndedAt, present.Count(x => x.EnrolmentId == e.Id), taken);
            })
            .OrderBy(e => e.LastNameLatin, StringComparer.CurrentCulture).ThenBy(e => e.FirstNameLatin, StringComparer.CurrentCulture).ThenBy(e => e.Id)
            .ToList();
        audit.Add(AuditAction.Read, SessionRecordType, Key(id), string.Create(CultureInfo.InvariantCulture, $"learners:{items.Count}"));
        await db.SaveChangesAsync(ct);
        return new SessionRecord(view, items, present);
    }

    /// <summary>The sessions a person is enrolled in (their training history), for a person the user may see.</summary>
    public async Task<IReadOnlyList<(SessionView Session, EnrolmentStatus Status, string? Result)>> OfPersonAsync(Guid personId, CancellationToken ct)
    {
        if (await people.InstitutionOfAsync(personId, ct) is null)
        {
            return [];
        }

        var enrolments = await db.Set<TrainingEnrolment>().AsNoTracking().Where(e => e.PersonId == personId).ToListAsync(ct);
        var ids = enrolments.Select(e => e.SessionId).ToList();
        var sessions = await Visible().AsNoTracking().Include(s => s.Sittings).Where(s => ids.Contains(s.Id)).ToListAsync(ct);
        var views = (await ViewsAsync(sessions, ct)).ToDictionary(v => v.Id);
        return [.. enrolments.Where(e => views.ContainsKey(e.SessionId)).OrderBy(e => views[e.SessionId].StartDate)
            .Select(e => (views[e.SessionId], e.Status, e.Result))];
    }

    /// <summary>
    /// Enrols a person of the registry the user may see in a visible session that has not ended, if a seat is left.
    /// Records "training.enrolled" and, when the person has an address, queues the confirmation mail, all in one save.
    /// </summary>
    public async Task<WriteResult<Guid>> EnrolAsync(Guid sessionId, Guid personId, CancellationToken ct)
    {
        var session = await Visible().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return WriteResult<Guid>.NotFound();
        }

        var institution = await people.InstitutionOfAsync(personId, ct);
        if (institution is null)
        {
            return WriteResult<Guid>.Invalid("PersonId", TrainingErrors.Person);
        }

        if (session.EndDate < Today)
        {
            return WriteResult<Guid>.Conflict(TrainingErrors.Ended);
        }

        var existing = await db.Set<TrainingEnrolment>().FirstOrDefaultAsync(e => e.SessionId == sessionId && e.PersonId == personId, ct);
        if (existing is { Status: not EnrolmentStatus.Withdrawn })
        {
            return WriteResult<Guid>.Conflict(TrainingErrors.AlreadyEnrolled);
        }

        if (session.SeatsTaken >= session.Capacity)
        {
            return WriteResult<Guid>.Conflict(TrainingErrors.Full);
        }

        var now = clock.GetUtcNow();
        var enrolment = existing ?? new TrainingEnrolment { Id = Guid.CreateVersion7(now), SessionId = sessionId, PersonId = personId };
        enrolment.Status = EnrolmentStatus.Enrolled;
        enrolment.EnrolledAt = now;
        enrolment.EndedAt = null;
        enrolment.Result = null;
        if (existing is null)
        {
            db.Add(enrolment);
        }

        session.SeatsTaken++;
        session.UpdatedAt = now;
        var course = await db.Set<TrainingCourse>().AsNoTracking().FirstAsync(c => c.Id == session.CourseId, ct);
        await outcomes.RecordAsync(new OutcomeInput
        {
            Kind = TrainingOutcomes.Enrolled, PersonId = personId, InstitutionId = session.InstitutionId, At = now, Subject = course.Code,
            Facts = new Dictionary<string, string>(StringComparer.Ordinal) { ["session"] = Key(session.Id), ["kind"] = course.Kind.ToString() },
        }, ct);
        await notifier.EnrolledAsync(personId, course, session, ct);
        audit.Add(AuditAction.Create, EnrolmentRecordType, Key(enrolment.Id), "session:" + Key(session.Id));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another enrolment took a seat between our read and our save: the count decides again, from the database.
            db.ChangeTracker.Clear();
            return WriteResult<Guid>.Conflict(TrainingErrors.Full);
        }

        return WriteResult<Guid>.Ok(enrolment.Id);
    }

    /// <summary>Withdraws an enrolment still running: the seat is freed; attendance already taken stays.</summary>
    public async Task<WriteResult<Guid>> WithdrawAsync(Guid sessionId, Guid enrolmentId, CancellationToken ct)
    {
        var (session, enrolment) = await EnrolmentAsync(sessionId, enrolmentId, ct);
        if (session is null || enrolment is null)
        {
            return WriteResult<Guid>.NotFound();
        }

        if (enrolment.Status != EnrolmentStatus.Enrolled)
        {
            return WriteResult<Guid>.Conflict(TrainingErrors.Ended);
        }

        var now = clock.GetUtcNow();
        enrolment.Status = EnrolmentStatus.Withdrawn;
        enrolment.EndedAt = now;
        session.SeatsTaken = Math.Max(0, session.SeatsTaken - 1);
        session.UpdatedAt = now;
        audit.Add(AuditAction.Update, EnrolmentRecordType, Key(enrolment.Id), "withdrawn");
        await db.SaveChangesAsync(ct);
        return WriteResult<Guid>.Ok(enrolment.Id);
    }

    /// <summary>Adds a sitting on a day within the session's dates.</summary>
    public async Task<WriteResult<Guid>> AddSittingAsync(Guid sessionId, DateOnly date, decimal hours, CancellationToken ct)
    {
        var session = await Visible().Include(s => s.Sittings).FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return WriteResult<Guid>.NotFound();
        }

        var errors = new FieldErrors();
        if (date < session.StartDate || date > session.EndDate || session.Sittings.Count >= MaxSittings)
        {
            errors.Add("Date", TrainingErrors.Sitting);
        }

        if (hours is <= 0 or > 24)
        {
            errors.Add("Hours", TrainingErrors.Hours);
        }

        if (!errors.IsEmpty)
        {
            return WriteResult<Guid>.Invalid(errors);
        }

        var sitting = new TrainingSitting { Id = Guid.NewGuid(), SessionId = session.Id, Date = date, Hours = hours };
        db.Add(sitting);
        session.UpdatedAt = clock.GetUtcNow();
        audit.Add(AuditAction.Update, SessionRecordType, Key(session.Id), "sitting");
        await db.SaveChangesAsync(ct);
        return WriteResult<Guid>.Ok(sitting.Id);
    }

    /// <summary>
    /// Attendance of one sitting as the trainer ticks it: the learners in <paramref name="present"/> were there, every
    /// other running enrolment was not. Saving again replaces the previous answer (a late arrival is corrected).
    /// </summary>
    public async Task<WriteResult<int>> RecordAttendanceAsync(Guid sessionId, Guid sittingId, IReadOnlyCollection<Guid> present, CancellationToken ct)
    {
        var session = await Visible().Include(s => s.Sittings).FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        var sitting = session?.Sittings.FirstOrDefault(s => s.Id == sittingId);
        if (session is null || sitting is null)
        {
            return WriteResult<int>.NotFound();
        }

        var enrolments = await db.Set<TrainingEnrolment>()
            .Where(e => e.SessionId == sessionId && e.Status != EnrolmentStatus.Withdrawn).Select(e => e.Id).ToListAsync(ct);
        if (present.Any(p => !enrolments.Contains(p)))
        {
            return WriteResult<int>.Invalid("Present", TrainingErrors.Attendee);
        }

        var rows = await db.Set<TrainingAttendance>().Where(a => a.SittingId == sittingId).ToDictionaryAsync(a => a.EnrolmentId, ct);
        foreach (var enrolment in enrolments)
        {
            var here = present.Contains(enrolment);
            if (rows.TryGetValue(enrolment, out var row))
            {
                row.Present = here;
            }
            else
            {
                db.Add(new TrainingAttendance { SittingId = sittingId, EnrolmentId = enrolment, Present = here });
            }
        }

        sitting.AttendanceTakenAt = clock.GetUtcNow();
        audit.Add(AuditAction.Update, SessionRecordType, Key(session.Id),
            string.Create(CultureInfo.InvariantCulture, $"attendance:{Key(sittingId)};present:{present.Count}"));
        await db.SaveChangesAsync(ct);
        return WriteResult<int>.Ok(present.Count);
    }

    /// <summary>
    /// Ends an enrolment: completed (with the result reached) or not completed. A completion records
    /// "training.completed" in the same save, then adds each skill the course develops to the learner's placement profile
    /// with the evidence "trained" (Placement's service keeps evidence that is already higher), and tells the learner
    /// of open vacancies she now fits (<see cref="TrainingNotifier"/>).
    /// </summary>
    public async Task<WriteResult<Guid>> CompleteAsync(Guid sessionId, Guid enrolmentId, CompleteEnrolment request, CancellationToken ct)
    {
        var (session, enrolment) = await EnrolmentAsync(sessionId, enrolmentId, ct);
        if (session is null || enrolment is null)
        {
            return WriteResult<Guid>.NotFound();
        }

        if (request.Result is { Length: > TrainingLimits.Result })
        {
            return WriteResult<Guid>.Invalid("Result", TrainingErrors.TooLong);
        }

        if (enrolment.Status != EnrolmentStatus.Enrolled)
        {
            return WriteResult<Guid>.Conflict(TrainingErrors.Ended);
        }

        var course = await db.Set<TrainingCourse>().AsNoTracking().Include(c => c.Skills).FirstAsync(c => c.Id == session.CourseId, ct);
        var skills = course.Skills.Select(s => s.SkillUri).Order(StringComparer.Ordinal).ToList();
        var nowFits = request.Completed ? await notifier.NowFitsAsync(enrolment.PersonId, course.Title, skills, ct) : null;
        var now = clock.GetUtcNow();
        enrolment.Status = request.Completed ? EnrolmentStatus.Completed : EnrolmentStatus.NotCompleted;
        enrolment.Result = string.IsNullOrWhiteSpace(request.Result) ? null : request.Result.Trim();
        enrolment.EndedAt = now;
        if (!request.Completed)
        {
            session.SeatsTaken = Math.Max(0, session.SeatsTaken - 1);
        }

        session.UpdatedAt = now;
        audit.Add(AuditAction.Update, EnrolmentRecordType, Key(enrolment.Id), request.Completed ? "completed" : "not-completed");
        if (request.Completed)
        {
            await outcomes.RecordAsync(new OutcomeInput
            {
                Kind = TrainingOutcomes.Completed, PersonId = enrolment.PersonId, InstitutionId = session.InstitutionId, At = now, Subject = course.Code,
                Facts = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["session"] = Key(session.Id), ["kind"] = course.Kind.ToString(), ["hours"] = session.Hours.ToString("0.##", CultureInfo.InvariantCulture),
                },
            }, ct);
            if (nowFits is not null)
            {
                notifier.Send(nowFits, session.InstitutionId);
            }
        }

        await db.SaveChangesAsync(ct);
        if (request.Completed)
        {
            foreach (var uri in skills)
            {
                await candidates.AddSkillEvidenceAsync(enrolment.PersonId, uri, SkillEvidence.Trained, ct);
            }
        }

        return WriteResult<Guid>.Ok(enrolment.Id);
    }

    private async Task<(TrainingSession? Session, TrainingEnrolment? Enrolment)> EnrolmentAsync(Guid sessionId, Guid enrolmentId, CancellationToken ct)
    {
        var session = await Visible().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        var enrolment = session is null ? null
            : await db.Set<TrainingEnrolment>().FirstOrDefaultAsync(e => e.Id == enrolmentId && e.SessionId == sessionId, ct);
        return (session, enrolment);
    }

    private Task<IReadOnlyList<SessionView>> ViewsAsync(IReadOnlyList<TrainingSession> sessions, CancellationToken ct) => ViewsAsync(db, sessions, ct);

    internal static async Task<IReadOnlyList<SessionView>> ViewsAsync(AppDbContext db, IReadOnlyList<TrainingSession> sessions, CancellationToken ct)
    {
        var ids = sessions.Select(s => s.CourseId).Distinct().ToList();
        var courses = await db.Set<TrainingCourse>().AsNoTracking().Include(c => c.Skills).Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var sittingIds = sessions.SelectMany(s => s.Sittings).Select(s => s.Id).ToList();
        var present = await db.Set<TrainingAttendance>().AsNoTracking().Where(a => sittingIds.Contains(a.SittingId) && a.Present)
            .GroupBy(a => a.SittingId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. sessions.Select(s => ToView(s, courses[s.CourseId], present))];
    }

    private static SessionView ToView(TrainingSession s, TrainingCourse c, IReadOnlyDictionary<Guid, int> present) => new(
        s.Id, c.Id, c.Code, c.Title, s.InstitutionId, s.Provider, s.Place, s.Online, s.StartDate, s.EndDate, s.Hours, s.Capacity, s.SeatsTaken,
        s.CostPerLearner, s.CostCurrency, [.. c.Skills.Select(k => k.SkillUri).Order(StringComparer.Ordinal)],
        [.. s.Sittings.OrderBy(x => x.Date).ThenBy(x => x.Id).Select(x => new SittingView(x.Id, x.Date, x.Hours, x.AttendanceTakenAt, present.GetValueOrDefault(x.Id)))]);

    internal static string Key(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);
}
