using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Common;
using Mismes.Core.Data;
using Mismes.Core.Esco;

namespace Mismes.Core.Placement.Vacancies;

/// <summary>Resource keys of the vacancy field errors (Placement's resource set).</summary>
public static class VacancyErrors
{
    public const string Required = "Placement.Vacancy.Error.Required";
    public const string TooLong = "Placement.Vacancy.Error.TooLong";
    public const string Country = "Placement.Vacancy.Error.Country";
    public const string Currency = "Placement.Vacancy.Error.Currency";
    public const string Language = "Placement.Vacancy.Error.Language";
    public const string NotOccupation = "Placement.Vacancy.Error.NotOccupation";
    public const string NotSkill = "Placement.Vacancy.Error.NotSkill";
    public const string Range = "Placement.Vacancy.Error.Range";
    public const string Employer = "Placement.Vacancy.Error.Employer";
    public const string StartAfterEnd = "Placement.Vacancy.Error.StartAfterEnd";
    public const string Number = "Placement.Vacancy.Error.Number";
    public const string Choice = "Placement.Vacancy.Error.Choice";
    public const string Date = "Placement.Vacancy.Error.Date";
    public const string OtherInstitution = "Placement.Vacancy.Error.OtherInstitution";
    public const string NoInstitution = "Placement.Vacancy.Error.NoInstitution";
}

/// <summary>
/// Foreign vacancies: create, change, list and read them within the caller's institution, code them to ESCO, and give
/// the shortlist step what to match. Staff see their institution's offers; an employer also those naming its company.
/// </summary>
public sealed partial class VacancyService(AppDbContext db, ICurrentUser user, AuditLog audit, TimeProvider clock, EscoLookup esco)
{
    public const string RecordType = "Vacancy";

    /// <summary>Source of the offers typed in the UI.</summary>
    public const string UiSource = "ui";

    /// <summary>Source of the offers a partner's key sends with its own id (stored as "api:&lt;institution id&gt;").</summary>
    public const string ApiSource = "api";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The vacancies the caller may see.</summary>
    private IQueryable<Vacancy> Visible()
    {
        var query = db.Set<Vacancy>().AsQueryable();
        if (InstitutionScope.SeesAllInstitutions(user))
        {
            return query;
        }

        if (user.InstitutionId is not { } own)
        {
            return query.Where(_ => false);
        }

        return query.Where(v => v.InstitutionId == own || v.EmployerInstitutionId == own);
    }

    /// <summary>What the taxonomy proposes for a title and requirements written in <paramref name="culture"/>'s language.</summary>
    public CodingProposal ProposeCoding(string? title, string? description, string culture) =>
        new(esco.Occupations(title, culture, 5), esco.SkillsIn(string.Join("\n", title, description), culture, 10));

