using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.Esco;
using Mismes.Core.Placement.Vacancies;

namespace Mismes.TestCommon.Placement;

/// <summary>A migrated database (SQLite or PostgreSQL, see <see cref="MigratedTestDatabase"/>) for vacancy service tests.</summary>
public sealed class VacancyTestDatabase() : MigratedTestDatabase("mismes_vac_")
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public EscoLookup Esco { get; } = new ServiceCollection().AddEsco().BuildServiceProvider().GetRequiredService<EscoLookup>();

    public VacancyService Service(AppDbContext db, ICurrentUser user) => new(db, user, new AuditLog(db, user, Clock), Clock, Esco);

    public async Task<Guid> AddInstitutionAsync(string code, InstitutionKind kind = InstitutionKind.PublicEmploymentService)
    {
        await using var db = NewContext();
        var id = await SignInHelpers.EnsureInstitutionAsync(db, code);
        var institution = await db.Set<Institution>().FindAsync(id);
        institution!.Kind = kind;
        await db.SaveChangesAsync();
        return id;
    }
}

/// <summary>Valid vacancy requests to start from in tests: Huelva strawberry picking.</summary>
public static class VacancyBuilder
{
    public static SaveVacancy Valid(string title = "Recolector de fresas", DateOnly? validUntil = null) => new()
    {
        EmployerName = "Freshuelva Agrícola",
        Country = "es",
        Region = "Andalucía (Huelva)",
        Title = title,
        Positions = 40,
        Languages = [new LanguageNeed("es", Cefr.A2)],
        ExperienceMonths = 3,
        PayAmount = 35m,
        PayCurrency = "eur",
        PayPeriod = PayPeriod.Day,
        HoursPerDay = 7,
        OvertimeRate = 6.5m,
        PaidOnlyDaysWorked = true,
        DurationMonths = 4,
        Housing = HousingTerms.Free,
        TravelPaidBy = CostBorneBy.Employer,
        VisaFee = 80,
        VisaFeePaidBy = CostBorneBy.Worker,
        StartDate = new DateOnly(2027, 2, 1),
        ValidUntil = validUntil ?? new DateOnly(2026, 12, 15),
    };
}
