using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Catalogue;

namespace Mismes.Core.Tests.Catalogue;

public sealed class CatalogueSeederTests
{
    [Fact]
    public async Task Seed_Table21_HasNineNumberedMeasures()
    {
        using var t = new CatalogueDb();
        await t.SeedAsync();

        var numbers = await t.Db.Set<SupportMeasure>().Where(m => m.Number != null).Select(m => m.Number!.Value).ToListAsync();

        Assert.Equal(Enumerable.Range(1, 9), numbers.Order());
    }

    [Fact]
    public async Task Seed_Table21_GroupsThirteenInitiativesThreeBeforeFiveDuringFiveAfter()
    {
        using var t = new CatalogueDb();
        await t.SeedAsync();
        var table = await t.Db.Set<SupportMeasure>().Where(m => m.Origin == MeasureOrigin.Table21).ToListAsync();

        // An initiative is an entry of the table that groups nothing (report, chapter 2: 3 + 5 + 5 = 13).
        var initiatives = table.Where(m => table.All(c => c.ParentId != m.Id)).ToList();

        Assert.Equal(13, initiatives.Count);
        Assert.Equal(3, initiatives.Count(m => m.Phase == MigrationPhase.PreMigration));
        Assert.Equal(5, initiatives.Count(m => m.Phase == MigrationPhase.DuringMigration));
        Assert.Equal(5, initiatives.Count(m => m.Phase == MigrationPhase.PostMigration));
        var avrr = table.Single(m => m.Number == 9);
        Assert.Equal(["9.1", "9.2", "9.3", "9.4", "9.5"], table.Where(m => m.ParentId == avrr.Id).Select(m => m.Reference).Order(StringComparer.Ordinal));
        var anapec = table.Single(m => m.Number == 1);
        Assert.Equal("migration-saisonniere-maroc-espagne", table.Single(m => m.ParentId == anapec.Id).Slug);
    }

    [Fact]
    public async Task Seed_EveryMeasure_HasEveryTextInFourLanguagesAndItsFacts()
    {
        using var t = new CatalogueDb();
        await t.SeedAsync();

        var measures = await t.Db.Set<SupportMeasure>().Include(m => m.Translations).Include(m => m.Models).Include(m => m.Parties).ToListAsync();

        Assert.Equal(CatalogueSeedData.Measures.Count, measures.Count);
        Assert.All(measures, m =>
        {
            Assert.Equal(["ar", "en", "es", "fr"], m.Translations.Select(x => x.Culture).Order(StringComparer.Ordinal));
            Assert.All(m.Translations, x =>
            {
                foreach (var text in new[] { x.Title, x.Implementers, x.Funders, x.Period, x.Budget, x.Beneficiaries, x.Activities })
                {
                    Assert.False(string.IsNullOrWhiteSpace(text), $"{m.Slug}/{x.Culture} has an empty text");
                }
            });
            Assert.NotEmpty(m.Models);
            Assert.Contains(m.Parties, p => p.Role == PartyRole.Implementer);
            Assert.False(string.IsNullOrWhiteSpace(m.SourceReference));
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", m.Slug);
        });
    }

    [Theory]
    [InlineData("anapec-international", "1", MigrationPhase.PreMigration, 2001, null, true, null, null, 2000, 13000)]
    [InlineData("e-bosla", "2", MigrationPhase.PreMigration, 2012, 2014, false, 400000, null, 45, 45)]
    [InlineData("acces-emploi-international-jeunes", "3", MigrationPhase.PreMigration, 2015, 2018, false, 1975000, "USD", 100, 150)]
    [InlineData("tokten", "4", MigrationPhase.DuringMigration, 1990, 1996, false, null, null, 250, 250)]
    [InlineData("fincome", "5", MigrationPhase.DuringMigration, 2006, null, true, 1400000, "MAD", null, null)]
    [InlineData("maghribcom", "6", MigrationPhase.DuringMigration, 2013, null, true, null, null, 41000, 41000)]
    [InlineData("trqn-iii", "7", MigrationPhase.DuringMigration, 2013, 2015, false, 4877481, "EUR", null, null)]
    [InlineData("formation-jeunes-mre", "8", MigrationPhase.DuringMigration, 2009, null, true, null, null, 30, 40)]
    [InlineData("avrr", "9", MigrationPhase.PostMigration, null, null, false, null, null, null, null)]
    [InlineData("migration-saisonniere-maroc-espagne", "1.1", MigrationPhase.PreMigration, 2006, null, true, 1500000, "EUR", 2180, 13600)]
    public async Task Seed_Measure_HasTheReportsFigures(
        string slug, string reference, MigrationPhase phase, int? start, int? end, bool ongoing, int? budget, string? currency, int? min, int? max)
    {
        using var t = new CatalogueDb();
        await t.SeedAsync();

        var m = await t.Db.Set<SupportMeasure>().SingleAsync(x => x.Slug == slug);

        Assert.Equal(reference, m.Reference);
        Assert.Equal(phase, m.Phase);
        Assert.Equal(start, m.StartYear);
        Assert.Equal(end, m.EndYear);
        Assert.Equal(ongoing, m.Ongoing);
        Assert.Equal(budget, m.BudgetAmount is null ? null : (int)m.BudgetAmount);
        Assert.Equal(currency, m.BudgetCurrency);
        Assert.Equal(min, m.BeneficiariesMin);
        Assert.Equal(max, m.BeneficiariesMax);
    }

