using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mismes.Core.Data;
using Mismes.Core.Seeding;

namespace Mismes.Core.Administration;

/// <summary>One institution to seed; the parent is named by code so the list reads like the org chart.</summary>
internal sealed record InstitutionSeed(string Code, string Name, InstitutionKind Kind, string Country, string? ParentCode = null);

/// <summary>Inserts the institutions of a list that are missing (by code); never changes or duplicates existing rows.</summary>
internal static class InstitutionSeeding
{
    public static async Task InsertMissingAsync(AppDbContext db, IReadOnlyList<InstitutionSeed> seeds, bool isDemo, CancellationToken ct)
    {
        var existing = await db.Set<Institution>().ToDictionaryAsync(i => i.Code, i => i.Id, StringComparer.Ordinal, ct);
        foreach (var seed in seeds)
        {
            if (existing.ContainsKey(seed.Code))
            {
                continue;
            }

            var institution = new Institution
            {
                Id = Guid.NewGuid(),
                Code = seed.Code,
                Name = seed.Name,
                Kind = seed.Kind,
                Country = seed.Country,
                ParentId = seed.ParentCode is null ? null : existing[seed.ParentCode],
                IsDemo = isDemo,
            };
            db.Set<Institution>().Add(institution);
            existing[seed.Code] = institution.Id;
        }

        await db.SaveChangesAsync(ct);
    }
}

/// <summary>The real institutions named in issue 2 and the roles of <see cref="Roles"/>: present in every installation.</summary>
internal sealed class AdministrationReferenceSeeder(AppDbContext db) : IReferenceDataSeeder
{
    internal static readonly IReadOnlyList<InstitutionSeed> Institutions =
    [
        new(InstitutionCodes.Anapec, "Agence nationale de promotion de l'emploi et des compétences (ANAPEC)", InstitutionKind.PublicEmploymentService, "MA"),
        new(InstitutionCodes.Mcmream, "Ministère chargé des Marocains résidant à l'étranger et des affaires de la migration (MCMREAM)", InstitutionKind.Ministry, "MA"),
        new(InstitutionCodes.MinistryOfEmployment, "Ministère de l'Emploi", InstitutionKind.Ministry, "MA"),
        new(InstitutionCodes.Ofppt, "Office de la formation professionnelle et de la promotion du travail (OFPPT)", InstitutionKind.TrainingProvider, "MA"),
        new(InstitutionCodes.Cnrst, "Centre national pour la recherche scientifique et technique (CNRST)", InstitutionKind.ResearchCentre, "MA"),
        new(InstitutionCodes.IomMorocco, "Organisation internationale pour les migrations, mission au Maroc (OIM)", InstitutionKind.InternationalOrganisation, "MA"),
        new(InstitutionCodes.Ofii, "Office français de l'immigration et de l'intégration (OFII)", InstitutionKind.ForeignAgency, "FR"),
        new(InstitutionCodes.Giz, "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)", InstitutionKind.InternationalOrganisation, "DE"),
    ];

    public int Order => 0;

    public async Task SeedAsync(CancellationToken ct)
    {
        var roles = db.Set<IdentityRole<Guid>>();
        var existingRoles = await roles.Select(r => r.Name).ToListAsync(ct);
        foreach (var role in Roles.All.Where(r => !existingRoles.Contains(r)))
        {
            roles.Add(new IdentityRole<Guid>
            {
                Id = Guid.NewGuid(),
                Name = role,
                NormalizedName = role.ToUpperInvariant(),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
            });
        }

        await db.SaveChangesAsync(ct);
        await InstitutionSeeding.InsertMissingAsync(db, Institutions, isDemo: false, ct);
    }
}

/// <summary>Demo institutions (IsDemo = true): ANAPEC agencies, an NGO, a Spanish employer, foreign employment services.</summary>
internal sealed class DemoInstitutionSeeder(AppDbContext db) : IDemoDataSeeder
{
    internal static readonly IReadOnlyList<InstitutionSeed> Institutions =
    [
        new(DemoInstitutions.AnapecTanger, "ANAPEC Tanger (démo)", InstitutionKind.PublicEmploymentService, "MA", InstitutionCodes.Anapec),
        new(DemoInstitutions.AnapecCasablanca, "ANAPEC Casablanca (démo)", InstitutionKind.PublicEmploymentService, "MA", InstitutionCodes.Anapec),
        new(DemoInstitutions.AnapecBeniMellal, "ANAPEC Béni Mellal (démo)", InstitutionKind.PublicEmploymentService, "MA", InstitutionCodes.Anapec),
        new(DemoInstitutions.Ngo, "Association démo Retour et Développement", InstitutionKind.Ngo, "MA"),
        new(DemoInstitutions.HuelvaCooperative, "Cooperativa demo de fresas de Huelva", InstitutionKind.Employer, "ES"),
        new(DemoInstitutions.SpanishEmploymentService, "Servicio público de empleo (demo, ES)", InstitutionKind.ForeignEmploymentService, "ES"),
        new(DemoInstitutions.GermanEmploymentService, "Bundesagentur für Arbeit (Demo, DE)", InstitutionKind.ForeignEmploymentService, "DE"),
    ];

    public int Order => 0;

    public Task SeedAsync(CancellationToken ct) => InstitutionSeeding.InsertMissingAsync(db, Institutions, isDemo: true, ct);
}
