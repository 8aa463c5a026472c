using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.Seeding;

namespace Mismes.Core.Catalogue;

/// <summary>
/// Seeds the catalogue with the measures of the report (<see cref="CatalogueSeedData"/>). Idempotent by slug: a measure
/// already present is left as it is (a programme manager may have edited it), only missing ones are added; links to
/// institutions seeded since (Order 0) are filled in on every run, and so is the plain-language guidance of a
/// translation that has none yet (measures seeded before it existed).
/// </summary>
internal sealed class CatalogueSeeder(AppDbContext db, TimeProvider clock) : IReferenceDataSeeder
{
    public int Order => 10;

    public async Task SeedAsync(CancellationToken ct)
    {
        var existing = await db.Set<SupportMeasure>().AsSplitQuery().Include(m => m.Parties).Include(m => m.Translations)
            .ToDictionaryAsync(m => m.Slug, StringComparer.Ordinal, ct);
        var institutions = await db.Set<Institution>().Select(i => new { i.Id, i.Code }).ToListAsync(ct);
        var institutionByCode = institutions.ToDictionary(i => i.Code, i => i.Id, StringComparer.OrdinalIgnoreCase);
        var now = clock.GetUtcNow();
        var otherIndex = 0;

        foreach (var seed in CatalogueSeedData.Measures)
        {
            otherIndex++;
            if (existing.TryGetValue(seed.Slug, out var present))
            {
                LinkInstitutions(present, institutionByCode);
                FillGuidance(present);
                continue;
            }

            var parent = seed.ParentSlug is null ? null : existing[seed.ParentSlug];
            var measure = new SupportMeasure
            {
                Id = Guid.NewGuid(),
                Slug = seed.Slug,
                Number = seed.Number,
                ParentId = parent?.Id,
                Position = seed.Position,
                Origin = seed.Origin,
                Phase = seed.Phase,
                StartYear = seed.StartYear,
                StartMonth = seed.StartMonth,
                EndYear = seed.EndYear,
                EndMonth = seed.EndMonth,
                Ongoing = seed.Ongoing,
                BudgetAmount = seed.BudgetAmount,
                BudgetCurrency = seed.BudgetCurrency,
                BeneficiariesMin = seed.BeneficiariesMin,
                BeneficiariesMax = seed.BeneficiariesMax,
                SourceReference = seed.Source,
                CreatedAt = now,
                UpdatedAt = now,
            };
            (measure.Reference, measure.SortKey) = CatalogueNumbering.For(seed.Number, parent, seed.Position, 10_000 + otherIndex);
            measure.Models.AddRange(seed.Models.Select(m => new SupportMeasureModelEntry { Model = m }));
            measure.Parties.AddRange(CatalogueNumbering.Parties(seed.Implementers, seed.Funders));
            measure.Translations.AddRange(seed.Texts.Select(t => new SupportMeasureTranslation
            {
                Culture = t.Culture,
                Title = t.Text.Title,
                Implementers = t.Text.Implementers,
                Funders = t.Text.Funders,
                Period = t.Text.Period,
                Budget = t.Text.Budget,
                Beneficiaries = t.Text.Beneficiaries,
                Activities = t.Text.Activities,
            }));
            LinkInstitutions(measure, institutionByCode);
            FillGuidance(measure);
            db.Set<SupportMeasure>().Add(measure);
            existing[seed.Slug] = measure;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Seeds the guidance of each translation that has none; guidance a programme manager wrote is kept.</summary>
    private static void FillGuidance(SupportMeasure measure)
    {
        if (!CatalogueSeedData.Guidance.TryGetValue(measure.Slug, out var byCulture))
        {
            return;
        }

        foreach (var row in measure.Translations)
        {
            if (byCulture.TryGetValue(row.Culture, out var g)
                && row.ForWhom is null && row.WhatYouGet is null && row.HowToApply is null && row.Contact is null)
            {
                (row.ForWhom, row.WhatYouGet, row.HowToApply, row.Contact) = (g.ForWhom, g.WhatYouGet, g.HowToApply, g.Contact);
            }
        }
    }

    internal static void LinkInstitutions(SupportMeasure measure, IReadOnlyDictionary<string, Guid> institutionByCode)
    {
        foreach (var party in measure.Parties.Where(p => p.InstitutionId is null))
        {
            party.InstitutionId = CatalogueNumbering.InstitutionCodes(party.Code)
                .Select(code => institutionByCode.TryGetValue(code, out var id) ? id : (Guid?)null)
                .FirstOrDefault(id => id is not null);
        }
    }
}

/// <summary>References ("9.3"), sort order and party rows, shared by the seeder and the editing service.</summary>
internal static class CatalogueNumbering
{
    public static (string? Reference, int SortKey) For(int? number, SupportMeasure? parent, int? position, int fallbackSortKey)
    {
        if (number is int n)
        {
            return (n.ToString(System.Globalization.CultureInfo.InvariantCulture), n * 100);
        }

        if (parent?.Number is int p && position is int pos)
        {
            return (string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{p}.{pos}"), (p * 100) + pos);
        }

        return (null, fallbackSortKey);
    }

    public static IEnumerable<SupportMeasureParty> Parties(IEnumerable<string> implementers, IEnumerable<string> funders) =>
        implementers.Select((code, i) => new SupportMeasureParty { Role = PartyRole.Implementer, Position = i + 1, Code = code })
            .Concat(funders.Select((code, i) => new SupportMeasureParty { Role = PartyRole.Funder, Position = i + 1, Code = code }));

    /// <summary>Institution codes a party code may match: the code itself, or the Moroccan office of an international one (IOM → IOM-MA).</summary>
    public static IEnumerable<string> InstitutionCodes(string partyCode) => [partyCode, partyCode + "-MA"];
}
