using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.Esco;
using Mismes.Core.People;
using Mismes.Core.Placement.Candidates;
using Mismes.Core.Placement.Matching;
using Mismes.TestCommon.People;

namespace Mismes.TestCommon.Placement;

/// <summary>A migrated database (SQLite or PostgreSQL) with consent notices, and the real services of People and Placement over it.</summary>
public sealed class CandidateTestDatabase() : MigratedTestDatabase("mismes_cand_")
{
    private static readonly Lazy<EscoLookup> SharedEsco = new(() => new ServiceCollection().AddEsco().BuildServiceProvider().GetRequiredService<EscoLookup>());

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public static EscoLookup Esco => SharedEsco.Value;

    public CapturedLogs Logs { get; } = new();

    protected override Task SeedAsync(AppDbContext db) => new ConsentNoticeSeeder(db).SeedAsync(CancellationToken.None);

    /// <summary>People's service as the host wires it: consent changes reach Placement's change feed.</summary>
    public PersonService People(AppDbContext db, ICurrentUser user) =>
        new(db, user, new AuditLog(db, user, Clock), Clock, Logs.Logger<PersonService>(), [new CandidateConsentObserver(db, Clock)]);

    public CandidateService Candidates(AppDbContext db, ICurrentUser user) =>
        new(db, user, new AuditLog(db, user, Clock), Clock, Esco, new PersonDirectory(db, user));

    public CandidateIndexFeed Feed(AppDbContext db, CandidateIndex index) =>
        new(db, index, new PersonDirectory(db, new SystemUser()), NullLogger<CandidateIndexFeed>.Instance);

    public async Task<Guid> AddInstitutionAsync(string code)
    {
        await using var db = NewContext();
        return await SignInHelpers.EnsureInstitutionAsync(db, code);
    }

    private static int _births;

    /// <summary>A person of the user's institution, born in a year of their own (no test finds another's people as duplicates).</summary>
    public async Task<Guid> AddPersonAsync(ICurrentUser user, bool consent)
    {
        await using var db = NewContext();
        var people = People(db, user);
        var birth = new DateOnly(1907, 3, 9).AddYears(Interlocked.Increment(ref _births));
        var created = await people.CreateAsync(PersonBuilder.Valid("Khadija", "Bennani", birth) with { Phone = null, Email = null }, CancellationToken.None);
        var id = created.PersonId ?? throw new InvalidOperationException(created.Outcome.ToString());
        if (consent)
        {
            await people.GiveConsentAsync(id, ConsentPurpose.ShareProfileWithForeignEmployers, ConsentChannel.InPerson, null, CancellationToken.None);
        }

        return id;
    }
}

/// <summary>ESCO concepts the tests use, read from the shipped taxonomy (never hard-coded URIs).</summary>
public static class TestEsco
{
    public static string Occupation(string frenchTitle) => CandidateTestDatabase.Esco.Occupations(frenchTitle, "fr", 1)[0].Uri;

    public static IReadOnlyList<string> EssentialSkillsOf(string occupationUri)
    {
        var taxonomy = CandidateTestDatabase.Esco.Taxonomy;
        return [.. taxonomy.EssentialSkills(taxonomy.FindByUri(occupationUri)!).Select(s => s.Uri)];
    }
}

/// <summary>People's and Placement's real services in a host's scope, acting as a given user (outside any request).</summary>
public static class CandidateHostServices
{
    public static (PersonService People, CandidateService Candidates) For(IServiceProvider scope, ICurrentUser user)
    {
        var audit = ActivatorUtilities.CreateInstance<AuditLog>(scope, user);
        var directory = ActivatorUtilities.CreateInstance<PersonDirectory>(scope, user);
        return (ActivatorUtilities.CreateInstance<PersonService>(scope, user, audit),
            ActivatorUtilities.CreateInstance<CandidateService>(scope, user, audit, directory));
    }

    /// <summary>A person of <paramref name="user"/>'s institution with a fruit-picker profile, consenting or not; returns the person id.</summary>
    public static async Task<Guid> AddCandidateAsync(this IServiceProvider host, ICurrentUser user, bool consent, DateOnly birthDate)
    {
        await using var scope = host.CreateAsyncScope();
        var (people, candidates) = For(scope.ServiceProvider, user);
        var created = await people.CreateAsync(PersonBuilder.Valid("Salma", "Tahiri", birthDate) with { Phone = null, Email = null, ConfirmedNotDuplicate = true }, CancellationToken.None);
        var person = created.PersonId ?? throw new InvalidOperationException(created.Outcome.ToString());
        var picker = TestEsco.Occupation("cueilleur de fruits");
        var saved = await candidates.SaveProfileAsync(person, new CandidateProfileInput
        {
            Occupations = [new OccupationExperienceInput(picker, 18)],
            Skills = [.. TestEsco.EssentialSkillsOf(picker).Take(2).Select(s => new SkillEvidenceInput(s, Mismes.Matching.SkillEvidence.Declared))],
        }, CancellationToken.None);
        if (!saved.Succeeded)
        {
            throw new InvalidOperationException(saved.Outcome.ToString());
        }

        if (consent)
        {
            await people.GiveConsentAsync(person, ConsentPurpose.ShareProfileWithForeignEmployers, ConsentChannel.InPerson, null, CancellationToken.None);
        }

        return person;
    }
}
