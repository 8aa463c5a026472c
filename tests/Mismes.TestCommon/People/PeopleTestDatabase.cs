using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.People;
using Npgsql;
using Xunit;

namespace Mismes.TestCommon.People;

/// <summary>Who acts in a Core service test.</summary>
public sealed class TestUser(Guid? institutionId, params string[] roles) : ICurrentUser
{
    public Guid? UserId { get; } = Guid.NewGuid();

    public Guid? InstitutionId { get; } = institutionId;

    public bool IsInRole(string role) => roles.Contains(role, StringComparer.Ordinal);
}

/// <summary>
/// A migrated database of its own for Core service tests, on the provider chosen by MISMES_TEST_DB (SQLite file
/// by default, or a fresh database on the PostgreSQL server of MISMES_TEST_POSTGRES).
/// </summary>
public sealed class PeopleTestDatabase : IAsyncLifetime
{
    private readonly string _name = "mismes_core_" + Guid.NewGuid().ToString("N")[..12];
    private string _connectionString = "";

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public DatabaseProvider Provider { get; } = TestDatabase.Provider == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    public async Task InitializeAsync()
    {
        _connectionString = Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Database = _name }.ConnectionString
            : $"Data Source={Path.Combine(Path.GetTempPath(), _name + ".db")}";
        await using var db = NewContext();
        await DatabaseSetup.MigrateAsync(db, CancellationToken.None);
        await new ConsentNoticeSeeder(db).SeedAsync(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            TestDatabase.DropPostgresDatabase(_name);
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var file = Path.Combine(Path.GetTempPath(), _name + ".db");
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }

        return Task.CompletedTask;
    }

    public AppDbContext NewContext(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, Provider, _connectionString);
        options.AddInterceptors(interceptors);
        return new AppDbContext(options.Options);
    }

    public PersonService Service(AppDbContext db, ICurrentUser user) => new(db, user, new AuditLog(db, user, Clock), Clock);

    public async Task<Guid> AddInstitutionAsync(string code)
    {
        await using var db = NewContext();
        var existing = await db.Set<Institution>().FirstOrDefaultAsync(i => i.Code == code);
        if (existing is not null)
        {
            return existing.Id;
        }

        var institution = new Institution { Id = Guid.NewGuid(), Code = code, Name = code, Kind = InstitutionKind.PublicEmploymentService };
        db.Set<Institution>().Add(institution);
        await db.SaveChangesAsync();
        return institution.Id;
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
