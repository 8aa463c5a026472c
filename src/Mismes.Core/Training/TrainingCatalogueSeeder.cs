using Microsoft.EntityFrameworkCore;
using Mismes.Core.Data;
using Mismes.Core.Esco;
using Mismes.Core.Placement.Vacancies;
using Mismes.Core.Seeding;

namespace Mismes.Core.Training;

/// <summary>
/// Seeds the reference courses and programmes of the report (BRIEF.md): E-Bosla (40 h Italian + 20 h civic education
/// over two months), ANAPEC's 90-minute "Living and working abroad" workshop, the youth-to-Germany preparation (6 months
/// of German + an intercultural module) and a vocational upskilling course. Idempotent by code: a course already
/// present is left as a programme manager may have changed it. Skills are found in the shipped ESCO taxonomy by their
/// English preferred label, so the URIs are those of the installed ESCO version.
/// </summary>
internal sealed class TrainingCatalogueSeeder(AppDbContext db, EscoLookup esco, TimeProvider clock) : IReferenceDataSeeder
{
    private sealed record CourseSeed(
        string Code, string Title, CourseKind Kind, string? Language, Cefr? Level, decimal Hours, string Provider, decimal? Cost, string[] SkillLabels, string? Description = null);

    private sealed record ProgrammeSeed(string Code, string Title, int Months, string Description, string[] CourseCodes);

    private static readonly CourseSeed[] Courses =
    [
        new("ebosla-italian-40h", "Italien — E-Bosla (40 h)", CourseKind.Language, "it", Cefr.A2, 40, "ANAPEC / OIM", 1200m, ["Italian"]),
        new("ebosla-civic-20h", "Éducation civique — Italie (20 h)", CourseKind.CivicOrientation, null, null, 20, "ANAPEC / OIM", 600m, ["show intercultural awareness"]),
        new("anapec-living-working-abroad", "Vivre et travailler à l'étranger (atelier 90 min)", CourseKind.Workshop, null, null, 1.5m, "ANAPEC", 0m, ["work in an international environment"]),
        new("youth-germany-german-6m", "Allemand — préparation Jeunes vers l'Allemagne (6 mois)", CourseKind.Language, "de", Cefr.B1, 600, "Goethe-Institut / GIZ", 9000m, ["German"]),
        new("youth-germany-intercultural", "Module interculturel — Allemagne", CourseKind.Intercultural, null, null, 30, "GIZ", 900m, ["show intercultural awareness"]),
        new("ofppt-greenhouse-harvest", "Récolte et conditionnement des fruits rouges", CourseKind.Vocational, null, null, 60, "OFPPT", 1500m, ["harvest crops", "pack goods"]),
    ];

    private static readonly ProgrammeSeed[] Programmes =
    [
        new("ebosla", "E-Bosla (Italie)", 2, "40 h d'italien et 20 h d'éducation civique sur deux mois.", ["ebosla-italian-40h", "ebosla-civic-20h"]),
        new("youth-to-germany", "Jeunes vers l'Allemagne", 6, "6 mois d'allemand et un module interculturel avant un apprentissage de 2 ans.", ["youth-germany-german-6m", "youth-germany-intercultural"]),
    ];

    /// <summary>After the institutions and the catalogue of measures.</summary>
    public int Order => 30;

    public async Task SeedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var existing = await db.Set<TrainingCourse>().ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, ct);
        foreach (var seed in Courses.Where(s => !existing.ContainsKey(s.Code)))
        {
            var course = new TrainingCourse
            {
                Id = Guid.NewGuid(), Code = seed.Code, Title = seed.Title, Kind = seed.Kind, Language = seed.Language, TargetLevel = seed.Level,
                Hours = seed.Hours, Provider = seed.Provider, CostPerLearner = seed.Cost, CostCurrency = seed.Cost is null ? null : "MAD",
                Description = seed.Description, CreatedAt = now, UpdatedAt = now,
            };
            foreach (var uri in seed.SkillLabels.Select(FindSkill).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                course.Skills.Add(new TrainingCourseSkill { CourseId = course.Id, SkillUri = uri });
            }

            db.Add(course);
            existing[seed.Code] = course;
        }

        var programmes = await db.Set<TrainingProgramme>().Select(p => p.Code).ToListAsync(ct);
        foreach (var seed in Programmes.Where(s => !programmes.Contains(s.Code)))
        {
            var programme = new TrainingProgramme
            {
                Id = Guid.NewGuid(), Code = seed.Code, Title = seed.Title, DurationMonths = seed.Months, Description = seed.Description, CreatedAt = now,
            };
            programme.Courses.AddRange(seed.CourseCodes.Select((code, i) => new TrainingProgrammeCourse { ProgrammeId = programme.Id, CourseId = existing[code].Id, Position = i + 1 }));
            db.Add(programme);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The skill whose English label is the seed's, or the best search hit; null when the taxonomy has none.</summary>
    private string? FindSkill(string label)
    {
        var hits = esco.Skills(label, "en", 5);
        return (hits.FirstOrDefault(h => string.Equals(h.Label, label, StringComparison.OrdinalIgnoreCase)) ?? (hits.Count > 0 ? hits[0] : null))?.Uri;
    }
}
