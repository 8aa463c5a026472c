using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Common;
using Mismes.Core.Data;
using Mismes.Core.Esco;
using Mismes.Core.People;

namespace Mismes.Core.Diaspora.Experts;

/// <summary>
/// Experts' profiles. A profile belongs to a person of the registry (People, through its services) and to that
/// person's institution: staff see their own institution's experts, another's is "not found". Every read of a profile
/// is audited (RecordType "Expert"); every change also queues a row of the change feed that keeps every node's expert
/// index current, in the same SaveChanges.
/// </summary>
public sealed class ExpertService(AppDbContext db, ICurrentUser user, AuditLog audit, TimeProvider clock, EscoLookup esco, PersonDirectory people)
{
    public const string RecordType = "Expert";
    public const int ShortestMissionWeeks = 2;
    public const int LongestMissionWeeks = 26;
    public const int MaxItems = 50;
    public const int MaxYears = 60;
    public const int MaxText = 200;

    private IQueryable<Expert> Visible() => db.Set<Expert>().VisibleTo(user, e => e.InstitutionId);

    /// <summary>The person and their expert profile (null profile when none yet); null when the person is not visible. Audited.</summary>
    public async Task<ExpertRecord?> GetAsync(Guid personId, CancellationToken ct)
    {
        var summaries = await people.SummariesAsync([personId], ct);
        if (!summaries.TryGetValue(personId, out var person))
        {
            return null;
        }

        var expert = await Load(Visible()).AsNoTracking().FirstOrDefaultAsync(e => e.PersonId == personId, ct);
        await audit.RecordReadAsync(RecordType, Key(personId), ct);
        return new ExpertRecord(person, expert is null ? null : View(expert));
    }

    /// <summary>Creates or replaces the expert profile of a person the user may see.</summary>
    public async Task<WriteResult<ExpertProfileView>> SaveProfileAsync(Guid personId, ExpertProfileInput input, CancellationToken ct)
    {
        var errors = Validate(input);
        if (!errors.IsEmpty)
        {
            return WriteResult<ExpertProfileView>.Invalid(errors);
        }

        var institution = await people.InstitutionOfAsync(personId, ct);
        if (institution is null)
        {
            return WriteResult<ExpertProfileView>.NotFound();
        }

        var now = clock.GetUtcNow();
        var expert = await Load(db.Set<Expert>()).FirstOrDefaultAsync(e => e.PersonId == personId, ct);
        var created = expert is null;
        if (expert is null)
        {
            expert = new Expert
            {
                PersonId = personId, InstitutionId = institution.Value, Source = input.Source, IsDemo = input.IsDemo,
                ResidenceCountry = "", CreatedAt = now,
            };
            db.Set<Expert>().Add(expert);
        }

        Apply(expert, input);
        expert.UpdatedAt = now;
        db.Set<ExpertChange>().Add(new ExpertChange { PersonId = personId, At = now });
        audit.Add(created ? AuditAction.Create : AuditAction.Update, RecordType, Key(personId), "profile");
        await db.SaveChangesAsync(ct);
        return WriteResult<ExpertProfileView>.Ok(View(expert));
    }

    /// <summary>The user's institution's experts, most recently updated first; one audit entry per list shown.</summary>
    public async Task<Paged<ExpertListItem>> ListAsync(ExpertSearch search, CancellationToken ct)
    {
        var query = Visible();
        if (!string.IsNullOrWhiteSpace(search.Country))
        {
            var country = search.Country.Trim().ToUpperInvariant();
            query = query.Where(e => e.ResidenceCountry == country);
        }

        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderByDescending(e => e.UpdatedAt).ThenByDescending(e => e.Id)
            .Skip(search.Paging.Skip).Take(search.Paging.PageSize)
            .Select(e => new { e.PersonId, e.ResidenceCountry, e.ResidenceCity, e.Domains, e.UpdatedAt, Occupations = e.Occupations.Select(o => o.OccupationUri).ToList() })
            .ToListAsync(ct);
        var names = await people.SummariesAsync([.. rows.Select(r => r.PersonId)], ct);
        var items = rows.Where(r => names.ContainsKey(r.PersonId)).Select(r =>
        {
            var p = names[r.PersonId];
            return new ExpertListItem(p.Id, p.FirstNameLatin, p.LastNameLatin, r.ResidenceCountry, r.ResidenceCity, r.Occupations, SplitDomains(r.Domains), r.UpdatedAt);
        }).ToList();
        audit.Add(AuditAction.Read, RecordType, "list",
            string.Create(CultureInfo.InvariantCulture, $"filters:{(search.Country is null ? "" : "Country")};shown:{items.Count}"));
        await db.SaveChangesAsync(ct);
        return new Paged<ExpertListItem>(items, total, search.Paging.Page, search.Paging.PageSize);
    }

