using Microsoft.EntityFrameworkCore;
using Mismes.Core.Data;
using Mismes.Core.Placement.Vacancies;

namespace Mismes.Core.Training;

/// <summary>A course as read: its skills as ESCO URIs (the caller labels them in the reader's language).</summary>
public sealed record CourseView(
    Guid Id, string Code, string Title, CourseKind Kind, string? Language, Cefr? TargetLevel, decimal Hours, string Provider,
    decimal? CostPerLearner, string? CostCurrency, string? Description, IReadOnlyList<string> SkillUris);

/// <summary>A programme with its courses in order.</summary>
public sealed record ProgrammeView(Guid Id, string Code, string Title, int? DurationMonths, string? Description, IReadOnlyList<CourseView> Courses)
{
    public decimal Hours => Courses.Sum(c => c.Hours);
}

/// <summary>The training catalogue: courses and programmes, shared reference data that every signed-in staff member reads.</summary>
public sealed class TrainingCatalogueService(AppDbContext db)
{
    public async Task<IReadOnlyList<CourseView>> ListCoursesAsync(CourseKind? kind, CancellationToken ct)
    {
        var query = db.Set<TrainingCourse>().AsNoTracking().Include(c => c.Skills).AsQueryable();
        if (kind is { } k)
        {
            query = query.Where(c => c.Kind == k);
        }

        var courses = await query.ToListAsync(ct);
        return courses.OrderBy(c => c.Kind).ThenBy(c => c.Title, StringComparer.CurrentCulture).Select(ToView).ToList();
    }

    public async Task<CourseView?> FindCourseAsync(Guid id, CancellationToken ct) =>
        await db.Set<TrainingCourse>().AsNoTracking().Include(c => c.Skills).FirstOrDefaultAsync(c => c.Id == id, ct) is { } c ? ToView(c) : null;

    public async Task<IReadOnlyList<ProgrammeView>> ListProgrammesAsync(CancellationToken ct)
    {
        var programmes = await db.Set<TrainingProgramme>().AsNoTracking().Include(p => p.Courses).ToListAsync(ct);
        var courseIds = programmes.SelectMany(p => p.Courses).Select(c => c.CourseId).Distinct().ToList();
        var courses = await db.Set<TrainingCourse>().AsNoTracking().Include(c => c.Skills).Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return programmes.OrderBy(p => p.Title, StringComparer.CurrentCulture)
            .Select(p => new ProgrammeView(p.Id, p.Code, p.Title, p.DurationMonths, p.Description,
                p.Courses.OrderBy(c => c.Position).Select(c => ToView(courses[c.CourseId])).ToList()))
            .ToList();
    }

    internal static CourseView ToView(TrainingCourse c) => new(
        c.Id, c.Code, c.Title, c.Kind, c.Language, c.TargetLevel, c.Hours, c.Provider, c.CostPerLearner, c.CostCurrency, c.Description,
        c.Skills.Select(s => s.SkillUri).Order(StringComparer.Ordinal).ToList());
}
