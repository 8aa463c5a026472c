using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.Esco;
using Mismes.Core.Evaluation;
using Mismes.Core.Jobs;
using Mismes.Core.Notifications;
using Mismes.Core.People;
using Mismes.Core.Placement.Candidates;
using Mismes.Core.Placement.Matching;
using Mismes.Core.Placement.Vacancies;
using Mismes.Core.Training;
using Mismes.TestCommon.Placement;
using PersonBuilder = Mismes.TestCommon.People.PersonBuilder;

namespace Mismes.TestCommon.Training;

/// <summary>
/// A migrated database (SQLite or PostgreSQL) with consent notices and the training catalogue, and Training's real
/// services wired as the host wires them (People, Placement, Evaluation's recorder, the Notifications outbox).
/// </summary>
public sealed class TrainingTestDatabase() : MigratedTestDatabase("mismes_trs_")
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public static EscoLookup Esco => CandidateTestDatabase.Esco;

    /// <summary>This fixture's matching index (built by <see cref="BuildIndexAsync"/>, kept current by <see cref="CatchUpAsync"/>).</summary>
    public CandidateIndex Index { get; } = new(CandidateTestDatabase.Esco.Taxonomy);

    public CapturedLogs Logs { get; } = new();

    protected override async Task SeedAsync(AppDbContext db)
    {
        await new ConsentNoticeSeeder(db).SeedAsync(CancellationToken.None);
        await new TrainingCatalogueSeeder(db, Esco, Clock).SeedAsync(CancellationToken.None);
    }

    public PersonService People(AppDbContext db, ICurrentUser user) =>
        new(db, user, new AuditLog(db, user, Clock), Clock, Logs.Logger<PersonService>(), [new CandidateConsentObserver(db, Clock)]);

    public CandidateService Candidates(AppDbContext db, ICurrentUser user) =>
        new(db, user, new AuditLog(db, user, Clock), Clock, Esco, new PersonDirectory(db, user));

    public VacancyService Vacancies(AppDbContext db, ICurrentUser user) => new(db, user, new AuditLog(db, user, Clock), Clock, Esco);

    public TrainingGapService Gaps(AppDbContext db, ICurrentUser user) =>
        new(db, user, Clock, Candidates(db, user), Vacancies(db, user), Index);

    public TrainingSessionService Sessions(AppDbContext db, ICurrentUser user)
    {
        var directory = new PersonDirectory(db, user);
        var notifications = new NotificationService(db, new MessageTemplates(), new JobQueue(db, Clock, Options.Create(new JobOptions())), Clock);
        var notifier = new TrainingNotifier(notifications, directory, Gaps(db, user));
        return new(db, user, new AuditLog(db, user, Clock), Clock, directory, new OutcomeRecorder(db, People(db, user), Clock), Candidates(db, user), notifier);
    }

    public TrainingCatalogueService Catalogue(AppDbContext db) => new(db);

    public async Task<Guid> AddInstitutionAsync(string code)
    {
        await using var db = NewContext();
        return await SignInHelpers.EnsureInstitutionAsync(db, code);
    }

    private static int _births;

    /// <summary>A person of the user's institution, born in a year of their own (no test finds another's people as duplicates).</summary>
    public async Task<Guid> AddPersonAsync(ICurrentUser user, string? email = null, bool consent = false)
    {
        await using var db = NewContext();
        var people = People(db, user);
        var birth = new DateOnly(1950, 3, 9).AddDays(Interlocked.Increment(ref _births) * 400);
        var created = await people.CreateAsync(PersonBuilder.Valid("Khadija", "Bennani", birth) with { Phone = null, Email = email, ConfirmedNotDuplicate = true }, CancellationToken.None);
        var id = created.PersonId ?? throw new InvalidOperationException(created.Outcome.ToString());
        if (consent)
        {
            await people.GiveConsentAsync(id, ConsentPurpose.ShareProfileWithForeignEmployers, ConsentChannel.InPerson, null, CancellationToken.None);
        }

        return id;
    }

    /// <summary>Builds the index the first time, and catches it up after (the index of one fixture serves all its tests).</summary>
    public async Task BuildIndexAsync()
    {
        if (Index.IsReady)
        {
            await CatchUpAsync();
            return;
        }

        await using var db = NewContext();
        await new CandidateIndexFeed(db, Index, new PersonDirectory(db, new SystemUser()), Microsoft.Extensions.Logging.Abstractions.NullLogger<CandidateIndexFeed>.Instance).BuildAsync(CancellationToken.None);
    }

    public async Task CatchUpAsync()
    {
        await using var db = NewContext();
        await new CandidateIndexFeed(db, Index, new PersonDirectory(db, new SystemUser()), Microsoft.Extensions.Logging.Abstractions.NullLogger<CandidateIndexFeed>.Instance).CatchUpAsync(CancellationToken.None);
    }

    /// <summary>A session of the catalogue course <paramref name="courseCode"/> of the user's institution, starting in a week, with two sittings.</summary>
    public async Task<SessionView> AddSessionAsync(ICurrentUser user, string courseCode, int capacity = 10, int startInDays = 7, string place = "Tanger")
    {
        await using var db = NewContext();
        var course = (await Catalogue(db).ListCoursesAsync(null, CancellationToken.None)).Single(c => c.Code == courseCode);
        var start = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime).AddDays(startInDays);
        var result = await Sessions(db, user).CreateAsync(new CreateSession
        {
            CourseId = course.Id, Place = place, StartDate = start, EndDate = start.AddDays(14), Capacity = capacity, SittingDates = [start, start.AddDays(7)],
        }, CancellationToken.None);
        return result.Value ?? throw new InvalidOperationException(string.Join(",", result.Errors.Keys));
    }
}
