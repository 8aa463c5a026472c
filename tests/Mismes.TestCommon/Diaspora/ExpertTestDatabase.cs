using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.Diaspora.Experts;
using Mismes.Core.Diaspora.Needs;
using Mismes.Core.People;
using Mismes.TestCommon.People;
using Mismes.TestCommon.Placement;

namespace Mismes.TestCommon.Diaspora;

/// <summary>A migrated database (SQLite or PostgreSQL) with the real services of People and Diaspora over it.</summary>
public sealed class ExpertTestDatabase() : MigratedTestDatabase("mismes_dias_")
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public CapturedLogs Logs { get; } = new();

    protected override Task SeedAsync(AppDbContext db) => new ConsentNoticeSeeder(db).SeedAsync(CancellationToken.None);

    public PersonService People(AppDbContext db, ICurrentUser user) =>
        new(db, user, new AuditLog(db, user, Clock), Clock, Logs.Logger<PersonService>(), []);

    public ExpertService Experts(AppDbContext db, ICurrentUser user) =>
        new(db, user, new AuditLog(db, user, Clock), Clock, CandidateTestDatabase.Esco, new PersonDirectory(db, user));

    public NeedService Needs(AppDbContext db, ICurrentUser user) => new(db, user, Clock, CandidateTestDatabase.Esco);

    public async Task<Guid> AddInstitutionAsync(string code)
    {
        await using var db = NewContext();
        return await SignInHelpers.EnsureInstitutionAsync(db, code);
    }

    private static int _births;

    /// <summary>A person of the user's institution living in Germany, born in a year of their own (never another test's duplicate).</summary>
    public async Task<Guid> AddPersonAsync(ICurrentUser user)
    {
        await using var db = NewContext();
        var birth = new DateOnly(1907, 5, 11).AddYears(Interlocked.Increment(ref _births));
        var created = await People(db, user).CreateAsync(
            PersonBuilder.Valid("Youssef", "Alaoui", birth) with { Phone = null, Email = null, CountryOfResidence = "DE", MigrationStatus = MigrationStatus.Abroad },
            CancellationToken.None);
        return created.PersonId ?? throw new InvalidOperationException(created.Outcome.ToString());
    }
}

/// <summary>Diaspora's real services in a host's scope, acting as a given user (outside any request).</summary>
public static class ExpertHostServices
{
    /// <summary>A person of <paramref name="user"/>'s institution, residing in Germany, with an expert profile; returns the person id.</summary>
    public static async Task<Guid> AddExpertAsync(this IServiceProvider host, ICurrentUser user, DateOnly birthDate, bool withProfile = true)
    {
        await using var scope = host.CreateAsyncScope();
        var audit = ActivatorUtilities.CreateInstance<AuditLog>(scope.ServiceProvider, user);
        var directory = ActivatorUtilities.CreateInstance<PersonDirectory>(scope.ServiceProvider, user);
        var people = ActivatorUtilities.CreateInstance<PersonService>(scope.ServiceProvider, user, audit);
        var experts = ActivatorUtilities.CreateInstance<ExpertService>(scope.ServiceProvider, user, audit, directory);
        var created = await people.CreateAsync(PersonBuilder.Valid("Nadia", "Berrada", birthDate) with
        {
            Phone = null, Email = null, CountryOfResidence = "DE", MigrationStatus = MigrationStatus.Abroad, ConfirmedNotDuplicate = true,
        }, CancellationToken.None);
        var person = created.PersonId ?? throw new InvalidOperationException(created.Outcome.ToString());
        if (withProfile)
        {
            var saved = await experts.SaveProfileAsync(person, TestExperts.Biologist(), CancellationToken.None);
            if (!saved.Succeeded)
            {
                throw new InvalidOperationException(string.Join(", ", saved.Errors.Keys));
            }
        }

        return person;
    }
}

/// <summary>Profiles the tests use, with ESCO concepts read from the shipped taxonomy (never hard-coded URIs).</summary>
public static class TestExperts
{
    public static readonly string BiologistUri = TestEsco.Occupation("biologiste");

    public static ExpertProfileInput Biologist() => new()
    {
        ResidenceCountry = "de",
        ResidenceCity = "Heidelberg",
        EmployerAbroad = "Universität Heidelberg",
        OccupationUris = [BiologistUri],
        SkillUris = [.. TestEsco.EssentialSkillsOf(BiologistUri).Take(2)],
        Domains = ["biotechnologie", "génomique"],
        Degrees = [new ExpertDegreeInput("Doctorat en biologie moléculaire", 8)],
        YearsOfExperience = 12,
        Languages = [new ExpertLanguageInput("DE", Mismes.Matching.CefrLevel.C1), new ExpertLanguageInput("fr", Mismes.Matching.CefrLevel.C2)],
        Availability = [new AvailabilityWindow(new DateOnly(2027, 3, 1), new DateOnly(2027, 4, 30))],
        Mode = MissionMode.OnSite,
        MinMissionWeeks = 2,
        MaxMissionWeeks = 12,
    };
}
