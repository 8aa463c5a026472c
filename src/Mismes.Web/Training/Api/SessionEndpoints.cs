using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Mismes.Core.Common;
using Mismes.Core.Training;
using Mismes.Web.Platform;

namespace Mismes.Web.Training.Api;

public sealed record SessionBody(
    Guid? CourseId, string? Provider, string? Place, bool? Online, DateOnly? StartDate, DateOnly? EndDate, decimal? Hours, int? Capacity,
    decimal? CostPerLearner, string? CostCurrency, IReadOnlyList<DateOnly>? SittingDates);

public sealed record EnrolBody(Guid? PersonId);

public sealed record CompletionBody(bool? Completed, string? Result);

public sealed record SittingBody(DateOnly? Date, decimal? Hours);

public sealed record AttendanceBody(IReadOnlyList<Guid>? Present);

public sealed record SittingDto(Guid Id, DateOnly Date, decimal Hours, DateTimeOffset? AttendanceTakenAt, int Present);

public sealed record SessionDto(
    Guid Id, Guid CourseId, string CourseCode, string CourseTitle, string Provider, string? Place, bool Online, DateOnly StartDate, DateOnly EndDate,
    decimal Hours, int Capacity, int SeatsTaken, int SeatsLeft, decimal? CostPerLearner, string? CostCurrency, IReadOnlyList<string> SkillUris,
    IReadOnlyList<SittingDto> Sittings)
{
    public static SessionDto From(SessionView s) => new(
        s.Id, s.CourseId, s.CourseCode, s.CourseTitle, s.Provider, s.Place, s.Online, s.StartDate, s.EndDate, s.Hours, s.Capacity, s.SeatsTaken, s.SeatsLeft,
        s.CostPerLearner, s.CostCurrency, s.SkillUris, [.. s.Sittings.Select(x => new SittingDto(x.Id, x.Date, x.Hours, x.AttendanceTakenAt, x.Present))]);
}

public sealed record EnrolmentDto(Guid Id, Guid PersonId, string FirstNameLatin, string LastNameLatin, string Status, string? Result, DateTimeOffset EnrolledAt, int SittingsAttended, int SittingsTaken);

public sealed record SessionRecordDto(SessionDto Session, IReadOnlyList<EnrolmentDto> Enrolments);

public sealed record NearVacancyDto(Guid VacancyId, string Title, string Country, float Score, IReadOnlyList<string> MissingEssentialSkillUris);

public sealed record RecommendationDto(SessionDto Session, IReadOnlyList<string> ClosesSkillUris, IReadOnlyList<Guid> WouldFitVacancyIds);

public sealed record AdviceDto(bool Rankable, IReadOnlyList<NearVacancyDto> NearVacancies, IReadOnlyList<string> GapSkillUris, IReadOnlyList<RecommendationDto> Sessions);

