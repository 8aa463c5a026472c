using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.Esco;
using Mismes.Core.Evaluation;
using Mismes.Core.People;
using Mismes.Core.Placement.Candidates;
using Mismes.Core.Seeding;

namespace Mismes.Core.Recognition;

/// <summary>Where the public verification pages are, for credentials signed outside a request (the demo seeder).</summary>
public sealed record RecognitionLinks(string PublicBaseUrl);

/// <summary>
/// Demo validations on demo returnees, one at each step: submitted, assessed, and certified with a signed certificate
/// (so the first run shows the verification page working). Made through the real service, acting as the system;
/// once only. Registered by the web host, which has the key ring that protects the signing key.
/// </summary>
internal sealed class RecognitionDemoSeeder(
    AppDbContext db, TimeProvider clock, EscoLookup esco, IDataProtectionProvider protection, RecognitionLinks links) : IDemoDataSeeder
{
    public int Order => 40;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<ValidationApplication>().AnyAsync(ct))
        {
            return;
        }

        var system = new SystemUser();
        var directory = new PersonDirectory(db, system);
        var demo = await directory.DemoPeopleAsync(ct);
        var summaries = await directory.SummariesAsync(demo, ct);
        var returnees = demo.Where(id => summaries.TryGetValue(id, out var p) && p.MigrationStatus == MigrationStatus.Returned).Take(3).ToList();
        if (returnees.Count < 3)
        {
            returnees = [.. demo.Take(3)];
        }

        var found = esco.Occupations("maçon", "fr", 1);
        var mason = found.Count > 0 ? found[0] : null;
        if (mason is null || returnees.Count == 0)
        {
            return;
        }

        var skills = esco.Taxonomy.EssentialSkills(esco.Taxonomy.FindByUri(mason.Uri)!).Take(5).Select(s => s.Uri).ToList();
        var audit = new AuditLog(db, system, clock);
        var people = new PersonService(db, system, audit, clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<PersonService>.Instance);
        var service = new ValidationService(db, system, audit, clock, directory, esco,
            new CandidateService(db, system, audit, clock, esco, directory), new OutcomeRecorder(db, people, clock), new CredentialKeyRing(db, protection, clock));

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        for (var i = 0; i < returnees.Count; i++)
        {
            var applied = await service.ApplyAsync(new NewValidationApplication
            {
                PersonId = returnees[i],
                Trade = "Maçonnerie",
                CountryOfWork = i == 1 ? "FR" : "ES",
                YearsAbroad = 4 + i,
                WorkAbroad = "Chantiers de logements collectifs : maçonnerie, coffrage, enduits.",
                References = "Chef de chantier de l'entreprise, joignable par l'agence.",
                SkillUris = skills,
            }, ct);
            if (!applied.Succeeded || i == 0)
            {
                continue;
            }

            await service.AssessAsync(applied.Value!.Id, new AssessmentInput
            {
                AssessedOn = today.AddDays(-7),
                Assessors = "Formateur OFPPT, bâtiment\nProfessionnel du secteur",
                EqfLevel = 3,
                Validated = skills[..^1],
            }, ct);
            if (i == 2)
            {
                await service.CertifyAsync(applied.Value.Id, links.PublicBaseUrl, ct);
            }
        }
    }
}
