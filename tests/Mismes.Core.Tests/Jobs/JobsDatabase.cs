using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Mismes.Core.Data;
using Mismes.Core.Jobs;
using Mismes.TestCommon;

namespace Mismes.Core.Tests.Jobs;

/// <summary>
/// A migrated database of its own on the provider the suite runs on (MISMES_TEST_DB). Tests share it and keep apart
/// by giving their jobs kinds of their own (the claim filters by kind).
/// </summary>
public sealed class JobsDatabase() : MigratedTestDatabase("mismes_jobs_")
{
    public static JobQueue Queue(AppDbContext db, TimeProvider clock, JobOptions? options = null) =>
        new(db, clock, Options.Create(options ?? new JobOptions()));

    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    /// <summary>A job kind no other test uses.</summary>
    public static string UniqueKind(string name) => $"test.{name}.{Guid.NewGuid():N}";
}
