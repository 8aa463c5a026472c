using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Catalogue;
using Mismes.Core.Common;
using Mismes.TestCommon;

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
        Assert.Equal("programme-pilote-de-mobilite", result.Value!.Slug);
        var saved = await t.Service().FindAsync("programme-pilote-de-mobilite", "ar", CancellationToken.None);
        Assert.Equal("برنامج نموذجي للتنقل", saved!.Title);
        Assert.Equal(MeasureOrigin.Added, saved.Origin);
        Assert.Equal(["ANAPEC", "GIZ"], saved.ImplementerCodes);
        var audit = await t.Db.Set<AuditEntry>().SingleAsync();
        Assert.Equal((AuditAction.Create, CatalogueService.RecordType, result.Value.Id.ToString()), (audit.Action, audit.RecordType, audit.RecordId));
    }

    [Fact]
    public async Task Create_AsInitiative_GetsTheNextReferenceInItsParent()
    {
        using var t = await SeededAsync();
        var input = ValidInput() with { ParentSlug = "avrr" };

        var result = await t.Service().CreateAsync(input, CancellationToken.None);

        var saved = await t.Service().FindAsync(result.Value!.Slug, "fr", CancellationToken.None);
        Assert.Equal("9.6", saved!.Reference);
    }

    public static TheoryData<Func<SaveMeasure, SaveMeasure>, string, string> InvalidInputs => new()
    {
        { i => i with { Texts = WithText(i, "fr", new MeasureTexts { Title = " " }) }, "Texts.fr.Title", "Catalogue.Error.Required" },
        { i => i with { Phase = (MigrationPhase)99 }, "Phase", "Catalogue.Error.UnknownValue" },
        { i => i with { Models = [] }, "Models", "Catalogue.Error.ModelRequired" },
        { i => i with { Models = [(MeasureModel)42] }, "Models", "Catalogue.Error.UnknownValue" },
        { i => i with { Slug = "Avec Espaces" }, "Slug", "Catalogue.Error.SlugFormat" },
        { i => i with { Slug = "e-bosla" }, "Slug", "Catalogue.Error.SlugTaken" },
        { i => i with { StartYear = 2020, EndYear = 2019 }, "EndYear", "Catalogue.Error.EndBeforeStart" },
        { i => i with { EndMonth = 13 }, "EndMonth", "Catalogue.Error.Month" },
        { i => i with { StartYear = 1850 }, "StartYear", "Catalogue.Error.Year" },
        { i => i with { BudgetCurrency = "euros" }, "BudgetCurrency", "Catalogue.Error.Currency" },
        { i => i with { BudgetAmount = -1 }, "BudgetAmount", "Catalogue.Error.Negative" },
        { i => i with { BeneficiariesMin = 50, BeneficiariesMax = 10 }, "BeneficiariesMax", "Catalogue.Error.MaxBelowMin" },
        { i => i with { Texts = WithText(i, "en", new MeasureTexts { Title = "", Activities = "Only activities" }) }, "Texts.en.Title", "Catalogue.Error.TitleForLanguage" },
        { i => i with { ParentSlug = "no-such-parent" }, "ParentSlug", "Catalogue.Error.UnknownParent" },
        { i => i with { ImplementerCodes = ["A B"] }, "ImplementerCodes", "Catalogue.Error.Code" },
        { i => i with { Ongoing = true, EndYear = 2030 }, "Ongoing", "Catalogue.Error.OngoingWithEnd" },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public async Task Create_InvalidInput_ReturnsFieldErrorAndSavesNothing(Func<SaveMeasure, SaveMeasure> spoil, string field, string message)
    {
        using var t = await SeededAsync();
        var before = await t.Db.Set<SupportMeasure>().CountAsync();
        var input = spoil(ValidInput());

        var result = await t.Service().CreateAsync(input, CancellationToken.None);

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.Equal(message, Assert.Contains(field, result.Errors)[0]);
        Assert.Equal(before, await t.Db.Set<SupportMeasure>().CountAsync());
        Assert.Empty(await t.Db.Set<AuditEntry>().ToListAsync());
    }

    [Fact]
    public async Task Update_ChangesFieldsAndTranslations_AuditsFieldNamesOnly()
    {
        using var t = await SeededAsync();
        var id = (await t.Db.Set<SupportMeasure>().SingleAsync(m => m.Slug == "e-bosla")).Id;
        var current = (await t.Service().GetForEditAsync(id, CancellationToken.None)).Value!;
        var texts = current.Texts.Where(x => x.Key != "es").ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal);
        texts["en"] = texts["en"] with { Title = "E-Bosla (Italy)" };
        var input = current with { BudgetCurrency = "EUR", Texts = texts };

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

        Assert.Equal(WriteOutcome.NotFound, result.Outcome);
    }

    /// <summary>Issue 6, 3.9: a programme manager at ANAPEC edited a measure implemented by IOM.</summary>
    [Theory]
    [InlineData("ANAPEC", Roles.ProgrammeManager, "anapec-international", WriteOutcome.Ok)]
    [InlineData("ANAPEC", Roles.ProgrammeManager, "avrr-oim", WriteOutcome.Forbidden)]
    [InlineData("IOM-MA", Roles.ProgrammeManager, "avrr-oim", WriteOutcome.Ok)]
    [InlineData("ANAPEC", Roles.Administrator, "avrr-oim", WriteOutcome.Ok)]
    [InlineData(null, Roles.ProgrammeManager, "avrr-oim", WriteOutcome.Forbidden)]
    public async Task Update_ByInstitution_OnlyTheImplementerOrAnAdministratorMayEdit(string? institutionCode, string role, string slug, WriteOutcome expected)
    {
        using var t = new CatalogueDb();
        var institutions = new[] { ("ANAPEC", InstitutionKind.PublicEmploymentService), ("IOM-MA", InstitutionKind.InternationalOrganisation) }
            .Select(x => new Institution { Id = Guid.NewGuid(), Code = x.Item1, Name = x.Item1, Kind = x.Item2 }).ToList();
        t.Db.Set<Institution>().AddRange(institutions);
        await t.Db.SaveChangesAsync();
        await t.SeedAsync();
        var user = new FakeCurrentUser(institutions.FirstOrDefault(i => i.Code == institutionCode)?.Id, role);
        var id = (await t.Db.Set<SupportMeasure>().SingleAsync(m => m.Slug == slug)).Id;
        var current = (await t.Service(user: new SystemUser()).GetForEditAsync(id, CancellationToken.None)).Value!;

        var forEdit = await t.Service(t.NewContext(), user).GetForEditAsync(id, CancellationToken.None);
        var result = await t.Service(t.NewContext(), user).UpdateAsync(id, current with { BudgetCurrency = "EUR" }, CancellationToken.None);

        Assert.Equal(expected, forEdit.Outcome);
        Assert.Equal(expected, result.Outcome);
        Assert.Equal(expected == WriteOutcome.Ok ? "EUR" : current.BudgetCurrency, (await t.NewContext().Set<SupportMeasure>().SingleAsync(m => m.Id == id)).BudgetCurrency);
    }

    [Fact]
    public async Task Create_ProgrammeManagerWhoseInstitutionIsNotAnImplementer_IsRefused()
    {
        using var t = new CatalogueDb();
        var anapec = new Institution { Id = Guid.NewGuid(), Code = "ANAPEC", Name = "ANAPEC", Kind = InstitutionKind.PublicEmploymentService };
        t.Db.Set<Institution>().Add(anapec);
        await t.Db.SaveChangesAsync();
        await t.SeedAsync();
        var manager = new FakeCurrentUser(anapec.Id, Roles.ProgrammeManager);

        var refused = await t.Service(user: manager).CreateAsync(ValidInput() with { ImplementerCodes = ["GIZ"] }, CancellationToken.None);
        var accepted = await t.Service(t.NewContext(), manager).CreateAsync(ValidInput(), CancellationToken.None);

        Assert.Equal("Catalogue.Error.OwnInstitutionImplementer", refused.Errors["ImplementerCodes"][0]);
        Assert.True(accepted.Succeeded);
    }

    [Theory]
    [InlineData("Programme d'aide au retour", "programme-d-aide-au-retour")]
    [InlineData("  Éducation   civique — Italie ", "education-civique-italie")]
    [InlineData("برنامج", "")]
    [InlineData("E-Bosla 2", "e-bosla-2")]
    public void Slugify_Title_GivesLatinSlug(string title, string slug) =>
        Assert.Equal(slug, CatalogueService.Slugify(title));

    private static Dictionary<string, MeasureTexts> WithText(SaveMeasure input, string culture, MeasureTexts text)
    {
        var texts = new Dictionary<string, MeasureTexts>(input.Texts, StringComparer.Ordinal) { [culture] = text };
        return texts;
    }

    private static SaveMeasure ValidInput() => new()
    {
        Phase = MigrationPhase.PreMigration,
        Models = [MeasureModel.InternationalJobMatching],
        ImplementerCodes = ["anapec", "GIZ"],
        FunderCodes = ["EU"],
        StartYear = 2025,
        StartMonth = 3,
        EndYear = 2027,
        BudgetAmount = 250_000m,
        BudgetCurrency = "eur",
        BeneficiariesMin = 100,
        BeneficiariesMax = 200,
        Texts = new Dictionary<string, MeasureTexts>(StringComparer.Ordinal)
        {
            ["fr"] = new MeasureTexts { Title = "Programme pilote de mobilité", Activities = "Présélection\nFormation" },
            ["ar"] = new MeasureTexts { Title = "برنامج نموذجي للتنقل" },
            ["en"] = new MeasureTexts { Title = "Pilot mobility programme" },
        },
    };
}