    /// <summary>Field errors of a profile (resource keys), without touching the database.</summary>
    public FieldErrors Validate(ExpertProfileInput input)
    {
        var errors = new FieldErrors();
        // An expert of the diaspora lives abroad: Morocco is not a country of residence here (a returnee is Reintegration's).
        if (!IsCountryCode(input.ResidenceCountry) || string.Equals(input.ResidenceCountry.Trim(), "MA", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("ResidenceCountry", ExpertErrors.Country);
        }

        if ((input.ResidenceCity ?? "").Length > 100 || (input.EmployerAbroad ?? "").Length > MaxText)
        {
            errors.Add("EmployerAbroad", ExpertErrors.Text);
        }

        CheckList(errors, "OccupationUris", input.OccupationUris, u => esco.IsOccupation(u), ExpertErrors.Occupation);
        CheckList(errors, "SkillUris", input.SkillUris, u => esco.IsSkill(u), ExpertErrors.Skill);
        CheckList(errors, "Domains", input.Domains, d => !string.IsNullOrWhiteSpace(d) && d.Trim().Length <= 60 && !d.Contains('|', StringComparison.Ordinal), ExpertErrors.Domain);

        if (input.Degrees.Count > MaxItems)
        {
            errors.Add("Degrees", ExpertErrors.TooMany);
        }

        foreach (var d in input.Degrees)
        {
            if (string.IsNullOrWhiteSpace(d.Title) || d.Title.Trim().Length > MaxText)
            {
                errors.Add("Degrees", ExpertErrors.Degree);
            }

            if (d.EqfLevel is < 1 or > 8)
            {
                errors.Add("EqfLevel", ExpertErrors.Eqf);
            }
        }

        if (input.YearsOfExperience is < 0 or > MaxYears)
        {
            errors.Add("YearsOfExperience", ExpertErrors.Experience);
        }

        if (input.Languages.Count > MaxItems)
        {
            errors.Add("Languages", ExpertErrors.TooMany);
        }

        foreach (var l in input.Languages)
        {
            if (!IsLanguageCode(l.Language))
            {
                errors.Add("Language", ExpertErrors.Language);
            }

            if (!Enum.IsDefined(l.Level))
            {
                errors.Add("Level", ExpertErrors.Level);
            }
        }

        if (input.Languages.GroupBy(l => l.Language?.Trim().ToLowerInvariant(), StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            errors.Add("Languages", ExpertErrors.Twice);
        }

        if (input.Availability.Count > MaxItems)
        {
            errors.Add("Availability", ExpertErrors.TooMany);
        }

        if (input.Availability.Any(a => a.To < a.From))
        {
            errors.Add("Availability", ExpertErrors.Availability);
        }

        if (!Enum.IsDefined(input.Mode))
        {
            errors.Add("Mode", ExpertErrors.Mode);
        }

        if (input.MinMissionWeeks < ShortestMissionWeeks || input.MaxMissionWeeks > LongestMissionWeeks || input.MaxMissionWeeks < input.MinMissionWeeks)
        {
            errors.Add("MaxMissionWeeks", ExpertErrors.Duration);
        }

        return errors;
    }

    private static void CheckList(FieldErrors errors, string field, IReadOnlyList<string> values, Func<string, bool> valid, string key)
    {
        if (values.Count > MaxItems)
        {
            errors.Add(field, ExpertErrors.TooMany);
        }

        if (values.Any(v => v is null || !valid(v)))
        {
            errors.Add(field, key);
        }
        else if (values.GroupBy(v => v.Trim(), StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            errors.Add(field, ExpertErrors.Twice);
        }
    }

    public static bool IsLanguageCode(string? code) =>
        code is not null && code.Trim() is { Length: 2 or 3 } c && c.All(char.IsAsciiLetter);

    public static bool IsCountryCode(string? code) =>
        code is not null && code.Trim() is { Length: 2 } c && c.All(char.IsAsciiLetter);

    private static IQueryable<Expert> Load(IQueryable<Expert> query) =>
        query.Include(e => e.Occupations).Include(e => e.Skills).Include(e => e.Languages)
            .Include(e => e.Degrees).Include(e => e.Availability).AsSplitQuery();

    private static void Apply(Expert expert, ExpertProfileInput input)
    {
        expert.ResidenceCountry = input.ResidenceCountry.Trim().ToUpperInvariant();
        expert.ResidenceCity = (input.ResidenceCity ?? "").Trim();
        expert.EmployerAbroad = (input.EmployerAbroad ?? "").Trim();
        expert.Domains = string.Join('|', input.Domains.Select(d => d.Trim()));
        expert.YearsOfExperience = input.YearsOfExperience;
        expert.Mode = input.Mode;
        expert.MinMissionWeeks = input.MinMissionWeeks;
        expert.MaxMissionWeeks = input.MaxMissionWeeks;

        var occupations = input.OccupationUris.Select(u => u.Trim()).ToHashSet(StringComparer.Ordinal);
        expert.Occupations.RemoveAll(o => !occupations.Contains(o.OccupationUri));
        foreach (var uri in occupations.Where(u => expert.Occupations.All(o => o.OccupationUri != u)))
        {
            expert.Occupations.Add(new ExpertOccupation { OccupationUri = uri });
        }

        var skills = input.SkillUris.Select(u => u.Trim()).ToHashSet(StringComparer.Ordinal);
        expert.Skills.RemoveAll(s => !skills.Contains(s.SkillUri));
        foreach (var uri in skills.Where(u => expert.Skills.All(s => s.SkillUri != u)))
        {
            expert.Skills.Add(new ExpertSkill { SkillUri = uri });
        }

        var languages = input.Languages.ToDictionary(l => l.Language.Trim().ToLowerInvariant(), l => l.Level, StringComparer.Ordinal);
        expert.Languages.RemoveAll(l => !languages.ContainsKey(l.Language));
        foreach (var (code, level) in languages)
        {
            var row = expert.Languages.FirstOrDefault(l => l.Language == code);
            if (row is null)
            {
                expert.Languages.Add(new ExpertLanguage { Language = code, Level = level });
            }
            else
            {
                row.Level = level;
            }
        }

        expert.Degrees.Clear();
        expert.Degrees.AddRange(input.Degrees.Select(d => new ExpertDegree { Title = d.Title.Trim(), EqfLevel = d.EqfLevel }));
        expert.Availability.Clear();
        expert.Availability.AddRange(input.Availability.Select(a => new ExpertAvailability { From = a.From, To = a.To }));
    }

    /// <summary>A saved profile as the input that would save it again: pages change one part and save the whole.</summary>
    public static ExpertProfileInput Editable(ExpertProfileView v) => new()
    {
        ResidenceCountry = v.ResidenceCountry,
        ResidenceCity = v.ResidenceCity,
        EmployerAbroad = v.EmployerAbroad,
        OccupationUris = v.OccupationUris,
        SkillUris = v.SkillUris,
        Domains = v.Domains,
        Degrees = v.Degrees,
        YearsOfExperience = v.YearsOfExperience,
        Languages = v.Languages,
        Availability = v.Availability,
        Mode = v.Mode,
        MinMissionWeeks = v.MinMissionWeeks,
        MaxMissionWeeks = v.MaxMissionWeeks,
        Source = v.Source,
    };

    internal static IReadOnlyList<string> SplitDomains(string domains) => domains.Split('|', StringSplitOptions.RemoveEmptyEntries);

    internal static ExpertProfileView View(Expert e) => new(
        e.Id, e.PersonId, e.InstitutionId, e.Source, e.ResidenceCountry, e.ResidenceCity, e.EmployerAbroad,
        [.. e.Occupations.OrderBy(o => o.Id).Select(o => o.OccupationUri)],
        [.. e.Skills.OrderBy(s => s.Id).Select(s => s.SkillUri)],
        SplitDomains(e.Domains),
        [.. e.Degrees.OrderByDescending(d => d.EqfLevel).ThenBy(d => d.Id).Select(d => new ExpertDegreeInput(d.Title, d.EqfLevel))],
        e.YearsOfExperience,
        [.. e.Languages.OrderBy(l => l.Language, StringComparer.Ordinal).Select(l => new ExpertLanguageInput(l.Language, l.Level))],
        [.. e.Availability.OrderBy(a => a.From).Select(a => new AvailabilityWindow(a.From, a.To))],
        e.Mode, e.MinMissionWeeks, e.MaxMissionWeeks, e.UpdatedAt);

    private static string Key(Guid personId) => personId.ToString("D", CultureInfo.InvariantCulture);
}
