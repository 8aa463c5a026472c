namespace Mismes.Core.Training;

/// <summary>A new session of a catalogue course. Provider and cost default to the course's when left out.</summary>
public sealed record CreateSession
{
    public required Guid CourseId { get; init; }
    public string? Provider { get; init; }
    public string? Place { get; init; }
    public bool Online { get; init; }
    public required DateOnly StartDate { get; init; }
    public required DateOnly EndDate { get; init; }

    /// <summary>Hours of the session; the course's when null.</summary>
    public decimal? Hours { get; init; }

    public required int Capacity { get; init; }
    public decimal? CostPerLearner { get; init; }
    public string? CostCurrency { get; init; }

    /// <summary>The days of its sittings, each within the session's dates; none is fine (added later).</summary>
    public IReadOnlyList<DateOnly> SittingDates { get; init; } = [];

    public bool IsDemo { get; init; }
}

/// <summary>How an enrolment ended: completed (with the result reached) or not.</summary>
public sealed record CompleteEnrolment
{
    public required bool Completed { get; init; }
    public string? Result { get; init; }
}

public sealed record SittingView(Guid Id, DateOnly Date, decimal Hours, DateTimeOffset? AttendanceTakenAt, int Present);

public sealed record SessionView(
    Guid Id, Guid CourseId, string CourseCode, string CourseTitle, Guid InstitutionId, string Provider, string? Place, bool Online,
    DateOnly StartDate, DateOnly EndDate, decimal Hours, int Capacity, int SeatsTaken, decimal? CostPerLearner, string? CostCurrency,
    IReadOnlyList<string> SkillUris, IReadOnlyList<SittingView> Sittings)
{
    public int SeatsLeft => Math.Max(0, Capacity - SeatsTaken);
}

/// <summary>An enrolled person as staff see them in a session (names from People, within the institution scope).</summary>
public sealed record EnrolmentView(
    Guid Id, Guid PersonId, string FirstNameLatin, string LastNameLatin, string? FirstNameArabic, string? LastNameArabic,
    EnrolmentStatus Status, string? Result, DateTimeOffset EnrolledAt, DateTimeOffset? EndedAt, int SittingsAttended, int SittingsTaken);

/// <summary>A session with its learners and who was present at each sitting (one audited disclosure).</summary>
public sealed record SessionRecord(SessionView Session, IReadOnlyList<EnrolmentView> Enrolments, IReadOnlySet<(Guid SittingId, Guid EnrolmentId)> Present);

/// <summary>Resource keys of Training's field errors and conflicts (translated by the web layer).</summary>
public static class TrainingErrors
{
    public const string Required = "Training.Error.Required";
    public const string Course = "Training.Error.Course";
    public const string TooLong = "Training.Error.TooLong";
    public const string Dates = "Training.Error.Dates";
    public const string Hours = "Training.Error.Hours";
    public const string Capacity = "Training.Error.Capacity";
    public const string Cost = "Training.Error.Cost";
    public const string Currency = "Training.Error.Currency";
    public const string Sitting = "Training.Error.Sitting";
    public const string Place = "Training.Error.Place";
    public const string Person = "Training.Error.Person";
    public const string Full = "Training.Error.Full";
    public const string AlreadyEnrolled = "Training.Error.AlreadyEnrolled";
    public const string Ended = "Training.Error.Ended";
    public const string Attendee = "Training.Error.Attendee";

    public static IReadOnlyList<string> All { get; } =
        [Required, Course, TooLong, Dates, Hours, Capacity, Cost, Currency, Sitting, Place, Person, Full, AlreadyEnrolled, Ended, Attendee];
}

/// <summary>Outcome kinds Training records (labels <c>Training.Outcome.&lt;what&gt;</c>).</summary>
public static class TrainingOutcomes
{
    public const string Enrolled = "training.enrolled";
    public const string Completed = "training.completed";
}
