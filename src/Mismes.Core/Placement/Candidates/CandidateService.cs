using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Common;
using Mismes.Core.Data;
using Mismes.Core.Esco;
using Mismes.Core.People;
using Mismes.Matching;
using CefrLevel = Mismes.Matching.CefrLevel;

namespace Mismes.Core.Placement.Candidates;

/// <summary>
/// Candidates' placement profiles. A profile belongs to a person of the registry (People, through its services) and
/// to that person's institution: staff see their own institution's candidates, another's is "not found". Every read
/// of a profile is audited (RecordType "Candidate"); every change also queues a row of the change feed that keeps
/// every node's matching index current, in the same SaveChanges.
/// </summary>
public sealed class CandidateService(AppDbContext db, ICurrentUser user, AuditLog audit, TimeProvider clock, EscoLookup esco, PersonDirectory people)
{
    public const string RecordType = "Candidate";
    public const int MaxOccupations = 10;
    public const int MaxSkills = 100;
    public const int MaxLanguages = 20;
    public const int MaxCountries = 30;
    public const int MaxExperienceMonths = 600;

    private IQueryable<Candidate> Visible() => db.Set<Candidate>().VisibleTo(user, c => c.InstitutionId);

    /// <summary>The person and their profile (null profile when none yet); null when the person is not visible. Audited.</summary>
    public async Task<CandidateRecord?> GetAsync(Guid personId, CancellationToken ct)
    {
        var summaries = await people.SummariesAsync([personId], ct);
        if (!summaries.TryGetValue(personId, out var person))
        {
            return null;
        }

        var candidate = await Load(Visible()).FirstOrDefaultAsync(c => c.PersonId == personId, ct);
        var consented = await people.WithCurrentConsentAsync(ConsentPurpose.ShareProfileWithForeignEmployers, [personId], ct);
        await audit.RecordReadAsync(RecordType, Key(personId), ct);
        return new CandidateRecord(person, candidate is null ? null : View(candidate), consented.Contains(personId));
    }

    /// <summary>
    /// The profile as input, to change one part and save the whole (an edit form's step); not audited as a read
    /// because the save that follows is. Empty input for a visible person with no profile; null when not visible.
    /// </summary>
    public async Task<CandidateProfileInput?> EditableAsync(Guid personId, CancellationToken ct)
    {
        if (await people.InstitutionOfAsync(personId, ct) is null)
        {
            return null;
        }

        var candidate = await Load(Visible()).AsNoTracking().FirstOrDefaultAsync(c => c.PersonId == personId, ct);
        return candidate is null ? new CandidateProfileInput() : View(candidate).ToInput();
    }

    /// <summary>Creates or replaces the profile of a person the user may see.</summary>
    public async Task<WriteResult<CandidateProfileView>> SaveProfileAsync(Guid personId, CandidateProfileInput input, CancellationToken ct)
    {
        var errors = Validate(input);
        if (!errors.IsEmpty)
        {
            return WriteResult<CandidateProfileView>.Invalid(errors);
        }

        var institution = await people.InstitutionOfAsync(personId, ct);
        if (institution is null)
        {
            return WriteResult<CandidateProfileView>.NotFound();
        }

        var now = clock.GetUtcNow();
        var candidate = await Load(db.Set<Candidate>()).FirstOrDefaultAsync(c => c.PersonId == personId, ct);
        var created = candidate is null;
        if (candidate is null)
        {
            candidate = new Candidate { PersonId = personId, InstitutionId = institution.Value, Source = input.Source, IsDemo = input.IsDemo, CreatedAt = now };
            db.Set<Candidate>().Add(candidate);
        }

        Apply(candidate, input);
        candidate.UpdatedAt = now;
        QueueChange(personId, now);
        audit.Add(created ? AuditAction.Create : AuditAction.Update, RecordType, Key(personId), "profile");
        await db.SaveChangesAsync(ct);
        return WriteResult<CandidateProfileView>.Ok(View(candidate));
    }

