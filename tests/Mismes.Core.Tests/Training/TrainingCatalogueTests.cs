using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Mismes.Core.Data;
using Mismes.Core.Esco;
using Mismes.Core.Placement.Vacancies;
using Mismes.Core.Training;
using Mismes.TestCommon;

namespace Mismes.Core.Tests.Training;

/// <summary>A migrated database (SQLite or PostgreSQL) with the training catalogue seeded.</summary>
public sealed class TrainingCatalogueDatabase() : MigratedTestDatabase("mismes_trn_")
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public EscoLookup Esco { get; } = new ServiceCollection().AddEsco().BuildServiceProvider().GetRequiredService<EscoLookup>();

    internal Task SeedCatalogueAsync(AppDbContext db) => new TrainingCatalogueSeeder(db, Esco, Clock).SeedAsync(CancellationToken.None);
}

public sealed class TrainingCatalogueTests(TrainingCatalogueDatabase database) : IClassFixture<TrainingCatalogueDatabase>
{
    [Fact]
    public async Task Seed_TwiceAddsEachReferenceCourseOnce_WithHoursLevelAndSkills()
    {
        await using (var db = database.NewContext())
        {
            await database.SeedCatalogueAsync(db);
        }

        await using (var db = database.NewContext())
        {
            await database.SeedCatalogueAsync(db);
        }

        await using var read = database.NewContext();
        var courses = await new TrainingCatalogueService(read).ListCoursesAsync(null, CancellationToken.None);
        Assert.Equal(6, courses.Count);
        Assert.Equal(courses.Count, courses.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count());
        var german = courses.Single(c => c.Code == "youth-germany-german-6m");
        Assert.Equal((CourseKind.Language, "de", Cefr.B1), (german.Kind, german.Language, german.TargetLevel));
        Assert.Equal(1.5m, courses.Single(c => c.Kind == CourseKind.Workshop).Hours);
        Assert.All(courses, c => Assert.NotEmpty(c.SkillUris));
        Assert.All(courses.SelectMany(c => c.SkillUris), uri => Assert.True(database.Esco.IsSkill(uri), uri));
    }

    [Fact]
    public async Task Programmes_EBoslaIs40HoursItalianPlus20HoursCivic_YouthToGermanyIsSixMonths()
    {
        await using (var db = database.NewContext())
        {
            await database.SeedCatalogueAsync(db);
        }

        await using var read = database.NewContext();
        var programmes = await new TrainingCatalogueService(read).ListProgrammesAsync(CancellationToken.None);

        var ebosla = programmes.Single(p => p.Code == "ebosla");
        Assert.Equal([40m, 20m], ebosla.Courses.Select(c => c.Hours));
        Assert.Equal([CourseKind.Language, CourseKind.CivicOrientation], ebosla.Courses.Select(c => c.Kind));
        Assert.Equal(2, ebosla.DurationMonths);
        var germany = programmes.Single(p => p.Code == "youth-to-germany");
        Assert.Equal(6, germany.DurationMonths);
        Assert.Equal([CourseKind.Language, CourseKind.Intercultural], germany.Courses.Select(c => c.Kind));
    }

    [Fact]
    public async Task ListCourses_OfOneKind_AndFindUnknown_IsNull()
    {
        await using (var db = database.NewContext())
        {
            await database.SeedCatalogueAsync(db);
        }

        await using var read = database.NewContext();
        var service = new TrainingCatalogueService(read);
        var languages = await service.ListCoursesAsync(CourseKind.Language, CancellationToken.None);

        Assert.Equal(["de", "it"], languages.Select(c => c.Language).Order(StringComparer.Ordinal));
        Assert.Null(await service.FindCourseAsync(Guid.NewGuid(), CancellationToken.None));
    }
}
