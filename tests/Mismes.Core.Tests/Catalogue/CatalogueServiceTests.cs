using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Catalogue;

namespace Mismes.Core.Tests.Catalogue;

public sealed class CatalogueServiceTests
{
    private static async Task<CatalogueDb> SeededAsync(DateTimeOffset? now = null)
    {
        var t = new CatalogueDb(now);
        await t.SeedAsync();
        return t;
    }

    [Theory]
    [InlineData(MigrationPhase.PreMigration, "anapec-international,migration-saisonniere-maroc-espagne,e-bosla,acces-emploi-international-jeunes,atelier-vivre-travailler-etranger")]
    [InlineData(MigrationPhase.DuringMigration, "tokten,fincome,maghribcom,trqn-iii,formation-jeunes-mre")]
    [InlineData(MigrationPhase.PostMigration, "avrr,avrr-oim,avrr-ofii,club-france-maroc,cefa-italie,caritas-belgique,ofppt-validation-construction")]
    [InlineData(MigrationPhase.Several, "")]
    public async Task Search_ByPhase_ReturnsThePhasesMeasuresInTableOrder(MigrationPhase phase, string slugs)
    {
        using var t = await SeededAsync();

        var found = await t.Service().SearchAsync(new MeasureFilter { Phase = phase }, "fr", CancellationToken.None);

        Assert.Equal(slugs.Split(',', StringSplitOptions.RemoveEmptyEntries), found.Select(m => m.Slug));
    }

    [Theory]
    [InlineData(MeasureModel.SkillsCapitalisation, "tokten,fincome,maghribcom,trqn-iii,club-france-maroc")]
    [InlineData(MeasureModel.SkillsRecognition, "ofppt-validation-construction")]
    [InlineData(MeasureModel.LabourMarketInformationAndProtection, "migration-saisonniere-maroc-espagne")]
    [InlineData(MeasureModel.SocialFunds, "")]
    public async Task Search_ByModel_ReturnsMeasuresOfThatModel(MeasureModel model, string slugs)
    {
        using var t = await SeededAsync();

        var found = await t.Service().SearchAsync(new MeasureFilter { Model = model }, "fr", CancellationToken.None);

        Assert.Equal(slugs.Split(',', StringSplitOptions.RemoveEmptyEntries), found.Select(m => m.Slug));
    }

    [Theory]
    [InlineData("ANAPEC", "anapec-international,migration-saisonniere-maroc-espagne,acces-emploi-international-jeunes,atelier-vivre-travailler-etranger")]
    [InlineData("iom", "e-bosla,trqn-iii,avrr,avrr-oim")]
    [InlineData("OFPPT", "formation-jeunes-mre,ofppt-validation-construction")]
    [InlineData("NOBODY", "")]
    public async Task Search_ByImplementer_MatchesTheCodeWithoutRegardToCase(string implementer, string slugs)
    {
        using var t = await SeededAsync();

        var found = await t.Service().SearchAsync(new MeasureFilter { Implementer = implementer }, "fr", CancellationToken.None);

        Assert.Equal(slugs.Split(',', StringSplitOptions.RemoveEmptyEntries), found.Select(m => m.Slug));
    }

