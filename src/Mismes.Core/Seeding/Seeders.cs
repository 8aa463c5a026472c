using Microsoft.Extensions.DependencyInjection;

namespace Mismes.Core.Seeding;

/// <summary>
/// Reference data every installation needs (institution kinds, the catalogue of support measures...).
/// Runs after each migration; must be idempotent (insert what is missing, never duplicate).
/// </summary>
public interface IReferenceDataSeeder
{
    /// <summary>Lower runs first (institutions before the measures that name them).</summary>
    int Order { get; }

    Task SeedAsync(CancellationToken ct);
}

/// <summary>
/// The deterministic demo data set (clearly marked IsDemo): loaded in Development and by `mismes demo seed`,
/// never in Production. Must be idempotent too.
/// </summary>
public interface IDemoDataSeeder
{
    int Order { get; }

    Task SeedAsync(CancellationToken ct);
}

public sealed class SeedRunner(IServiceProvider services)
{
    public async Task SeedReferenceDataAsync(CancellationToken ct)
    {
        foreach (var seeder in services.GetServices<IReferenceDataSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(ct);
        }
    }

    public async Task SeedDemoDataAsync(CancellationToken ct)
    {
        foreach (var seeder in services.GetServices<IDemoDataSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(ct);
        }
    }
}
