using Microsoft.EntityFrameworkCore;
using Mismes.Core.Data;
using Mismes.Core.Seeding;

namespace Mismes.Core.Catalogue.Eligibility;

/// <summary>
/// Who each measure of the report is for, as the report's texts and the catalogue's "for whom" say it. Idempotent per
/// measure: rules a programme manager has written or changed are never overwritten, missing ones are added.
/// </summary>
internal sealed class EligibilitySeeder(AppDbContext db, TimeProvider clock) : IReferenceDataSeeder
{
    private const string Register = "/Placement/Register";

    /// <summary>After the catalogue (Order 10), whose measures these rules belong to.</summary>
    public int Order => 20;

    internal static readonly IReadOnlyList<(string Slug, EligibilityRulesInput Rules)> Rules =
    [
        ("anapec-international", new() { Situations = [Situation.Preparing], NextStepPath = Register }),
        ("migration-saisonniere-maroc-espagne", new() { Situations = [Situation.Preparing], Fields = [WorkField.Agriculture], Countries = ["ES"], NextStepPath = Register }),
        ("e-bosla", new() { Situations = [Situation.Preparing], Countries = ["IT"], NextStepPath = Register }),
        ("acces-emploi-international-jeunes", new() { Situations = [Situation.Preparing], MinEqf = 4, Countries = ["DE"], NextStepPath = Register }),
        ("atelier-vivre-travailler-etranger", new() { Situations = [Situation.Preparing], NextStepPath = Register }),
        ("tokten", new() { Situations = [Situation.Abroad, Situation.Returning], MinEqf = 6 }),
        ("fincome", new() { Situations = [Situation.Abroad], MinEqf = 6 }),
        ("maghribcom", new() { Situations = [Situation.Abroad] }),
        ("trqn-iii", new() { Situations = [Situation.Abroad, Situation.Returning], MinEqf = 5, Countries = ["NL"] }),
        ("formation-jeunes-mre", new() { Situations = [Situation.Abroad], MaxEqf = 5 }),
        ("avrr", new() { Situations = [Situation.Returning, Situation.Returned], NextStepPath = Register }),
        ("avrr-oim", new() { Situations = [Situation.Returning, Situation.Returned], NextStepPath = Register }),
        ("avrr-ofii", new() { Situations = [Situation.Returning, Situation.Returned], Countries = ["FR"], NextStepPath = Register }),
        ("club-france-maroc", new() { Situations = [Situation.Abroad, Situation.Returning], MinEqf = 6, Countries = ["FR"] }),
        ("cefa-italie", new() { Situations = [Situation.Returning, Situation.Returned], Countries = ["IT"], NextStepPath = Register }),
        ("caritas-belgique", new() { Situations = [Situation.Returning, Situation.Returned], Countries = ["BE"], NextStepPath = Register }),
        ("ofppt-validation-construction", new() { Situations = [Situation.Returned], Fields = [WorkField.Construction], NextStepPath = Register }),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var measures = await db.Set<SupportMeasure>().Select(m => new { m.Id, m.Slug }).ToDictionaryAsync(m => m.Slug, m => m.Id, StringComparer.Ordinal, ct);
        var present = (await db.Set<MeasureEligibility>().Select(e => e.MeasureId).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow();
        foreach (var (slug, rules) in Rules)
        {
            if (measures.TryGetValue(slug, out var id) && !present.Contains(id))
            {
                var row = new MeasureEligibility { MeasureId = id, UpdatedAt = now };
                EligibilityService.Apply(row, rules);
                db.Set<MeasureEligibility>().Add(row);
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