    public FieldErrors Validate(SaveVacancy r)
    {
        var errors = new FieldErrors();
        Text(errors, nameof(r.Title), r.Title, VacancyLimits.Title, required: true);
        Text(errors, nameof(r.Region), r.Region, VacancyLimits.Region);
        Text(errors, nameof(r.Description), r.Description, VacancyLimits.Description, multiLine: true);
        Text(errors, nameof(r.SourceId), r.SourceId, VacancyLimits.SourceId);
        Text(errors, nameof(r.Source), r.Source, VacancyLimits.Source);
        if (r.EmployerInstitutionId is null)
        {
            Text(errors, nameof(r.EmployerName), r.EmployerName, VacancyLimits.EmployerName, required: !user.IsInRole(Roles.Employer));
        }
        else
        {
            Text(errors, nameof(r.EmployerName), r.EmployerName, VacancyLimits.EmployerName);
        }

        if (string.IsNullOrWhiteSpace(r.Country))
        {
            errors.Add(nameof(r.Country), VacancyErrors.Required);
        }
        else if (!CountryCode().IsMatch(r.Country.Trim()))
        {
            errors.Add(nameof(r.Country), VacancyErrors.Country);
        }

        if (!string.IsNullOrWhiteSpace(r.OccupationUri) && !esco.IsOccupation(r.OccupationUri))
        {
            errors.Add(nameof(r.OccupationUri), VacancyErrors.NotOccupation);
        }

        CheckSkills(errors, nameof(r.EssentialSkillUris), r.EssentialSkillUris);
        CheckSkills(errors, nameof(r.OptionalSkillUris), r.OptionalSkillUris);
        if (TextRules.CheckCount(errors, nameof(r.Languages), r.Languages, VacancyLimits.MaxLanguages))
        {
            foreach (var l in r.Languages)
            {
                if (!LanguageCode().IsMatch(l.Language ?? "") || !Enum.IsDefined(l.MinimumLevel))
                {
                    errors.Add(nameof(r.Languages), VacancyErrors.Language);
                }
            }
        }

        Range(errors, nameof(r.MinimumEqfLevel), r.MinimumEqfLevel, 1, 8);
        Range(errors, nameof(r.ExperienceMonths), r.ExperienceMonths, 0, 600);
        Range(errors, nameof(r.Positions), r.Positions, 1, VacancyLimits.MaxPositions);
        Range(errors, nameof(r.DurationMonths), r.DurationMonths, 1, 120);
        Range(errors, nameof(r.PayAmount), r.PayAmount, 0, 10_000_000m);
        Range(errors, nameof(r.HoursPerDay), r.HoursPerDay, 0, 24m);
        Range(errors, nameof(r.HoursPerWeek), r.HoursPerWeek, 0, 80m);
        Range(errors, nameof(r.OvertimeRate), r.OvertimeRate, 0, 100_000m);
        Range(errors, nameof(r.VisaFee), r.VisaFee, 0, 100_000m);
        if (r.PayCurrency is { Length: > 0 } currency && !CurrencyCode().IsMatch(currency.Trim()))
        {
            errors.Add(nameof(r.PayCurrency), VacancyErrors.Currency);
        }

        if (r.PayAmount is not null && string.IsNullOrWhiteSpace(r.PayCurrency))
        {
            errors.Add(nameof(r.PayCurrency), VacancyErrors.Required);
        }

        if (r.PayAmount is not null && r.PayPeriod is null)
        {
            errors.Add(nameof(r.PayPeriod), VacancyErrors.Required);
        }

        foreach (var (field, ok) in new[]
        {
            (nameof(r.PayPeriod), r.PayPeriod is null || Enum.IsDefined(r.PayPeriod.Value)),
            (nameof(r.Housing), Enum.IsDefined(r.Housing)),
            (nameof(r.TravelPaidBy), r.TravelPaidBy is null || Enum.IsDefined(r.TravelPaidBy.Value)),
            (nameof(r.VisaFeePaidBy), r.VisaFeePaidBy is null || Enum.IsDefined(r.VisaFeePaidBy.Value)),
            (nameof(r.Status), Enum.IsDefined(r.Status)),
        })
        {
            if (!ok)
            {
                errors.Add(field, VacancyErrors.Choice);
            }
        }

        if (r.ValidUntil == default)
        {
            errors.Add(nameof(r.ValidUntil), VacancyErrors.Required);
        }

        if (r.StartDate is { } start && r.ValidUntil != default && start < r.ValidUntil.AddYears(-5))
        {
            errors.Add(nameof(r.StartDate), VacancyErrors.Range);
        }

        return errors;
    }

