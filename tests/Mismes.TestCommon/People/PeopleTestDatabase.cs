using Microsoft.Extensions.Time.Testing;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.People;

namespace Mismes.TestCommon.People;

/// <summary>A migrated database (see <see cref="MigratedTestDatabase"/>) with the consent notices, for People service tests.</summary>
public sealed class PeopleTestDatabase() : MigratedTestDatabase("mismes_core_")
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    protected override Task SeedAsync(AppDbContext db) => new ConsentNoticeSeeder(db).SeedAsync(CancellationToken.None);

    public CapturedLogs Logs { get; } = new();

    public PersonService Service(AppDbContext db, ICurrentUser user) => new(db, user, new AuditLog(db, user, Clock), Clock, Logs.Logger<PersonService>());

    public PersonMergeService MergeService(AppDbContext db, ICurrentUser user) => new(db, user, new AuditLog(db, user, Clock), Clock, Logs.Logger<PersonMergeService>());

    public async Task<Guid> AddInstitutionAsync(string code)
    {
        await using var db = NewContext();
        return await SignInHelpers.EnsureInstitutionAsync(db, code);
    }
}

/// <summary>Valid person requests to start from in tests.</summary>
public static class PersonBuilder
{
    public static CreatePerson Valid(string first = "Mohamed", string last = "El Amrani", DateOnly? birthDate = null) => new()
    {
        FirstNameLatin = first,
        LastNameLatin = last,
        BirthDate = birthDate ?? new DateOnly(1990, 3, 14),
        Sex = Sex.Male,
        MigrationStatus = MigrationStatus.ProspectiveMigrant,
        RegionCode = "MA-01",
        ProvinceCode = "TNG",
        CountryOfResidence = "MA",
        IscedLevel = 3,
        EqfLevel = 4,
        Languages = [new LanguageSkill("ar", CefrLevel.C2), new LanguageSkill("fr", CefrLevel.B1)],
    };
}