    [Theory]
    [InlineData("2026-11-02", MeasureStatus.Active, "anapec-international,migration-saisonniere-maroc-espagne,fincome,maghribcom,formation-jeunes-mre")]
    [InlineData("2026-11-02", MeasureStatus.Ended, "e-bosla,acces-emploi-international-jeunes,tokten,trqn-iii")]
    [InlineData("2014-06-01", MeasureStatus.Active, "anapec-international,migration-saisonniere-maroc-espagne,e-bosla,fincome,maghribcom,trqn-iii,formation-jeunes-mre")]
    [InlineData("2014-06-01", MeasureStatus.Upcoming, "acces-emploi-international-jeunes")]
    public async Task Search_ByStatus_DependsOnToday(string today, MeasureStatus status, string slugs)
    {
        using var t = await SeededAsync(DateTimeOffset.Parse(today + "T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

        var found = await t.Service().SearchAsync(new MeasureFilter { Status = status }, "fr", CancellationToken.None);

        Assert.Equal(slugs.Split(','), found.Select(m => m.Slug));
    }

    [Theory]
    [InlineData("fr", "reintegration", "avrr")]
    [InlineData("en", "strawberry", "migration-saisonniere-maroc-espagne")]
    [InlineData("ar", "الفراولة", "migration-saisonniere-maroc-espagne")]
    [InlineData("es", "fresa huelva", "migration-saisonniere-maroc-espagne")]
    [InlineData("en", "réintégration", "avrr")]
    [InlineData("ar", "tokten", "tokten")]
    public async Task Search_FreeText_MatchesAllWordsIgnoringCaseAndAccents(string culture, string text, string firstSlug)
    {
        using var t = await SeededAsync();

        var found = await t.Service().SearchAsync(new MeasureFilter { Text = text }, culture, CancellationToken.None);

        Assert.Equal(firstSlug, found[0].Slug);
    }

    [Theory]
    [InlineData("fr", "اسبانيا", "migration-saisonniere-maroc-espagne")]
    [InlineData("en", "اسبانيا", "migration-saisonniere-maroc-espagne")]
    [InlineData("ar", "اسبانيا", "migration-saisonniere-maroc-espagne")]
    [InlineData("ar", "إسبانيا", "migration-saisonniere-maroc-espagne")]
    [InlineData("fr", "انابيك", "anapec-international")]
    [InlineData("es", "انابيك", "anapec-international")]
    [InlineData("ar", "أنابيك", "anapec-international")]
    [InlineData("fr", "فراوله", "migration-saisonniere-maroc-espagne")]
    [InlineData("ar", "strawberry", "migration-saisonniere-maroc-espagne")]
    public async Task Search_ArabicSpellingVariantsInAnyInterfaceLanguage_FindTheMeasure(string culture, string text, string slug)
    {
        using var t = await SeededAsync();

        var found = await t.Service().SearchAsync(new MeasureFilter { Text = text }, culture, CancellationToken.None);

        Assert.Contains(slug, found.Select(m => m.Slug));
    }

    [Fact]
    public async Task Search_CombinedFilters_AllApply()
    {
        using var t = await SeededAsync();

        var found = await t.Service().SearchAsync(
            new MeasureFilter { Phase = MigrationPhase.PreMigration, Implementer = "ANAPEC", Status = MeasureStatus.Ended }, "fr", CancellationToken.None);

        Assert.Equal(["acces-emploi-international-jeunes"], found.Select(m => m.Slug));
    }

    [Theory]
    [InlineData("fr", "Forum international des compétences marocaines résidant à l'étranger (FINCOME)")]
    [InlineData("en", "International Forum of Moroccan Competences Abroad (FINCOME)")]
    [InlineData("ar-MA", "المنتدى الدولي للكفاءات المغربية المقيمة بالخارج (فينكوم)")]
    [InlineData("es", "Foro Internacional de Competencias Marroquíes Residentes en el Extranjero (FINCOME)")]
    [InlineData("de", "Forum international des compétences marocaines résidant à l'étranger (FINCOME)")]
    public async Task Find_BySlug_GivesTextsInTheLanguage(string culture, string title)
    {
        using var t = await SeededAsync();

        var m = await t.Service().FindAsync("fincome", culture, CancellationToken.None);

        Assert.Equal(title, m!.Title);
    }

    [Fact]
    public async Task Find_MissingTranslation_FallsBackToFrenchFieldByField()
    {
        using var t = await SeededAsync();
        var id = (await t.Db.Set<SupportMeasure>().SingleAsync(m => m.Slug == "tokten")).Id;
        t.Db.Set<SupportMeasureTranslation>().Remove(await t.Db.Set<SupportMeasureTranslation>().SingleAsync(x => x.MeasureId == id && x.Culture == "es"));
        var en = await t.Db.Set<SupportMeasureTranslation>().SingleAsync(x => x.MeasureId == id && x.Culture == "en");
        en.Budget = null;
        await t.Db.SaveChangesAsync();

        var es = await t.Service().FindAsync(id.ToString(), "es", CancellationToken.None);
        var english = await t.Service().FindAsync("tokten", "en", CancellationToken.None);

        Assert.Equal("fr", es!.Culture);
        Assert.Equal("TOKTEN (Transfert des connaissances par l'intermédiaire des expatriés)", es.Title);
        Assert.Equal("en", english!.Culture);
        Assert.Equal("Non disponible", english.Budget);
    }

    [Fact]
    public async Task Find_Parent_ListsItsInitiativesInOrder()
    {
        using var t = await SeededAsync();

        var avrr = await t.Service().FindAsync("avrr", "en", CancellationToken.None);
        var ofii = await t.Service().FindAsync("avrr-ofii", "en", CancellationToken.None);

        Assert.Equal(["9.1", "9.2", "9.3", "9.4", "9.5"], avrr!.Initiatives.Select(i => i.Reference));
        Assert.Equal("OFII voluntary return aid", avrr.Initiatives[1].Title);
        Assert.Equal("avrr", ofii!.ParentSlug);
        Assert.Equal("9", ofii.ParentReference);
        Assert.StartsWith("Assisted voluntary return and reintegration programmes (AVRR)", ofii.ParentTitle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Find_UnknownSlug_ReturnsNull()
    {
        using var t = await SeededAsync();

        Assert.Null(await t.Service().FindAsync("no-such-measure", "fr", CancellationToken.None));
        Assert.Null(await t.Service().FindAsync(Guid.NewGuid().ToString(), "fr", CancellationToken.None));
    }

    [Fact]
    public async Task Create_ValidInput_SavesTranslationsAndAudits()
    {
        using var t = await SeededAsync();

        var result = await t.Service().CreateAsync(ValidInput(), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("programme-pilote-de-mobilite", result.Slug);
        var saved = await t.Service().FindAsync("programme-pilote-de-mobilite", "ar", CancellationToken.None);
        Assert.Equal("برنامج نموذجي للتنقل", saved!.Title);
        Assert.Equal(MeasureOrigin.Added, saved.Origin);
        Assert.Equal(["ANAPEC", "GIZ"], saved.ImplementerCodes);
        var audit = await t.Db.Set<AuditEntry>().SingleAsync();
        Assert.Equal((AuditAction.Create, CatalogueService.RecordType, result.Id.ToString()), (audit.Action, audit.RecordType, audit.RecordId));
    }

    [Fact]
    public async Task Create_AsInitiative_GetsTheNextReferenceInItsParent()
    {
        using var t = await SeededAsync();
        var input = ValidInput();
        input.ParentSlug = "avrr";

        var result = await t.Service().CreateAsync(input, CancellationToken.None);

        var saved = await t.Service().FindAsync(result.Slug!, "fr", CancellationToken.None);
        Assert.Equal("9.6", saved!.Reference);
    }

    public static TheoryData<Action<MeasureInput>, string, string> InvalidInputs => new()
    {
        { i => i.Texts["fr"].Title = " ", "Texts.fr.Title", "Catalogue.Error.Required" },
        { i => i.Phase = "Later", "Phase", "Catalogue.Error.UnknownValue" },
        { i => i.Phase = "2", "Phase", "Catalogue.Error.UnknownValue" },
        { i => i.Phase = null, "Phase", "Catalogue.Error.Required" },
        { i => i.Models = [], "Models", "Catalogue.Error.ModelRequired" },
        { i => i.Models = ["Magic"], "Models", "Catalogue.Error.UnknownValue" },
        { i => i.Slug = "Avec Espaces", "Slug", "Catalogue.Error.SlugFormat" },
        { i => i.Slug = "e-bosla", "Slug", "Catalogue.Error.SlugTaken" },
        { i => (i.StartYear, i.EndYear) = (2020, 2019), "EndYear", "Catalogue.Error.EndBeforeStart" },
        { i => i.EndMonth = 13, "EndMonth", "Catalogue.Error.Month" },
        { i => i.StartYear = 1850, "StartYear", "Catalogue.Error.Year" },
        { i => i.BudgetCurrency = "euros", "BudgetCurrency", "Catalogue.Error.Currency" },
        { i => i.BudgetAmount = -1, "BudgetAmount", "Catalogue.Error.Negative" },
        { i => (i.BeneficiariesMin, i.BeneficiariesMax) = (50, 10), "BeneficiariesMax", "Catalogue.Error.MaxBelowMin" },
        { i => i.Texts["en"] = new MeasureTextInput { Activities = "Only activities" }, "Texts.en.Title", "Catalogue.Error.TitleForLanguage" },
        { i => i.ParentSlug = "no-such-parent", "ParentSlug", "Catalogue.Error.UnknownParent" },
        { i => i.ImplementerCodes = ["A B"], "ImplementerCodes", "Catalogue.Error.Code" },
        { i => (i.Ongoing, i.EndYear) = (true, 2030), "Ongoing", "Catalogue.Error.OngoingWithEnd" },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public async Task Create_InvalidInput_ReturnsFieldErrorAndSavesNothing(Action<MeasureInput> spoil, string field, string message)
    {
        using var t = await SeededAsync();
        var before = await t.Db.Set<SupportMeasure>().CountAsync();
        var input = ValidInput();
        spoil(input);

        var result = await t.Service().CreateAsync(input, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(message, Assert.Contains(field, result.Errors)[0]);
        Assert.Equal(before, await t.Db.Set<SupportMeasure>().CountAsync());
        Assert.Empty(await t.Db.Set<AuditEntry>().ToListAsync());
    }

    [Fact]
    public async Task Update_ChangesFieldsAndTranslations_AuditsFieldNamesOnly()
    {
        using var t = await SeededAsync();
        var id = (await t.Db.Set<SupportMeasure>().SingleAsync(m => m.Slug == "e-bosla")).Id;
        var input = (await t.Service().GetForEditAsync(id, CancellationToken.None))!;
        input.BudgetCurrency = "EUR";
        input.Texts["en"].Title = "E-Bosla (Italy)";
        input.Texts.Remove("es");

        using var fresh = t.NewContext();
        var result = await t.Service(fresh).UpdateAsync(id, input, CancellationToken.None);

        Assert.True(result.Succeeded);
        var m = await t.Service(t.NewContext()).FindAsync("e-bosla", "en", CancellationToken.None);
        Assert.Equal(("EUR", "E-Bosla (Italy)", "2", "Table21"), (m!.BudgetCurrency, m.Title, m.Reference, m.Origin.ToString()));
        Assert.Equal("fr", (await t.Service(t.NewContext()).FindAsync("e-bosla", "es", CancellationToken.None))!.Culture);
        var audit = await fresh.Set<AuditEntry>().SingleAsync();
        Assert.Equal(AuditAction.Update, audit.Action);
        Assert.Equal(["Budget", "Texts.en"], audit.Details!.Split(',').Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Update_UnknownId_IsNotFound()
    {
        using var t = await SeededAsync();

        var result = await t.Service().UpdateAsync(Guid.NewGuid(), ValidInput(), CancellationToken.None);

        Assert.True(result.NotFound);
    }

    [Theory]
    [InlineData("Programme d'aide au retour", "programme-d-aide-au-retour")]
    [InlineData("  Éducation   civique — Italie ", "education-civique-italie")]
    [InlineData("برنامج", "")]
    [InlineData("E-Bosla 2", "e-bosla-2")]
    public void Slugify_Title_GivesLatinSlug(string title, string slug) =>
        Assert.Equal(slug, CatalogueService.Slugify(title));

    [Theory]
    [InlineData("PreMigration", null, null, null, true)]
    [InlineData("premigration", "skillscapitalisation", "Active", null, true)]
    [InlineData("Before", null, null, "phase", false)]
    [InlineData(null, "12", null, "model", false)]
    [InlineData(null, null, "Finished", "status", false)]
    [InlineData("1", null, null, "phase", false)]
    public void FilterParse_Values_GiveFilterOrFieldError(string? phase, string? model, string? status, string? errorField, bool valid)
    {
        var errors = new Dictionary<string, string[]>();

        MeasureFilter.Parse(phase, model, null, status, null, errors);

        Assert.Equal(valid, errors.Count == 0);
        if (errorField is not null)
        {
            Assert.Equal("Catalogue.Error.UnknownValue", errors[errorField][0]);
        }
    }

    private static MeasureInput ValidInput() => new()
    {
        Phase = "PreMigration",
        Models = ["InternationalJobMatching"],
        ImplementerCodes = ["anapec, GIZ"],
        FunderCodes = ["EU"],
        StartYear = 2025,
        StartMonth = 3,
        EndYear = 2027,
        BudgetAmount = 250_000m,
        BudgetCurrency = "eur",
        BeneficiariesMin = 100,
        BeneficiariesMax = 200,
        Texts = new()
        {
            ["fr"] = new MeasureTextInput { Title = "Programme pilote de mobilité", Activities = "Présélection\nFormation" },
            ["ar"] = new MeasureTextInput { Title = "برنامج نموذجي للتنقل" },
            ["en"] = new MeasureTextInput { Title = "Pilot mobility programme" },
        },
    };
}