    [Theory]
    [InlineData("e-bosla", PartyRole.Implementer, "IOM")]
    [InlineData("acces-emploi-international-jeunes", PartyRole.Implementer, "ANAPEC,GIZ,WORLDBANK")]
    [InlineData("acces-emploi-international-jeunes", PartyRole.Funder, "MENATF")]
    [InlineData("trqn-iii", PartyRole.Funder, "NL")]
    [InlineData("avrr", PartyRole.Implementer, "IOM,OFII,CLUB-FRANCE-MAROC,CEFA,CARITAS-BE")]
    [InlineData("formation-jeunes-mre", PartyRole.Funder, "MCMREAM,OFPPT")]
    public async Task Seed_Measure_NamesItsParties(string slug, PartyRole role, string codes)
    {
        using var t = new CatalogueDb();
        await t.SeedAsync();

        var parties = await t.Db.Set<SupportMeasureParty>()
            .Where(p => p.Role == role && t.Db.Set<SupportMeasure>().Any(m => m.Id == p.MeasureId && m.Slug == slug))
            .OrderBy(p => p.Position).Select(p => p.Code).ToListAsync();

        Assert.Equal(codes.Split(','), parties);
    }

    [Fact]
    public async Task Seed_RunTwice_AddsNothingAndKeepsEdits()
    {
        using var t = new CatalogueDb();
        await t.SeedAsync();
        var fr = await t.Db.Set<SupportMeasureTranslation>().SingleAsync(x => x.Culture == "fr" && t.Db.Set<SupportMeasure>().Any(m => m.Id == x.MeasureId && m.Slug == "tokten"));
        fr.Title = "TOKTEN (corrigé)";
        await t.Db.SaveChangesAsync();

        using var second = t.NewContext();
        await t.SeedAsync(second);

        Assert.Equal(CatalogueSeedData.Measures.Count, await second.Set<SupportMeasure>().CountAsync());
        Assert.Equal(CatalogueSeedData.Measures.Count * 4, await second.Set<SupportMeasureTranslation>().CountAsync());
        Assert.Equal("TOKTEN (corrigé)", (await second.Set<SupportMeasureTranslation>().SingleAsync(x => x.MeasureId == fr.MeasureId && x.Culture == "fr")).Title);
    }

    [Fact]
    public async Task Seed_EveryMeasure_HasThePlainLanguageGuidanceInFourLanguages()
    {
        using var t = new CatalogueDb();
        await t.SeedAsync();

        var rows = await t.Db.Set<SupportMeasureTranslation>().ToListAsync();

        Assert.Equal(CatalogueSeedData.Measures.Count * 4, rows.Count);
        Assert.All(rows, r => Assert.False(
            string.IsNullOrWhiteSpace(r.ForWhom) || string.IsNullOrWhiteSpace(r.WhatYouGet) || string.IsNullOrWhiteSpace(r.HowToApply) || string.IsNullOrWhiteSpace(r.Contact),
            r.Culture + " " + r.Title));
        Assert.All(rows.Where(r => r.Culture == "ar"), r => Assert.Matches("[\u0600-\u06FF]", r.ForWhom));
    }

    [Fact]
    public async Task Seed_GuidanceMissingOrEdited_FillsOnlyWhatIsMissing()
    {
        using var t = new CatalogueDb();
        await t.SeedAsync();
        var rows = await t.Db.Set<SupportMeasureTranslation>().ToListAsync();
        var edited = rows[0];
        var emptied = rows[1];
        edited.ForWhom = "Texte modifié";
        (emptied.ForWhom, emptied.WhatYouGet, emptied.HowToApply, emptied.Contact) = (null, null, null, null);
        await t.Db.SaveChangesAsync();

        using var second = t.NewContext();
        await t.SeedAsync(second);

        var after = await t.NewContext().Set<SupportMeasureTranslation>().ToListAsync();
        Assert.Equal("Texte modifié", after.Single(r => r.MeasureId == edited.MeasureId && r.Culture == edited.Culture).ForWhom);
        Assert.False(string.IsNullOrWhiteSpace(after.Single(r => r.MeasureId == emptied.MeasureId && r.Culture == emptied.Culture).Contact));
    }

    [Fact]
    public async Task Seed_InstitutionAddedLater_LinksItsPartiesOnNextRun()
    {
        using var t = new CatalogueDb();
        await t.SeedAsync();
        Assert.DoesNotContain(await t.Db.Set<SupportMeasureParty>().ToListAsync(), p => p.InstitutionId != null);
        var anapec = new Institution { Id = Guid.NewGuid(), Code = "ANAPEC", Name = "ANAPEC", Kind = InstitutionKind.PublicEmploymentService };
        var iom = new Institution { Id = Guid.NewGuid(), Code = "IOM-MA", Name = "OIM Maroc", Kind = InstitutionKind.InternationalOrganisation };
        t.Db.Set<Institution>().AddRange(anapec, iom);
        await t.Db.SaveChangesAsync();

        using var second = t.NewContext();
        await t.SeedAsync(second);

        var parties = await second.Set<SupportMeasureParty>().ToListAsync();
        Assert.All(parties.Where(p => p.Code == "ANAPEC"), p => Assert.Equal(anapec.Id, p.InstitutionId));
        Assert.All(parties.Where(p => p.Code == "IOM"), p => Assert.Equal(iom.Id, p.InstitutionId));
        Assert.All(parties.Where(p => p.Code == "GIZ"), p => Assert.Null(p.InstitutionId));
    }
}
