using Microsoft.EntityFrameworkCore;
using Mismes.Core.Catalogue;
using Mismes.Core.Data;
using Mismes.Core.Seeding;

namespace Mismes.Core.Evaluation;

/// <summary>
/// The indicators every installation starts with (programme managers may add more as data), and the study's
/// published historical figures as aggregate figures. Adds what is missing; never changes what an installation edited.
/// </summary>
internal sealed class IndicatorSeeder(AppDbContext db, CatalogueService catalogue, TimeProvider clock) : IReferenceDataSeeder
{
    internal sealed record Seed(string Code, string Fr, string Ar, string En, string Es, string Numerator, string? Excluded = null, string? Denominator = null);

    internal static readonly IReadOnlyList<Seed> Indicators =
    [
        new("candidates-registered", "Candidats inscrits au placement international", "المرشحون المسجلون في التشغيل الدولي", "Candidates registered for international placement", "Candidatos inscritos en la colocación internacional", "placement.registered"),
        new("seasonal-selected", "Travailleurs saisonniers sélectionnés", "العمال الموسميون المنتقون", "Seasonal workers selected", "Trabajadores de temporada seleccionados", "placement.selected"),
        new("placements", "Personnes recrutées à l'étranger", "الأشخاص الذين تم تشغيلهم في الخارج", "People hired abroad", "Personas contratadas en el extranjero", "placement.hired"),
        new("departures", "Départs", "المغادرون", "Departures", "Salidas", "placement.departed"),
        new("non-return-rate", "Taux de non-retour", "نسبة عدم العودة", "Non-return rate", "Tasa de no retorno", "placement.departed", "placement.returned", "placement.departed"),
        new("training-completion-rate", "Taux d'achèvement des formations", "نسبة إتمام التكوين", "Training completion rate", "Tasa de finalización de la formación", "training.completed", null, "training.enrolled"),
        new("certificates", "Compétences validées (certificats délivrés)", "الكفاءات المصادق عليها (الشهادات المسلمة)", "Skills validated (certificates issued)", "Competencias validadas (certificados expedidos)", "validation.certificate-issued"),
        new("reintegration-cases", "Dossiers de réintégration ouverts", "ملفات إعادة الإدماج المفتوحة", "Reintegration cases opened", "Expedientes de reintegración abiertos", "reintegration.case-opened"),
        new("reintegration-sustainable-12m", "Réintégrations durables à 12 mois", "إعادة الإدماج المستدامة بعد 12 شهرا", "Reintegration sustainable at 12 months", "Reintegración sostenible a los 12 meses", "reintegration.sustainable-12m", null, "reintegration.visit-12m"),
        new("expert-missions", "Missions d'experts de la diaspora réalisées", "مهام خبراء الجالية المنجزة", "Diaspora expert missions completed", "Misiones de expertos de la diáspora realizadas", "diaspora.mission-completed"),
    ];

    /// <summary>The study's figures for the Morocco–Spain seasonal programme (BRIEF.md, measure 1).</summary>
    internal static readonly IReadOnlyList<(string Indicator, string MeasureSlug, int Year, decimal Value)> HistoricalFigures =
    [
        ("seasonal-selected", "migration-saisonniere-maroc-espagne", 2008, 13_600),
        ("seasonal-selected", "migration-saisonniere-maroc-espagne", 2011, 6_800),
        ("seasonal-selected", "migration-saisonniere-maroc-espagne", 2014, 2_180),
    ];

    internal const string StudySource = "Étude sur les mesures d'accompagnement des migrants (2015), mesure 1";

    /// <summary>After the catalogue (whose measures the figures name).</summary>
    public int Order => 20;

    public async Task SeedAsync(CancellationToken ct)
    {
        var existing = await db.Set<IndicatorDefinition>().ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        var order = 0;
        foreach (var seed in Indicators)
        {
            order += 10;
            if (existing.ContainsKey(seed.Code))
            {
                continue;
            }

            var definition = new IndicatorDefinition
            {
                Id = Guid.NewGuid(),
                Code = seed.Code,
                NameFr = seed.Fr,
                NameAr = seed.Ar,
                NameEn = seed.En,
                NameEs = seed.Es,
                NumeratorKinds = seed.Numerator,
                ExcludedKinds = seed.Excluded,
                DenominatorKinds = seed.Denominator,
                Order = order,
            };
            db.Set<IndicatorDefinition>().Add(definition);
            existing[seed.Code] = definition;
        }

        foreach (var (code, slug, year, value) in HistoricalFigures)
        {
            var measure = await catalogue.FindAsync(slug, "fr", ct);
            var indicatorId = existing[code].Id;
            var measureId = measure?.Id;
            var present = await db.Set<AggregateFigure>().AnyAsync(f => f.IndicatorId == indicatorId && f.MeasureId == measureId && f.Year == year, ct);
            if (!present)
            {
                db.Set<AggregateFigure>().Add(new AggregateFigure
                {
                    Id = Guid.NewGuid(),
                    IndicatorId = indicatorId,
                    MeasureId = measureId,
                    Year = year,
                    Value = value,
                    Source = StudySource,
                    ImportedAt = clock.GetUtcNow(),
                });
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
