using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mismes.Core.Training;

/// <summary>
/// A session (cohort) of a catalogue course, run by an institution: its own provider, place (or online), dates, hours,
/// capacity and cost, which may differ from the course's (a course of 40 h may run in a 36 h cohort). Staff see only
/// their institution's sessions and the people enrolled in them.
/// </summary>
public sealed class TrainingSession
{
    public Guid Id { get; set; }

    public Guid CourseId { get; set; }

    public Guid InstitutionId { get; set; }

    public required string Provider { get; set; }

    /// <summary>Where it is held (town, centre); null when online only.</summary>
    public string? Place { get; set; }

    public bool Online { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    public decimal Hours { get; set; }

    public int Capacity { get; set; }

    /// <summary>
    /// Enrolments that hold a seat (enrolled or completed). Kept on the row and checked as a concurrency token, so two
    /// advisors enrolling the last seat at once cannot both succeed (the second save fails and is answered "full").
    /// </summary>
    public int SeatsTaken { get; set; }

    public decimal? CostPerLearner { get; set; }

    public string? CostCurrency { get; set; }

    public bool IsDemo { get; set; }

    public List<TrainingSitting> Sittings { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One sitting of a session (a class on a day): the unit attendance is taken for.</summary>
public sealed class TrainingSitting
{
    public Guid Id { get; set; }

    public Guid SessionId { get; set; }

    public DateOnly Date { get; set; }

    public decimal Hours { get; set; }

    /// <summary>When the trainer last saved attendance; null until taken.</summary>
    public DateTimeOffset? AttendanceTakenAt { get; set; }
}

public enum EnrolmentStatus
{
    Enrolled,
    Completed,
    NotCompleted,
    Withdrawn,
}

/// <summary>A person in a session; ends as completed (with a result) or not, or withdrawn before the end.</summary>
public sealed class TrainingEnrolment
{
    public Guid Id { get; set; }

    public Guid SessionId { get; set; }

    public Guid PersonId { get; set; }

    public EnrolmentStatus Status { get; set; }

    /// <summary>What the learner reached, as written by staff ("A2 atteint", "certificat OFPPT").</summary>
    public string? Result { get; set; }

    public DateTimeOffset EnrolledAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }
}

/// <summary>Whether one enrolled person was present at one sitting.</summary>
public sealed class TrainingAttendance
{
    public Guid SittingId { get; set; }

    public Guid EnrolmentId { get; set; }

    public bool Present { get; set; }
}

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> builder)
    {
        builder.ToTable("TrainingSessions");
        builder.HasOne<TrainingCourse>().WithMany().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.InstitutionId, s.StartDate });
        builder.HasIndex(s => s.CourseId);
        builder.Property(s => s.Provider).HasMaxLength(TrainingLimits.Provider);
        builder.Property(s => s.Place).HasMaxLength(TrainingLimits.Place);
        builder.Property(s => s.Hours).HasPrecision(7, 2);
        builder.Property(s => s.CostPerLearner).HasPrecision(12, 2);
        builder.Property(s => s.CostCurrency).HasMaxLength(3);
        builder.Property(s => s.SeatsTaken).IsConcurrencyToken();
        builder.HasMany(s => s.Sittings).WithOne().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrainingSittingConfiguration : IEntityTypeConfiguration<TrainingSitting>
{
    public void Configure(EntityTypeBuilder<TrainingSitting> builder)
    {
        builder.ToTable("TrainingSittings");
        builder.HasIndex(s => new { s.SessionId, s.Date });
        builder.Property(s => s.Hours).HasPrecision(5, 2);
    }
}

internal sealed class TrainingEnrolmentConfiguration : IEntityTypeConfiguration<TrainingEnrolment>
{
    public void Configure(EntityTypeBuilder<TrainingEnrolment> builder)
    {
        builder.ToTable("TrainingEnrolments");
        builder.HasOne<TrainingSession>().WithMany().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.SessionId, e.PersonId }).IsUnique();
        builder.HasIndex(e => e.PersonId);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Result).HasMaxLength(TrainingLimits.Result);
    }
}

internal sealed class TrainingAttendanceConfiguration : IEntityTypeConfiguration<TrainingAttendance>
{
    public void Configure(EntityTypeBuilder<TrainingAttendance> builder)
    {
        builder.ToTable("TrainingAttendance");
        builder.HasKey(a => new { a.SittingId, a.EnrolmentId });
        builder.HasOne<TrainingSitting>().WithMany().HasForeignKey(a => a.SittingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<TrainingEnrolment>().WithMany().HasForeignKey(a => a.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.EnrolmentId);
    }
}