    /// <summary>
    /// Adds a skill to a person's profile with the evidence another capability holds (Training: "trained", Validation:
    /// "validated" or "certified"), making the profile if there is none. Evidence only ever rises: a validated skill
    /// stays validated when a training later reports it as trained.
    /// </summary>
    public async Task<WriteResult<CandidateProfileView>> AddSkillEvidenceAsync(Guid personId, string skillUri, SkillEvidence evidence, CancellationToken ct)
    {
        if (!esco.IsSkill(skillUri))
        {
            return WriteResult<CandidateProfileView>.Invalid("SkillUri", CandidateErrors.Skill);
        }

        if (!Enum.IsDefined(evidence))
        {
            return WriteResult<CandidateProfileView>.Invalid("Evidence", CandidateErrors.Evidence);
        }

        var institution = await people.InstitutionOfAsync(personId, ct);
        if (institution is null)
        {
            return WriteResult<CandidateProfileView>.NotFound();
        }

        var now = clock.GetUtcNow();
        var uri = skillUri.Trim();
        var candidate = await Load(db.Set<Candidate>()).FirstOrDefaultAsync(c => c.PersonId == personId, ct);
        var created = candidate is null;
        if (candidate is null)
        {
            candidate = new Candidate { PersonId = personId, InstitutionId = institution.Value, Source = CandidateSource.Advisor, CreatedAt = now };
            db.Set<Candidate>().Add(candidate);
        }

        var existing = candidate.Skills.FirstOrDefault(s => s.SkillUri == uri);
        if (existing is null)
        {
            if (candidate.Skills.Count >= MaxSkills)
            {
                return WriteResult<CandidateProfileView>.Invalid("Skills", CandidateErrors.TooMany);
            }

            candidate.Skills.Add(new CandidateSkill { SkillUri = uri, Evidence = evidence });
        }
        else if (existing.Evidence >= evidence)
        {
            return WriteResult<CandidateProfileView>.Ok(View(candidate));
        }
        else
        {
            existing.Evidence = evidence;
        }

        candidate.UpdatedAt = now;
        QueueChange(personId, now);
        audit.Add(created ? AuditAction.Create : AuditAction.Update, RecordType, Key(personId),
            string.Create(CultureInfo.InvariantCulture, $"skill;evidence:{evidence}"));
        await db.SaveChangesAsync(ct);
        return WriteResult<CandidateProfileView>.Ok(View(candidate));
    }