    public async Task<WriteResult<SavedVacancy>> CreateAsync(SaveVacancy request, CancellationToken ct, Guid? institutionId = null)
    {
        var errors = Validate(request);
        var owner = institutionId is { } given && InstitutionScope.SeesAllInstitutions(user) ? given : user.InstitutionId;
        if (owner is null)
        {
            errors.Add("Institution", VacancyErrors.NoInstitution);
        }

        await CheckEmployerAsync(request, errors, ct);
        if (!errors.IsEmpty)
        {
            return WriteResult<SavedVacancy>.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var vacancy = new Vacancy
        {
            Id = Guid.NewGuid(),
            InstitutionId = owner!.Value,
            EmployerName = "",
            Country = "",
            Title = "",
            Source = "",
            ReceivedAt = now,
            CreatedAt = now,
        };
        await ApplyAsync(vacancy, request, ct);
        db.Set<Vacancy>().Add(vacancy);
        audit.Add(AuditAction.Create, RecordType, vacancy.Id.ToString());
        await db.SaveChangesAsync(ct);
        return WriteResult<SavedVacancy>.Ok(new SavedVacancy(vacancy.Id, UpsertOutcome.Created));
    }

    public async Task<WriteResult<SavedVacancy>> UpdateAsync(Guid id, SaveVacancy request, CancellationToken ct)
    {
        var vacancy = await Visible().Include(v => v.Skills).Include(v => v.Languages).SingleOrDefaultAsync(v => v.Id == id, ct);
        if (vacancy is null)
        {
            return WriteResult<SavedVacancy>.NotFound();
        }

        var errors = Validate(request);
        await CheckEmployerAsync(request, errors, ct);
        if (!errors.IsEmpty)
        {
            return WriteResult<SavedVacancy>.Invalid(errors);
        }

        await ApplyAsync(vacancy, request with { Source = request.Source ?? vacancy.Source, SourceId = request.SourceId ?? vacancy.SourceId }, ct);
        audit.Add(AuditAction.Update, RecordType, vacancy.Id.ToString());
        await db.SaveChangesAsync(ct);
        return WriteResult<SavedVacancy>.Ok(new SavedVacancy(vacancy.Id, UpsertOutcome.Updated));
    }

    /// <summary>
    /// Adds or changes one vacancy of an import in the caller's unit of work, without saving: the same source and source
    /// id update the vacancy already there, so importing a file twice changes nothing. The import saves once for the
    /// whole file (all or nothing).
    /// </summary>
    public async Task<WriteResult<SavedVacancy>> StageFromSourceAsync(SaveVacancy request, CancellationToken ct, Guid? institutionId = null)
    {
        var errors = Validate(request);
        if (string.IsNullOrWhiteSpace(request.Source))
        {
            errors.Add(nameof(request.Source), VacancyErrors.Required);
        }

        if (string.IsNullOrWhiteSpace(request.SourceId))
        {
            errors.Add(nameof(request.SourceId), VacancyErrors.Required);
        }

        await CheckEmployerAsync(request, errors, ct);
        var owner = institutionId is { } given && InstitutionScope.SeesAllInstitutions(user) ? given : user.InstitutionId;
        if (owner is null)
        {
            errors.Add("Institution", VacancyErrors.NoInstitution);
        }

        if (!errors.IsEmpty)
        {
            return WriteResult<SavedVacancy>.Invalid(errors);
        }

        // A partner's own ids are unique in its system only: each institution's API offers are a source of their own.
        var source = request.Source!.Trim() == ApiSource ? $"{ApiSource}:{owner:N}" : request.Source!.Trim();
        var sourceId = request.SourceId!.Trim();
        var existing = db.Set<Vacancy>().Local.FirstOrDefault(v => v.Source == source && v.SourceId == sourceId)
            ?? await db.Set<Vacancy>().Include(v => v.Skills).Include(v => v.Languages)
                .SingleOrDefaultAsync(v => v.Source == source && v.SourceId == sourceId, ct);
        if (existing is not null)
        {
            if (!InstitutionScope.SeesAllInstitutions(user) && existing.InstitutionId != owner)
            {
                return WriteResult<SavedVacancy>.Invalid(nameof(request.SourceId), VacancyErrors.OtherInstitution);
            }

            // An import never confirms a coding: keep what the advisor confirmed unless the file names other concepts.
            var keepConfirmed = existing.CodingConfirmed && (request.OccupationUri is null || request.OccupationUri == existing.OccupationUri);
            await ApplyAsync(existing, request with { Source = source, SourceId = sourceId, OccupationUri = request.OccupationUri ?? existing.OccupationUri }, ct);
            existing.CodingConfirmed = keepConfirmed || request.CodingConfirmed;
            audit.Add(AuditAction.Update, RecordType, existing.Id.ToString(), "import");
            return WriteResult<SavedVacancy>.Ok(new SavedVacancy(existing.Id, UpsertOutcome.Updated));
        }

        var now = clock.GetUtcNow();
        var vacancy = new Vacancy
        {
            Id = Guid.NewGuid(),
            InstitutionId = owner!.Value,
            EmployerName = "",
            Country = "",
            Title = "",
            Source = source,
            ReceivedAt = now,
            CreatedAt = now,
        };
        await ApplyAsync(vacancy, request with { Source = source, SourceId = sourceId }, ct);
        db.Set<Vacancy>().Add(vacancy);
        audit.Add(AuditAction.Create, RecordType, vacancy.Id.ToString(), "import");
        return WriteResult<SavedVacancy>.Ok(new SavedVacancy(vacancy.Id, UpsertOutcome.Created));
    }

    /// <summary>One vacancy from a source, saved at once (the API's idempotent create).</summary>
    public async Task<WriteResult<SavedVacancy>> SaveFromSourceAsync(SaveVacancy request, CancellationToken ct)
    {
        var result = await StageFromSourceAsync(request, ct);
        if (result.Succeeded)
        {
            await db.SaveChangesAsync(ct);
        }

        return result;
    }

    public async Task<VacancyView?> FindAsync(Guid id, CancellationToken ct)
    {
        var v = await Visible().AsNoTracking().Include(x => x.Skills).Include(x => x.Languages).SingleOrDefaultAsync(x => x.Id == id, ct);
        return v is null ? null : ToView(v);
    }

    public async Task<Paged<VacancyView>> ListAsync(VacancyFilter filter, PageRequest page, CancellationToken ct)
    {
        var query = Filtered(Visible().AsNoTracking(), filter);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(v => v.ValidUntil).ThenBy(v => v.Title).ThenBy(v => v.Id)
            .Include(v => v.Skills).Include(v => v.Languages)
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Paged<VacancyView>(items.Select(ToView).ToList(), total, page.Page, page.PageSize);
    }

    /// <summary>The public list: open offers of every institution still within their validity, soonest ending first.</summary>
    public async Task<Paged<VacancyView>> ListPublicAsync(VacancyFilter filter, PageRequest page, CancellationToken ct)
    {
        var query = Filtered(db.Set<Vacancy>().AsNoTracking(), filter with { OpenOnly = true, Status = VacancyStatus.Open });
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(v => v.ValidUntil).ThenBy(v => v.Title).ThenBy(v => v.Id)
            .Include(v => v.Skills).Include(v => v.Languages)
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Paged<VacancyView>(items.Select(ToView).ToList(), total, page.Page, page.PageSize);
    }

    /// <summary>One open offer for the public page; null when it does not exist, is closed or has expired.</summary>
    public async Task<VacancyView?> FindPublicAsync(Guid id, CancellationToken ct)
    {
        var today = Today;
        var v = await db.Set<Vacancy>().AsNoTracking().Include(x => x.Skills).Include(x => x.Languages)
            .SingleOrDefaultAsync(x => x.Id == id && x.Status == VacancyStatus.Open && x.ValidUntil >= today, ct);
        return v is null ? null : ToView(v);
    }

    /// <summary>What the shortlist step matches against; null when the caller may not see the vacancy.</summary>
    public async Task<VacancyRequirementsView?> RequirementsAsync(Guid id, CancellationToken ct)
    {
        var v = await FindAsync(id, ct);
        return v is null
            ? null
            : new VacancyRequirementsView(
                v.Id, v.InstitutionId, v.OccupationUri, v.EssentialSkillUris, v.OptionalSkillUris, v.Languages,
                v.MinimumEqfLevel, v.ExperienceMonths, v.Country, v.StartDate,
                v.StartDate is { } s && v.DurationMonths is { } d ? s.AddMonths(d) : null,
                v.Positions);
    }

    /// <summary>
    /// Records that a shortlist was sent to the employer (the first time only: the time to shortlist is measured from
    /// receipt to the first one). Adds to the caller's unit of work; the shortlist step saves with its own change.
    /// False when the caller may not see the vacancy.
    /// </summary>
    public async Task<bool> MarkShortlistSentAsync(Guid id, CancellationToken ct)
    {
        var vacancy = await Visible().SingleOrDefaultAsync(v => v.Id == id, ct);
        if (vacancy is null)
        {
            return false;
        }

        vacancy.ShortlistSentAt ??= clock.GetUtcNow();
        return true;
    }

    /// <summary>Employers the caller may name on a vacancy: institutions of kind Employer.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> EmployersAsync(CancellationToken ct)
    {
        var query = db.Set<Institution>().AsNoTracking().Where(i => i.Kind == InstitutionKind.Employer);
        if (user.IsInRole(Roles.Employer) && !InstitutionScope.SeesAllInstitutions(user))
        {
            var own = user.InstitutionId;
            query = query.Where(i => i.Id == own);
        }

        var rows = await query.OrderBy(i => i.Name).Select(i => new { i.Id, i.Name }).Take(500).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Name)).ToList();
    }

    private IQueryable<Vacancy> Filtered(IQueryable<Vacancy> query, VacancyFilter filter)
    {
        if (filter.Country is { Length: 2 } country)
        {
            var c = country.ToUpperInvariant();
            query = query.Where(v => v.Country == c);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(v => v.Status == status);
        }

        if (filter.OpenOnly)
        {
            var today = Today;
            query = query.Where(v => v.ValidUntil >= today);
        }

        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            var q = filter.Query.Trim().ToUpperInvariant();
            // Translated to SQL UPPER(...) LIKE on both providers (PostgreSQL's LIKE is case-sensitive, SQLite's is not).
#pragma warning disable CA1304, CA1311, CA1862
            query = query.Where(v => v.Title.ToUpper().Contains(q) || v.EmployerName.ToUpper().Contains(q));
#pragma warning restore CA1304, CA1311, CA1862
        }

        return query;
    }

    private VacancyView ToView(Vacancy v) => new()
    {
        Id = v.Id,
        InstitutionId = v.InstitutionId,
        EmployerInstitutionId = v.EmployerInstitutionId,
        EmployerName = v.EmployerName,
        Country = v.Country,
        Region = v.Region,
        Title = v.Title,
        OccupationUri = v.OccupationUri,
        CodingConfirmed = v.CodingConfirmed,
        Description = v.Description,
        EssentialSkillUris = v.Skills.Where(s => s.Essential).Select(s => s.SkillUri).Order(StringComparer.Ordinal).ToList(),
        OptionalSkillUris = v.Skills.Where(s => !s.Essential).Select(s => s.SkillUri).Order(StringComparer.Ordinal).ToList(),
        Languages = v.Languages.OrderBy(l => l.Language, StringComparer.Ordinal).Select(l => new LanguageNeed(l.Language, l.MinimumLevel)).ToList(),
        MinimumEqfLevel = v.MinimumEqfLevel,
        ExperienceMonths = v.ExperienceMonths,
        Positions = v.Positions,
        PayAmount = v.PayAmount,
        PayCurrency = v.PayCurrency,
        PayPeriod = v.PayPeriod,
        HoursPerDay = v.HoursPerDay,
        HoursPerWeek = v.HoursPerWeek,
        OvertimeRate = v.OvertimeRate,
        PaidOnlyDaysWorked = v.PaidOnlyDaysWorked,
        DurationMonths = v.DurationMonths,
        Housing = v.Housing,
        TravelPaidBy = v.TravelPaidBy,
        VisaFee = v.VisaFee,
        VisaFeePaidBy = v.VisaFeePaidBy,
        StartDate = v.StartDate,
        ValidUntil = v.ValidUntil,
        Status = v.Status,
        Source = v.Source,
        SourceId = v.SourceId,
        ReceivedAt = v.ReceivedAt,
        ShortlistSentAt = v.ShortlistSentAt,
        UpdatedAt = v.UpdatedAt,
        DaysLeft = v.ValidUntil.DayNumber - Today.DayNumber,
    };

    private async Task CheckEmployerAsync(SaveVacancy r, FieldErrors errors, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Employer) && !InstitutionScope.SeesAllInstitutions(user))
        {
            // An employer enters its own company's offers only.
            if (r.EmployerInstitutionId is { } named && named != user.InstitutionId)
            {
                errors.Add(nameof(r.EmployerInstitutionId), VacancyErrors.Employer);
            }

            return;
        }

        if (r.EmployerInstitutionId is { } id
            && !await db.Set<Institution>().AnyAsync(i => i.Id == id && i.Kind == InstitutionKind.Employer, ct))
        {
            errors.Add(nameof(r.EmployerInstitutionId), VacancyErrors.Employer);
        }
    }

    private async Task ApplyAsync(Vacancy v, SaveVacancy r, CancellationToken ct)
    {
        var employerId = user.IsInRole(Roles.Employer) && !InstitutionScope.SeesAllInstitutions(user) ? user.InstitutionId : r.EmployerInstitutionId;
        var employerName = r.EmployerName?.Trim();
        if (string.IsNullOrEmpty(employerName) && employerId is { } eid)
        {
            employerName = await db.Set<Institution>().Where(i => i.Id == eid).Select(i => i.Name).SingleOrDefaultAsync(ct);
        }

        v.EmployerInstitutionId = employerId;
        v.EmployerName = employerName ?? "";
        v.Country = r.Country.Trim().ToUpperInvariant();
        v.Region = Clean(r.Region);
        v.Title = r.Title.Trim();
        v.OccupationUri = Clean(r.OccupationUri);
        v.CodingConfirmed = r.CodingConfirmed && v.OccupationUri is not null;
        v.Description = Clean(r.Description?.Replace("\r\n", "\n", StringComparison.Ordinal));
        var essential = r.EssentialSkillUris.Select(u => u.Trim()).Where(u => u.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var optional = r.OptionalSkillUris.Select(u => u.Trim()).Where(u => u.Length > 0 && !essential.Contains(u, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        v.Skills.Clear();
        v.Skills.AddRange(essential.Select(u => new VacancySkill { VacancyId = v.Id, SkillUri = u, Essential = true }));
        v.Skills.AddRange(optional.Select(u => new VacancySkill { VacancyId = v.Id, SkillUri = u, Essential = false }));
        v.Languages.Clear();
        v.Languages.AddRange(r.Languages.GroupBy(l => l.Language.Trim().ToLowerInvariant(), StringComparer.Ordinal)
            .Select(g => new VacancyLanguage { VacancyId = v.Id, Language = g.Key, MinimumLevel = g.Max(l => l.MinimumLevel) }));
        v.MinimumEqfLevel = r.MinimumEqfLevel;
        v.ExperienceMonths = r.ExperienceMonths;
        v.Positions = r.Positions;
        v.PayAmount = r.PayAmount;
        v.PayCurrency = Clean(r.PayCurrency)?.ToUpperInvariant();
        v.PayPeriod = r.PayPeriod;
        v.HoursPerDay = r.HoursPerDay;
        v.HoursPerWeek = r.HoursPerWeek;
        v.OvertimeRate = r.OvertimeRate;
        v.PaidOnlyDaysWorked = r.PaidOnlyDaysWorked;
        v.DurationMonths = r.DurationMonths;
        v.Housing = r.Housing;
        v.TravelPaidBy = r.TravelPaidBy;
        v.VisaFee = r.VisaFee;
        v.VisaFeePaidBy = r.VisaFeePaidBy;
        v.StartDate = r.StartDate;
        v.ValidUntil = r.ValidUntil;
        v.Status = r.Status;
        v.Source = Clean(r.Source) ?? (user.ApiKeyId is not null ? ApiSource : UiSource);
        v.SourceId = Clean(r.SourceId);
        v.UpdatedAt = clock.GetUtcNow();
    }

    private void CheckSkills(FieldErrors errors, string field, IReadOnlyList<string> uris)
    {
        if (TextRules.CheckCount(errors, field, uris, VacancyLimits.MaxSkills))
        {
            foreach (var uri in uris.Where(u => !string.IsNullOrWhiteSpace(u)))
            {
                if (!esco.IsSkill(uri))
                {
                    errors.Add(field, VacancyErrors.NotSkill);
                }
            }
        }
    }

    private static void Text(FieldErrors errors, string field, string? value, int max, bool required = false, bool multiLine = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, VacancyErrors.Required);
            }

            return;
        }

        if (value.Trim().Length > max)
        {
            errors.Add(field, VacancyErrors.TooLong);
        }

        TextRules.Check(errors, field, value, multiLine);
    }

    private static void Range(FieldErrors errors, string field, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            errors.Add(field, VacancyErrors.Range);
        }
    }

    private static void Range(FieldErrors errors, string field, decimal? value, decimal min, decimal max)
    {
        if (value is { } v && (v < min || v > max))
        {
            errors.Add(field, VacancyErrors.Range);
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[A-Za-z]{2}$")]
    private static partial Regex CountryCode();

    [GeneratedRegex("^[a-z]{2,3}$", RegexOptions.IgnoreCase)]
    private static partial Regex LanguageCode();

    [GeneratedRegex("^[A-Za-z]{3}$")]
    private static partial Regex CurrencyCode();
}
