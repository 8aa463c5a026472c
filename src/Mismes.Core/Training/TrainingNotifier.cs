using Mismes.Core.Notifications;
using Mismes.Core.People;
using Mismes.Core.Placement.Candidates;
using Mismes.Core.Placement.Matching;
using Mismes.Core.Placement.Vacancies;

namespace Mismes.Core.Training;

/// <summary>The mail kinds Training sends (templates in Training/Mail, fr ar en es).</summary>
public static class TrainingMessageKinds
{
    /// <summary>A learner's enrolment in a session. Model: <see cref="TrainingEnrolledMail"/>.</summary>
    public const string Enrolled = "TrainingEnrolled";

    /// <summary>After a completed course, the open vacancies the learner now fits. Model: <see cref="TrainingNowFitsMail"/>.</summary>
    public const string NowFits = "TrainingNowFits";
}

public sealed record TrainingEnrolledMail(string FirstName, string CourseTitle, DateOnly StartDate, DateOnly EndDate, string Place, string Provider);

public sealed record TrainingNowFitsMail(string FirstName, string CourseTitle, int VacancyCount, string Vacancies);

/// <summary>A message worked out before a change, queued with it.</summary>
public sealed record PendingMail(string Kind, string To, object Model);

/// <summary>
/// What Training tells the learner, through the Notifications outbox and never sent directly: each message is added to
/// the caller's unit of work and leaves with the enrolment or completion that causes it. People without an e-mail
/// address are simply not written to.
/// </summary>
public sealed class TrainingNotifier(NotificationService notifications, PersonDirectory people, TrainingGapService gaps)
{
    public const int MaxVacanciesNamed = 5;

    public async Task EnrolledAsync(Guid personId, TrainingCourse course, TrainingSession session, CancellationToken ct)
    {
        if (await AddressOfAsync(personId, ct) is not { } to)
        {
            return;
        }

        notifications.Enqueue(TrainingMessageKinds.Enrolled, to.Email, null,
            new TrainingEnrolledMail(to.FirstName, course.Title, session.StartDate, session.EndDate, session.Online ? "en ligne / online" : session.Place ?? "", session.Provider),
            session.InstitutionId);
    }

    /// <summary>
    /// The message telling the learner of the open vacancies she nearly matched whose missing essential skills the
    /// course she is completing all develops: she now fits them. Worked out from the ranking before her profile changes
    /// (so it does not wait for the matching index to catch up) and before anything is changed, because reading her
    /// profile is an audited read that saves; <see cref="Send"/> then adds it to the completion's unit of work.
    /// Null when she fits nothing new or has no address.
    /// </summary>
    public async Task<PendingMail?> NowFitsAsync(Guid personId, string courseTitle, IReadOnlyCollection<string> trainedSkills, CancellationToken ct)
    {
        var near = await gaps.NearVacanciesAsync(personId, ct) ?? [];
        var fitted = near.Where(v => v.MissingEssentialSkillUris.All(trainedSkills.Contains)).ToList();
        if (fitted.Count == 0 || await AddressOfAsync(personId, ct) is not { } to)
        {
            return null;
        }

        var titles = string.Join(" · ", fitted.Take(MaxVacanciesNamed).Select(v => $"{v.Title} ({v.Country})"));
        return new PendingMail(TrainingMessageKinds.NowFits, to.Email, new TrainingNowFitsMail(to.FirstName, courseTitle, fitted.Count, titles));
    }

    public void Send(PendingMail mail, Guid institutionId) => notifications.Enqueue(mail.Kind, mail.To, null, mail.Model, institutionId);

    private async Task<(string Email, string FirstName)?> AddressOfAsync(Guid personId, CancellationToken ct)
    {
        var summaries = await people.SummariesAsync([personId], ct);
        return summaries.TryGetValue(personId, out var p) && NotificationService.IsValidAddress(p.Email) ? (p.Email!.Trim(), p.FirstNameLatin) : null;
    }
}