    /// <summary>The user's institution's candidates, most recently updated first; one audit entry per list shown.</summary>
    public async Task<Paged<CandidateListItem>> ListAsync(CandidateSearch search, CancellationToken ct)
    {
        var query = Visible();
        if (!string.IsNullOrWhiteSpace(search.OccupationUri))
        {
            var uri = search.OccupationUri.Trim();
            query = query.Where(c => c.Occupations.Any(o => o.OccupationUri == uri));
        }

        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id)
            .Skip(search.Paging.Skip).Take(search.Paging.PageSize)
            .Select(c => new { c.PersonId, c.UpdatedAt, Occupations = c.Occupations.Select(o => o.OccupationUri).ToList(), Skills = c.Skills.Count })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.PersonId).ToList();
        var names = await people.SummariesAsync(ids, ct);
        var consented = await people.WithCurrentConsentAsync(ConsentPurpose.ShareProfileWithForeignEmployers, ids, ct);
        var items = rows.Where(r => names.ContainsKey(r.PersonId)).Select(r =>
        {
            var p = names[r.PersonId];
            return new CandidateListItem(p.Id, p.FirstNameLatin, p.LastNameLatin, p.FirstNameArabic, p.LastNameArabic,
                r.Occupations, r.Skills, consented.Contains(r.PersonId), r.UpdatedAt);
        }).ToList();
        audit.Add(AuditAction.Read, RecordType, "list",
            string.Create(CultureInfo.InvariantCulture, $"filters:{(search.OccupationUri is null ? "" : "OccupationUri")};shown:{items.Count}"));
        await db.SaveChangesAsync(ct);
        return new Paged<CandidateListItem>(items, total, search.Paging.Page, search.Paging.PageSize);
    }

    /// <summary>Field errors of a profile (resource keys), without touching the database.</summary>
    public FieldErrors Validate(CandidateProfileInput input)
    {
        var errors = new FieldErrors();
        if (input.Occupations.Count > MaxOccupations)
        {
            errors.Add("Occupations", CandidateErrors.TooMany);
        }

        foreach (var o in input.Occupations)
        {
            if (!esco.IsOccupation(o.OccupationUri))
            {
                errors.Add("Occupations", CandidateErrors.Occupation);
            }

            if (o.ExperienceMonths is < 0 or > MaxExperienceMonths)
            {
                errors.Add("ExperienceMonths", CandidateErrors.Experience);
            }
        }

        if (input.Occupations.GroupBy(o => o.OccupationUri?.Trim(), StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            errors.Add("Occupations", CandidateErrors.Twice);
        }

        if (input.Skills.Count > MaxSkills)
        {
            errors.Add("Skills", CandidateErrors.TooMany);
        }

        foreach (var s in input.Skills)
        {
            if (!esco.IsSkill(s.SkillUri))
            {
                errors.Add("Skills", CandidateErrors.Skill);
            }

            if (!Enum.IsDefined(s.Evidence))
            {
                errors.Add("Evidence", CandidateErrors.Evidence);
            }
        }

        if (input.Skills.GroupBy(s => s.SkillUri?.Trim(), StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            errors.Add("Skills", CandidateErrors.Twice);
        }

        if (input.Languages.Count > MaxLanguages)
        {
            errors.Add("Languages", CandidateErrors.TooMany);
        }

        foreach (var l in input.Languages)
        {
            if (!IsLanguageCode(l.Language))
            {
                errors.Add("Language", CandidateErrors.Language);
            }

            if (!Enum.IsDefined(l.Level))
            {
                errors.Add("Level", CandidateErrors.Level);
            }
        }

        if (input.Languages.GroupBy(l => l.Language?.Trim().ToLowerInvariant(), StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            errors.Add("Languages", CandidateErrors.Twice);
        }

        if (input.EqfLevel is < 1 or > 8)
        {
            errors.Add("EqfLevel", CandidateErrors.Eqf);
        }

        if (input.AvailableFrom is { } from && input.AvailableTo is { } to && to < from)
        {
            errors.Add("AvailableTo", CandidateErrors.Availability);
        }

        if (input.CountriesWanted.Count > MaxCountries)
        {
            errors.Add("CountriesWanted", CandidateErrors.TooMany);
        }

        if (input.CountriesWanted.Any(c => !IsCountryCode(c)))
        {
            errors.Add("CountriesWanted", CandidateErrors.Country);
        }

        return errors;
    }

    public static bool IsLanguageCode(string? code) =>
        code is not null && code.Trim() is { Length: 2 or 3 } c && c.All(char.IsAsciiLetter);

    public static bool IsCountryCode(string? code) =>
        code is not null && code.Trim() is { Length: 2 } c && c.All(char.IsAsciiLetter);

    private void QueueChange(Guid personId, DateTimeOffset now) =>
        db.Set<CandidateChange>().Add(new CandidateChange { PersonId = personId, At = now });

    private static IQueryable<Candidate> Load(IQueryable<Candidate> query) =>
        query.Include(c => c.Occupations).Include(c => c.Skills).Include(c => c.Languages).AsSplitQuery();

    internal static void Apply(Candidate candidate, CandidateProfileInput input)
    {
        candidate.EqfLevel = input.EqfLevel;
        candidate.AvailableFrom = input.AvailableFrom;
        candidate.AvailableTo = input.AvailableTo;
        candidate.CountriesWanted = string.Join(',', input.CountriesWanted.Select(c => c.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

        Sync(candidate.Occupations, input.Occupations, o => o.OccupationUri, o => o.OccupationUri.Trim(),
            o => new CandidateOccupation { OccupationUri = o.OccupationUri.Trim(), ExperienceMonths = o.ExperienceMonths },
            (e, o) => e.ExperienceMonths = o.ExperienceMonths);
        Sync(candidate.Skills, input.Skills, s => s.SkillUri, s => s.SkillUri.Trim(),
            s => new CandidateSkill { SkillUri = s.SkillUri.Trim(), Evidence = s.Evidence },
            (e, s) => e.Evidence = s.Evidence);
        Sync(candidate.Languages, input.Languages, l => l.Language, l => l.Language.Trim().ToLowerInvariant(),
            l => new CandidateLanguage { Language = l.Language.Trim().ToLowerInvariant(), Level = l.Level },
            (e, l) => e.Level = l.Level);
    }

    /// <summary>Makes the rows match the input by key, updating rows in place (unique indexes stay satisfied).</summary>
    private static void Sync<TRow, TInput>(List<TRow> rows, IReadOnlyList<TInput> input, Func<TRow, string> rowKey, Func<TInput, string> inputKey, Func<TInput, TRow> make, Action<TRow, TInput> update)
    {
        var wanted = input.ToDictionary(inputKey, StringComparer.Ordinal);
        rows.RemoveAll(r => !wanted.ContainsKey(rowKey(r)));
        foreach (var (key, value) in wanted)
        {
            var row = rows.FirstOrDefault(r => rowKey(r) == key);
            if (row is null)
            {
                rows.Add(make(value));
            }
            else
            {
                update(row, value);
            }
        }
    }

    internal static CandidateProfileView View(Candidate c) => new(
        c.Id, c.PersonId, c.InstitutionId, c.Source,
        [.. c.Occupations.OrderBy(o => o.Id).Select(o => new OccupationExperienceInput(o.OccupationUri, o.ExperienceMonths))],
        [.. c.Skills.OrderByDescending(s => s.Evidence).ThenBy(s => s.Id).Select(s => new SkillEvidenceInput(s.SkillUri, s.Evidence))],
        [.. c.Languages.OrderBy(l => l.Language, StringComparer.Ordinal).Select(l => new LanguageLevelInput(l.Language, l.Level))],
        c.EqfLevel, c.AvailableFrom, c.AvailableTo,
        c.CountriesWanted.Split(',', StringSplitOptions.RemoveEmptyEntries), c.UpdatedAt);

    private static string Key(Guid personId) => personId.ToString("D", CultureInfo.InvariantCulture);
}
