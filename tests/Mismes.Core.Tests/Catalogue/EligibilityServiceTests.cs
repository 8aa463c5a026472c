using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Catalogue;
using Mismes.Core.Catalogue.Eligibility;
using Mismes.Core.Common;
using Mismes.TestCommon;

namespace Mismes.Core.Tests.Catalogue;

/// <summary>The eligibility finder (issue 10): rules as data per measure, answers in, fitting measures with reasons out.</summary>
public sealed class EligibilityServiceTests
{
    private static EligibilityService Service(CatalogueDb t, ICurrentUser? user = null)
    {
        var db = t.NewContext();
        user ??= new SystemUser();
        return new EligibilityService(db, t.Service(db, user), new AuditLog(db, user, t.Clock), t.Clock);
    }

    private static async Task<CatalogueDb> SeededAsync()
    {
        var t = new CatalogueDb();
        await t.SeedAsync();
        await new EligibilitySeeder(t.Db, t.Clock).SeedAsync(CancellationToken.None);
        return t;
    }

    private static async Task<string[]> FindAsync(CatalogueDb t, FinderAnswers answers, string culture = "fr") =>
        [.. (await Service(t).FindAsync(answers, culture, CancellationToken.None)).Select(m => m.Measure.Slug)];

    [Fact]
    public async Task Find_ReturneeInConstructionFromSpain_ValidationFirstThenReintegration_NotTheOtherCountriesProgrammes()
    {
        using var t = await SeededAsync();

        var found = await Service(t).FindAsync(new FinderAnswers { Situation = Situation.Returned, Field = WorkField.Construction, Country = "ES" }, "ar", CancellationToken.None);

        // Validation names her field (two reasons); the general AVRR programmes ask nothing else (one reason, table order).
        // OFII (France), CEFA (Italy) and Caritas (Belgium) are for other countries; Club France-Maroc is not for returnees.
        Assert.Equal(["ofppt-validation-construction", "avrr", "avrr-oim"], found.Select(m => m.Measure.Slug));
        Assert.Equal([FitReason.Situation, FitReason.Field], found[0].Reasons);
        Assert.Equal("/Placement/Register", found[0].NextStepPath);
        Assert.StartsWith("مشروع نموذجي", found[0].Measure.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Find_ReturneeFromFranceWhoSkippedTheField_GetsTheFrenchProgrammeFirstAndValidationStill()
    {
        using var t = await SeededAsync();

        var found = await FindAsync(t, new FinderAnswers { Situation = Situation.Returned, Country = "FR" });

        // A skipped question never rules a measure out: validation in construction is still shown.
        Assert.Equal(["avrr-ofii", "avrr", "avrr-oim", "ofppt-validation-construction"], found);
    }

    [Fact]
    public async Task Find_SeasonalFarmWorkerForSpain_SeasonalProgrammeFirst_EndedMeasuresNeverShown()
    {
        using var t = await SeededAsync();

        var found = await FindAsync(t, new FinderAnswers { Situation = Situation.Preparing, Field = WorkField.Agriculture, Country = "ES", Languages = ["ar"] });

        // E-Bosla (Italy) and the youth-to-Germany project ended before 2026-11-02; the finder offers what runs.
        Assert.Equal(["migration-saisonniere-maroc-espagne", "anapec-international", "atelier-vivre-travailler-etranger"], found);
    }

    [Fact]
    public async Task Find_DoctorAbroad_GetsTheExpertProgrammes_NotTheTrainingForUnemployedYouth()
    {
        using var t = await SeededAsync();

        var found = await FindAsync(t, new FinderAnswers { Situation = Situation.Abroad, Schooling = Schooling.Doctorate });

        Assert.Equal(["fincome", "club-france-maroc", "maghribcom"], found);
    }

    [Fact]
    public async Task Find_YoungWorkerAbroadWithMiddleSchool_GetsVocationalTraining_NotTheExpertProgrammes()
    {
        using var t = await SeededAsync();

        var found = await FindAsync(t, new FinderAnswers { Situation = Situation.Abroad, Schooling = Schooling.Middle, Country = "DE" });

        Assert.Equal(["formation-jeunes-mre", "maghribcom"], found);
    }

    [Fact]
    public async Task Find_WithoutSituation_ProposesNothing()
    {
        using var t = await SeededAsync();

        Assert.Empty(await FindAsync(t, new FinderAnswers { Field = WorkField.Construction }));
    }

    [Fact]
    public async Task Find_MeasureWithoutRules_IsNeverProposed()
    {
        using var t = await SeededAsync();
        var anapec = await t.Db.Set<SupportMeasure>().SingleAsync(m => m.Slug == "anapec-international");
        await t.Db.Set<MeasureEligibility>().Where(e => e.MeasureId == anapec.Id).ExecuteDeleteAsync();

        var found = await FindAsync(t, new FinderAnswers { Situation = Situation.Preparing });

        Assert.DoesNotContain("anapec-international", found);
        Assert.Contains("atelier-vivre-travailler-etranger", found);
    }

    [Theory]
    [InlineData(null, null, Schooling.None, true)]
    [InlineData(4, null, Schooling.Vocational, false)]
    [InlineData(4, null, Schooling.Baccalaureate, true)]
    [InlineData(null, 5, Schooling.Technician, true)]
    [InlineData(null, 5, Schooling.Bachelor, false)]
    [InlineData(6, 8, Schooling.Doctorate, true)]
    public void Fit_SchoolingBounds_AreInclusiveEqfLevels(int? min, int? max, Schooling schooling, bool fits)
    {
        var rules = new EligibilityRulesInput { Situations = [Situation.Preparing], MinEqf = min, MaxEqf = max };

        var reasons = EligibilityService.Fit(rules, new FinderAnswers { Situation = Situation.Preparing, Schooling = schooling });

        Assert.Equal(fits, reasons is not null);
        Assert.Equal(fits && (min is not null || max is not null), reasons?.Contains(FitReason.Schooling) == true);
    }

    [Fact]
    public void Fit_Languages_OneInCommonIsEnough_NoneInCommonRulesOut_SkippedNeverRulesOut()
    {
        var rules = new EligibilityRulesInput { Situations = [Situation.Preparing], Languages = ["de", "en"] };

        Assert.Equal([FitReason.Situation, FitReason.Language], EligibilityService.Fit(rules, new FinderAnswers { Situation = Situation.Preparing, Languages = ["ar", "en"] }));
        Assert.Null(EligibilityService.Fit(rules, new FinderAnswers { Situation = Situation.Preparing, Languages = ["ar", "fr"] }));
        Assert.Equal([FitReason.Situation], EligibilityService.Fit(rules, new FinderAnswers { Situation = Situation.Preparing }));
        Assert.Null(EligibilityService.Fit(rules, new FinderAnswers { Situation = Situation.Returned, Languages = ["de"] }));
    }

    [Fact]
    public async Task Save_ByTheImplementer_ChangesTheFinderAnswer_IsAudited_AndReseedingKeepsTheChange()
    {
        using var t = await SeededAsync();
        var anapec = await t.Db.Set<SupportMeasure>().SingleAsync(m => m.Slug == "anapec-international");

        var saved = await Service(t).SaveAsync(anapec.Id, new EligibilityRulesInput { Situations = [Situation.Preparing], MinEqf = 4, Languages = ["fr", "es"] }, CancellationToken.None);
        await new EligibilitySeeder(t.NewContext(), t.Clock).SeedAsync(CancellationToken.None);

        Assert.Equal(WriteOutcome.Ok, saved.Outcome);
        Assert.DoesNotContain("anapec-international", await FindAsync(t, new FinderAnswers { Situation = Situation.Preparing, Schooling = Schooling.Primary }));
        Assert.Contains("anapec-international", await FindAsync(t, new FinderAnswers { Situation = Situation.Preparing, Schooling = Schooling.Bachelor, Languages = ["es"] }));
        var entry = await t.NewContext().Set<AuditEntry>().SingleAsync(a => a.RecordId == anapec.Id.ToString());
        Assert.Equal(AuditAction.Update, entry.Action);
    }

    [Fact]
    public async Task Save_ByAnotherInstitutionsManager_IsForbidden_AndChangesNothing()
    {
        using var t = new CatalogueDb();
        var anapec = new Institution { Id = Guid.NewGuid(), Code = "ANAPEC", Name = "ANAPEC", Kind = InstitutionKind.PublicEmploymentService };
        t.Db.Set<Institution>().Add(anapec);
        await t.Db.SaveChangesAsync();
        await t.SeedAsync();
        await new EligibilitySeeder(t.Db, t.Clock).SeedAsync(CancellationToken.None);
        var oim = await t.Db.Set<SupportMeasure>().SingleAsync(m => m.Slug == "avrr-oim");

        var result = await Service(t, user: new FakeCurrentUser(anapec.Id, Roles.ProgrammeManager))
            .SaveAsync(oim.Id, new EligibilityRulesInput { Situations = [Situation.Preparing] }, CancellationToken.None);

        Assert.Equal(WriteOutcome.Forbidden, result.Outcome);
        Assert.Equal([Situation.Returning, Situation.Returned], (await Service(t).RulesAsync(oim.Id, CancellationToken.None))!.Situations);
    }

    [Theory]
    [InlineData("Situations", "Catalogue.Eligibility.Error.Situations")]
    [InlineData("MinEqf", "Catalogue.Eligibility.Error.Eqf")]
    [InlineData("MaxEqf", "Catalogue.Eligibility.Error.EqfOrder")]
    [InlineData("Languages", "Catalogue.Eligibility.Error.Value")]
    [InlineData("Countries", "Catalogue.Eligibility.Error.Value")]
    [InlineData("NextStepPath", "Catalogue.Eligibility.Error.Path")]
    public async Task Save_InvalidRules_NameTheFieldAndWriteNothing(string field, string key)
    {
        using var t = await SeededAsync();
        var anapec = await t.Db.Set<SupportMeasure>().SingleAsync(m => m.Slug == "anapec-international");
        var valid = new EligibilityRulesInput { Situations = [Situation.Preparing] };
        var input = field switch
        {
            "Situations" => valid with { Situations = [] },
            "MinEqf" => valid with { MinEqf = 9 },
            "MaxEqf" => valid with { MinEqf = 6, MaxEqf = 4 },
            "Languages" => valid with { Languages = ["xx"] },
            "Countries" => valid with { Countries = ["ZZ"] },
            _ => valid with { NextStepPath = "//evil.example/register" },
        };

        var result = await Service(t).SaveAsync(anapec.Id, input, CancellationToken.None);

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.Equal(key, result.Errors[field][0]);
        Assert.Equal("/Placement/Register", (await Service(t).RulesAsync(anapec.Id, CancellationToken.None))!.NextStepPath);
        Assert.Empty(await t.NewContext().Set<AuditEntry>().ToListAsync());
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("/Placement/Register next")]
    [InlineData("Placement/Register")]
    public void Validate_NextStepPath_OnlyALocalPath(string path) =>
        Assert.Contains("NextStepPath", EligibilityService.Validate(new EligibilityRulesInput { Situations = [Situation.Preparing], NextStepPath = path }).Keys);

    [Fact]
    public async Task Seed_EveryRuleNamesASeededMeasure_AndRunningTwiceAddsNothing()
    {
        using var t = await SeededAsync();
        await new EligibilitySeeder(t.NewContext(), t.Clock).SeedAsync(CancellationToken.None);

        Assert.Equal(EligibilitySeeder.Rules.Count, await t.NewContext().Set<MeasureEligibility>().CountAsync());
    }
}