/// <summary>
/// /api/v1/training/sessions: sessions of the caller's institution, enrolment, completion, sittings and attendance;
/// /api/v1/training/advice/{personId}: a candidate's skill gap and the sessions that close it. The same Core services
/// as the pages; another institution's session or person is 404.
/// </summary>
internal static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/training").WithTags("Training");
        var manage = group.MapGroup("").RequireAuthorization(TrainingPolicies.ManageSessions);
        manage.MapGet("/sessions", ListAsync).WithName("ListTrainingSessions").WithSummary("The institution's sessions, soonest first; ?from= leaves out those ended before.");
        manage.MapPost("/sessions", CreateAsync).WithName("CreateTrainingSession").WithSummary("A new session of a catalogue course.");
        manage.MapGet("/sessions/{id:guid}", GetAsync).WithName("GetTrainingSession").WithSummary("A session with its learners and attendance (audited).");
        manage.MapPost("/sessions/{id:guid}/enrolments", EnrolAsync).WithName("EnrolInTrainingSession").WithSummary("Enrol a person of the registry, within the capacity.");
        manage.MapPost("/sessions/{id:guid}/enrolments/{enrolmentId:guid}/completion", CompleteAsync).WithName("CompleteTrainingEnrolment")
            .WithSummary("Completed (with the result) or not; a completion adds the course's skills to the profile as trained.");
        manage.MapPost("/sessions/{id:guid}/sittings", AddSittingAsync).WithName("AddTrainingSitting").WithSummary("A sitting on a day of the session.");
        manage.MapGet("/advice/{id:guid}", AdviceAsync).WithName("GetTrainingAdvice")
            .WithSummary("The vacancies a candidate nearly matches, her skill gap, and the sessions that close it, best first.");
        group.MapPut("/sessions/{id:guid}/sittings/{sittingId:guid}/attendance", AttendanceAsync).RequireAuthorization(TrainingPolicies.TakeAttendance)
            .WithName("RecordTrainingAttendance").WithSummary("Who was present at a sitting (everyone else enrolled was absent).");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<SessionDto>>, ValidationProblem>> ListAsync(
        TrainingSessionService sessions, IStringLocalizer<SharedResource> l, string? from, CancellationToken ct)
    {
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(from))
        {
            if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
            {
                return TrainingForms.Problem(FieldErrors.Of("from", TrainingErrors.Dates), l);
            }

            date = d;
        }

        var list = await sessions.ListAsync(date, ct);
        return TypedResults.Ok<IReadOnlyList<SessionDto>>([.. list.Select(SessionDto.From)]);
    }

    private static async Task<Results<Created<SessionDto>, ValidationProblem>> CreateAsync(
        SessionBody body, TrainingSessionService sessions, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (body.CourseId is null)
        {
            errors.Add("CourseId", TrainingErrors.Required);
        }

        if (body.StartDate is null)
        {
            errors.Add("StartDate", TrainingErrors.Required);
        }

        if (body.EndDate is null)
        {
            errors.Add("EndDate", TrainingErrors.Required);
        }

        if (body.Capacity is null)
        {
            errors.Add("Capacity", TrainingErrors.Required);
        }

        if (!errors.IsEmpty)
        {
            return TrainingForms.Problem(errors, l);
        }

        var result = await sessions.CreateAsync(new CreateSession
        {
            CourseId = body.CourseId!.Value, Provider = body.Provider, Place = body.Place, Online = body.Online ?? false,
            StartDate = body.StartDate!.Value, EndDate = body.EndDate!.Value, Hours = body.Hours, Capacity = body.Capacity!.Value,
            CostPerLearner = body.CostPerLearner, CostCurrency = body.CostCurrency, SittingDates = body.SittingDates ?? [],
        }, ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/training/sessions/{result.Value!.Id}", SessionDto.From(result.Value))
            : TrainingForms.Problem(result.Errors, l);
    }

    private static async Task<Results<Ok<SessionRecordDto>, NotFound>> GetAsync(Guid id, TrainingSessionService sessions, CancellationToken ct)
    {
        var record = await sessions.GetAsync(id, ct);
        return record is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new SessionRecordDto(SessionDto.From(record.Session),
                [.. record.Enrolments.Select(e => new EnrolmentDto(e.Id, e.PersonId, e.FirstNameLatin, e.LastNameLatin, e.Status.ToString(), e.Result, e.EnrolledAt, e.SittingsAttended, e.SittingsTaken))]));
    }

    private static async Task<Results<Created<IdDto>, NotFound, ValidationProblem, ProblemHttpResult>> EnrolAsync(
        Guid id, EnrolBody body, TrainingSessionService sessions, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (body.PersonId is not { } person)
        {
            return TrainingForms.Problem(FieldErrors.Of("PersonId", TrainingErrors.Required), l);
        }

        var result = await sessions.EnrolAsync(id, person, ct);
        return result.Outcome switch
        {
            WriteOutcome.Ok => TypedResults.Created($"/api/v1/training/sessions/{id}", new IdDto(result.Value)),
            WriteOutcome.NotFound => TypedResults.NotFound(),
            WriteOutcome.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: l[result.ConflictKey!]),
            _ => TrainingForms.Problem(result.Errors, l),
        };
    }

    private static async Task<Results<Ok<IdDto>, NotFound, ValidationProblem, ProblemHttpResult>> CompleteAsync(
        Guid id, Guid enrolmentId, CompletionBody body, TrainingSessionService sessions, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (body.Completed is not { } completed)
        {
            return TrainingForms.Problem(FieldErrors.Of("Completed", TrainingErrors.Required), l);
        }

        var result = await sessions.CompleteAsync(id, enrolmentId, new CompleteEnrolment { Completed = completed, Result = body.Result }, ct);
        return Answer(result, l);
    }

    private static async Task<Results<Ok<IdDto>, NotFound, ValidationProblem, ProblemHttpResult>> AddSittingAsync(
        Guid id, SittingBody body, TrainingSessionService sessions, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (body.Date is not { } date)
        {
            return TrainingForms.Problem(FieldErrors.Of("Date", TrainingErrors.Required), l);
        }

        return Answer(await sessions.AddSittingAsync(id, date, body.Hours ?? 3, ct), l);
    }

    private static async Task<Results<Ok<IdDto>, NotFound, ValidationProblem, ProblemHttpResult>> AttendanceAsync(
        Guid id, Guid sittingId, AttendanceBody body, TrainingSessionService sessions, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (body.Present is not { } present)
        {
            return TrainingForms.Problem(FieldErrors.Of("Present", TrainingErrors.Required), l);
        }

        var result = await sessions.RecordAttendanceAsync(id, sittingId, [.. present.Distinct()], ct);
        return result.Outcome switch
        {
            WriteOutcome.Ok => TypedResults.Ok(new IdDto(sittingId)),
            WriteOutcome.NotFound => TypedResults.NotFound(),
            _ => TrainingForms.Problem(result.Errors, l),
        };
    }

    private static async Task<Results<Ok<AdviceDto>, NotFound>> AdviceAsync(Guid id, TrainingGapService gaps, Mismes.Core.People.PersonDirectory people, CancellationToken ct)
    {
        if (await people.InstitutionOfAsync(id, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var advice = await gaps.AdviseAsync(id, ct);
        return TypedResults.Ok(new AdviceDto(advice.Rankable,
            [.. advice.NearVacancies.Select(n => new NearVacancyDto(n.VacancyId, n.Title, n.Country, n.Score, n.MissingEssentialSkillUris))],
            advice.GapSkillUris,
            [.. advice.Sessions.Select(r => new RecommendationDto(SessionDto.From(r.Session), r.ClosesSkillUris, [.. r.WouldFit.Select(v => v.VacancyId)]))]));
    }

    private static Results<Ok<IdDto>, NotFound, ValidationProblem, ProblemHttpResult> Answer(WriteResult<Guid> result, IStringLocalizer<SharedResource> l) =>
        result.Outcome switch
        {
            WriteOutcome.Ok => TypedResults.Ok(new IdDto(result.Value)),
            WriteOutcome.NotFound => TypedResults.NotFound(),
            WriteOutcome.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: l[result.ConflictKey!]),
            _ => TrainingForms.Problem(result.Errors, l),
        };
}

public sealed record IdDto(Guid Id);
