using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Mismes.Core.Administration;
using Mismes.Core.Catalogue;
using Mismes.Core.Data;

namespace Mismes.Core.Tests.Catalogue;

/// <summary>A fresh in-memory SQLite database with the whole model, and the catalogue's services over it.</summary>
internal sealed class CatalogueDb : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public CatalogueDb(DateTimeOffset? now = null)
    {
        _connection.Open();
        Clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        Db = NewContext();
        Db.Database.EnsureCreated();
    }

    public FakeTimeProvider Clock { get; }

    public AppDbContext Db { get; }

    public AppDbContext NewContext() =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(_connection).Options);

    /// <summary>The service as <paramref name="user"/> (default: the system, an administrator) uses it.</summary>
    public CatalogueService Service(AppDbContext? db = null, ICurrentUser? user = null)
    {
        db ??= Db;
        user ??= new SystemUser();
        return new CatalogueService(db, new AuditLog(db, user, Clock), Clock, user);
    }

    public async Task SeedAsync(AppDbContext? db = null) =>
        await new CatalogueSeeder(db ?? Db, Clock).SeedAsync(CancellationToken.None);

    public void Dispose()
    {
        Db.Dispose();
        _connection.Dispose();
    }
}
