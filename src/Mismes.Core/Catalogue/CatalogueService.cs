using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Common;
using Mismes.Core.Data;
using Mismes.Taxonomy.Text;

namespace Mismes.Core.Catalogue;

/// <summary>
/// The public catalogue of support measures: search and read (anonymous), create and edit (programme managers).
/// The page, the export and the API all call this service. The catalogue is small by nature (tens of measures,
/// a few hundred at most), so free-text matching and status on today's date are done in memory after the
/// database has applied the structured filters.
/// Editing is scoped (issue 6, 3.9): only the implementing institution (an implementer party linked to the user's
/// institution) or an administrator may change a measure; anyone may read it.
/// </summary>
public sealed partial class CatalogueService(AppDbContext db, AuditLog audit, TimeProvider clock, ICurrentUser user)
{
    public const string RecordType = "SupportMeasure";

    private static readonly CompareInfo Compare = CultureInfo.InvariantCulture.CompareInfo;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<MeasureView>> SearchAsync(MeasureFilter filter, string culture, CancellationToken ct)
    {
        var query = Measures();
        if (filter.Phase is { } phase)
        {
            query = query.Where(m => m.Phase == phase);
        }

        if (filter.Model is { } model)
        {
            query = query.Where(m => m.Models.Any(x => x.Model == model));
        }

        if (filter.Implementer is { } implementer)
        {
            var code = implementer.ToUpperInvariant();
            query = query.Where(m => m.Parties.Any(p => p.Role == PartyRole.Implementer && p.Code == code));
        }

        var measures = await query.ToListAsync(ct);
        var all = await AllHeadersAsync(ct);
        var views = measures.Select(m => ToView(m, culture, all)).ToList();
        if (filter.Status is { } status)
        {
            views = views.Where(v => v.Status == status).ToList();
        }
        else if (filter.ExcludeEnded)
        {
            views = views.Where(v => v.Status != MeasureStatus.Ended).ToList();
        }

        if (filter.Text is { } text)
        {
            // Every translation is searched, so an Arabic (or Spanish...) query works whatever the interface language.
            var texts = measures.ToDictionary(m => m.Id, AllTexts);
            views = views.Where(v => Matches(v, texts[v.Id], text)).ToList();
        }

        return views;
    }

    /// <summary>By id or by slug; null when there is no such measure.</summary>
    public async Task<MeasureView?> FindAsync(string idOrSlug, string culture, CancellationToken ct)
    {
        var query = Measures();
        var slug = idOrSlug.ToLowerInvariant();
        var measure = Guid.TryParse(idOrSlug, out var id)
            ? await query.FirstOrDefaultAsync(m => m.Id == id, ct)
            : await query.FirstOrDefaultAsync(m => m.Slug == slug, ct);
        return measure is null ? null : ToView(measure, culture, await AllHeadersAsync(ct));
    }

    /// <summary>The implementers measures name, for the filter's choices.</summary>
    public async Task<IReadOnlyList<string>> ImplementerCodesAsync(CancellationToken ct) =>
        await db.Set<SupportMeasureParty>().Where(p => p.Role == PartyRole.Implementer)
            .Select(p => p.Code).Distinct().OrderBy(c => c).ToListAsync(ct);

    /// <summary>May the current user change <paramref name="measure"/>? Administrators always; others when their institution implements it.</summary>
    public bool CanEdit(MeasureView measure) => CanEdit(measure.ImplementerInstitutionIds);

    private bool CanEdit(IEnumerable<Guid> implementerInstitutionIds) =>
        InstitutionScope.SeesAllInstitutions(user)
        || (user.InstitutionId is { } own && implementerInstitutionIds.Contains(own));

    /// <summary>The measure as its edit form shows it: NotFound when there is none, Forbidden when the user may not change it.</summary>
    public async Task<WriteResult<SaveMeasure>> GetForEditAsync(Guid id, CancellationToken ct)
    {
        var m = await Measures().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null)
        {
            return WriteResult<SaveMeasure>.NotFound();
        }

        if (!CanEdit(ImplementerInstitutions(m)))
        {
            return WriteResult<SaveMeasure>.Forbidden();
        }

        var parentSlug = m.ParentId is null ? null : await db.Set<SupportMeasure>().Where(p => p.Id == m.ParentId).Select(p => p.Slug).FirstAsync(ct);
        return WriteResult<SaveMeasure>.Ok(new SaveMeasure
        {
            Slug = m.Slug,
            Phase = m.Phase,
            Models = [.. m.Models.Select(x => x.Model).Order()],
            ImplementerCodes = [.. Codes(m, PartyRole.Implementer)],
            FunderCodes = [.. Codes(m, PartyRole.Funder)],
            ParentSlug = parentSlug,
            StartYear = m.StartYear,
            StartMonth = m.StartMonth,
            EndYear = m.EndYear,
            EndMonth = m.EndMonth,
            Ongoing = m.Ongoing,
            BudgetAmount = m.BudgetAmount,
            BudgetCurrency = m.BudgetCurrency,
            BeneficiariesMin = m.BeneficiariesMin,
            BeneficiariesMax = m.BeneficiariesMax,
            SourceReference = m.SourceReference,
            Texts = m.Translations.ToDictionary(
                t => t.Culture,
                t => new MeasureTexts
                {
                    Title = t.Title,
                    Implementers = t.Implementers,
                    Funders = t.Funders,
                    Period = t.Period,
                    Budget = t.Budget,
                    Beneficiaries = t.Beneficiaries,
                    Activities = t.Activities,
                    ForWhom = t.ForWhom,
                    WhatYouGet = t.WhatYouGet,
                    HowToApply = t.HowToApply,
                    Contact = t.Contact,
                },
                StringComparer.Ordinal),
        });
    }

    public Task<WriteResult<SavedMeasure>> CreateAsync(SaveMeasure request, CancellationToken ct) => SaveAsync(null, request, ct);

    /// <summary>NotFound when there is no such measure; Forbidden when it is another institution's (it is public, so nothing is hidden by saying so).</summary>
    public Task<WriteResult<SavedMeasure>> UpdateAsync(Guid id, SaveMeasure request, CancellationToken ct) => SaveAsync(id, request, ct);

    /// <summary>
    /// What saving <paramref name="request"/> would answer, without writing: NotFound, Forbidden, Invalid with every
    /// field error, or Ok. For the web layer when some input could not even be read, so the user sees all errors at once.
    /// </summary>
    public async Task<WriteResult<SaveMeasure>> ValidateAsync(Guid? id, SaveMeasure request, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var implementers = await db.Set<SupportMeasureParty>()
                .Where(p => p.MeasureId == existing && p.Role == PartyRole.Implementer && p.InstitutionId != null)
                .Select(p => p.InstitutionId!.Value).ToListAsync(ct);
            if (!await db.Set<SupportMeasure>().AnyAsync(m => m.Id == existing, ct))
            {
                return WriteResult<SaveMeasure>.NotFound();
            }

            if (!CanEdit(implementers))
            {
                return WriteResult<SaveMeasure>.Forbidden();
            }
        }

        var (errors, _, _) = await CheckAsync(id, request, ct);
        return errors.IsEmpty ? WriteResult<SaveMeasure>.Ok(request) : WriteResult<SaveMeasure>.Invalid(errors);
    }

    private async Task<(FieldErrors Errors, string Slug, SupportMeasure? Parent)> CheckAsync(Guid? id, SaveMeasure request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var slug = string.IsNullOrWhiteSpace(request.Slug)
            ? Slugify(request.Texts.GetValueOrDefault(CatalogueCultures.Fallback)?.Title)
            : request.Slug.Trim().ToLowerInvariant();
        Validate(request, slug, errors);
        if (slug.Length > 0 && await db.Set<SupportMeasure>().AnyAsync(m => m.Slug == slug && m.Id != (id ?? Guid.Empty), ct))
        {
            errors.Add("Slug", "Catalogue.Error.SlugTaken");
        }

        SupportMeasure? parent = null;
        if (!string.IsNullOrWhiteSpace(request.ParentSlug))
        {
            var parentSlug = request.ParentSlug.Trim().ToLowerInvariant();
            parent = await db.Set<SupportMeasure>().FirstOrDefaultAsync(m => m.Slug == parentSlug && m.ParentId == null, ct);
            if (parent is null || parent.Id == id)
            {
                errors.Add("ParentSlug", "Catalogue.Error.UnknownParent");
            }
        }

        // Someone who is not an administrator must stay among the implementers, or they could not edit the measure
        // they just saved (and could hand a measure to another institution).
        if (!InstitutionScope.SeesAllInstitutions(user) && !errors.ContainsKey("ImplementerCodes"))
        {
            var own = user.InstitutionId is { } ownId
                ? await db.Set<Institution>().Where(i => i.Id == ownId).Select(i => i.Code).FirstOrDefaultAsync(ct)
                : null;
            var codes = CleanCodes(request.ImplementerCodes);
            if (own is null || !codes.Any(c => CatalogueNumbering.InstitutionCodes(c).Contains(own, StringComparer.OrdinalIgnoreCase)))
            {
                errors.Add("ImplementerCodes", "Catalogue.Error.OwnInstitutionImplementer");
            }
        }

        return (errors, slug, parent);
    }

    private async Task<WriteResult<SavedMeasure>> SaveAsync(Guid? id, SaveMeasure request, CancellationToken ct)
    {
        SupportMeasure? measure = null;
        if (id is not null)
        {
            measure = await db.Set<SupportMeasure>().Include(m => m.Translations).Include(m => m.Models).Include(m => m.Parties)
                .FirstOrDefaultAsync(m => m.Id == id, ct);
            if (measure is null)
            {
                return WriteResult<SavedMeasure>.NotFound();
            }

            if (!CanEdit(ImplementerInstitutions(measure)))
            {
                return WriteResult<SavedMeasure>.Forbidden();
            }
        }

        var (errors, slug, parent) = await CheckAsync(id, request, ct);
        if (!errors.IsEmpty)
        {
            return WriteResult<SavedMeasure>.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var before = measure is null ? null : Snapshot(measure);
        if (measure is null)
        {
            measure = new SupportMeasure { Id = Guid.NewGuid(), Slug = slug, Origin = MeasureOrigin.Added, CreatedAt = now };
            db.Set<SupportMeasure>().Add(measure);
        }

        if (parent?.Id != measure.ParentId || measure.Origin == MeasureOrigin.Added)
        {
            // Table 2.1 entries keep their place; added ones go after the report's, or into their parent measure.
            var position = parent is null ? null : (int?)(await db.Set<SupportMeasure>().CountAsync(m => m.ParentId == parent.Id && m.Id != measure.Id, ct) + 1);
            var maxKey = await db.Set<SupportMeasure>().Where(m => m.Id != measure.Id).MaxAsync(m => (int?)m.SortKey, ct) ?? 0;
            measure.ParentId = parent?.Id;
            measure.Position = position;
            (measure.Reference, measure.SortKey) = CatalogueNumbering.For(measure.Number, parent, position, Math.Max(maxKey + 1, 20_000));
        }

        measure.Slug = slug;
        measure.Phase = request.Phase;
        measure.StartYear = request.StartYear;
        measure.StartMonth = request.StartMonth;
        measure.EndYear = request.EndYear;
        measure.EndMonth = request.EndMonth;
        measure.Ongoing = request.Ongoing;
        measure.BudgetAmount = request.BudgetAmount;
        measure.BudgetCurrency = string.IsNullOrWhiteSpace(request.BudgetCurrency) ? null : request.BudgetCurrency.Trim().ToUpperInvariant();
        measure.BeneficiariesMin = request.BeneficiariesMin;
        measure.BeneficiariesMax = request.BeneficiariesMax;
        measure.SourceReference = Clean(request.SourceReference);
        measure.UpdatedAt = now;

        SyncModels(measure, [.. request.Models.Distinct()]);
        SyncParties(measure, CleanCodes(request.ImplementerCodes), CleanCodes(request.FunderCodes));
        SyncTranslations(measure, request.Texts);
        var institutions = await db.Set<Institution>().ToDictionaryAsync(i => i.Code, i => i.Id, StringComparer.OrdinalIgnoreCase, ct);
        CatalogueSeeder.LinkInstitutions(measure, institutions);

        var after = Snapshot(measure);
        var changed = before is null
            ? after.Keys.ToList()
            : after.Keys.Where(k => !string.Equals(before.GetValueOrDefault(k), after[k], StringComparison.Ordinal)).ToList();
        audit.Add(before is null ? AuditAction.Create : AuditAction.Update, RecordType, measure.Id.ToString(), string.Join(',', changed));
        await db.SaveChangesAsync(ct);
        return WriteResult<SavedMeasure>.Ok(new SavedMeasure(measure.Id, measure.Slug));
    }

    private static void Validate(SaveMeasure input, string slug, FieldErrors errors)
    {
        if (!Enum.IsDefined(input.Phase))
        {
            errors.Add("Phase", "Catalogue.Error.UnknownValue");
        }

        if (input.Models.Any(m => !Enum.IsDefined(m)))
        {
            errors.Add("Models", "Catalogue.Error.UnknownValue");
        }
        else if (input.Models.Count == 0)
        {
            errors.Add("Models", "Catalogue.Error.ModelRequired");
        }

        if ((slug.Length == 0 && !string.IsNullOrWhiteSpace(input.Slug)) || (slug.Length > 0 && !SlugPattern().IsMatch(slug)))
        {
            errors.Add("Slug", "Catalogue.Error.SlugFormat");
        }

        foreach (var culture in input.Texts.Keys.Where(k => !CatalogueCultures.All.Contains(k, StringComparer.Ordinal)))
        {
            errors.Add("Texts." + culture, "Catalogue.Error.UnknownValue");
        }

        if (string.IsNullOrWhiteSpace(input.Texts.GetValueOrDefault(CatalogueCultures.Fallback)?.Title))
        {
            errors.Add("Texts.fr.Title", "Catalogue.Error.Required");
        }

        foreach (var (culture, _) in input.Texts.Where(t => t.Key != CatalogueCultures.Fallback && !t.Value.IsEmpty && string.IsNullOrWhiteSpace(t.Value.Title)))
        {
            errors.Add($"Texts.{culture}.Title", "Catalogue.Error.TitleForLanguage");
        }

        foreach (var (culture, text) in input.Texts)
        {
            foreach (var (field, max) in MeasureTextLimits.PerLanguage)
            {
                CheckLength(errors, $"Texts.{culture}.{field}", MeasureTextLimits.Value(text, field), max);
            }
        }

        CheckYear(errors, "StartYear", input.StartYear);
        CheckYear(errors, "EndYear", input.EndYear);
        CheckMonth(errors, "StartMonth", input.StartMonth, input.StartYear);
        CheckMonth(errors, "EndMonth", input.EndMonth, input.EndYear);
        if (input.StartYear is int sy && input.EndYear is int ey && !errors.ContainsKey("EndYear")
            && (ey < sy || (ey == sy && input.EndMonth < input.StartMonth)))
        {
            errors.Add("EndYear", "Catalogue.Error.EndBeforeStart");
        }

        if (input.Ongoing && input.EndYear is not null)
        {
            errors.Add("Ongoing", "Catalogue.Error.OngoingWithEnd");
        }

        if (input.BudgetAmount is < 0)
        {
            errors.Add("BudgetAmount", "Catalogue.Error.Negative");
        }

        if (!string.IsNullOrWhiteSpace(input.BudgetCurrency) && !CurrencyPattern().IsMatch(input.BudgetCurrency.Trim().ToUpperInvariant()))
        {
            errors.Add("BudgetCurrency", "Catalogue.Error.Currency");
        }

        if (input.BeneficiariesMin is < 0)
        {
            errors.Add("BeneficiariesMin", "Catalogue.Error.Negative");
        }

        if (input.BeneficiariesMax is < 0 || input.BeneficiariesMax < input.BeneficiariesMin)
        {
            errors.Add("BeneficiariesMax", "Catalogue.Error.MaxBelowMin");
        }

        foreach (var (field, codes) in new[] { ("ImplementerCodes", input.ImplementerCodes), ("FunderCodes", input.FunderCodes) })
        {
            if (CleanCodes(codes).Any(c => !CodePattern().IsMatch(c)))
            {
                errors.Add(field, "Catalogue.Error.Code");
            }
        }

        CheckLength(errors, "SourceReference", input.SourceReference, MeasureTextLimits.SourceReference);
        CheckText(input, errors);
    }

    /// <summary>The most models, party codes or languages one measure can carry; more is a malformed request.</summary>
    public const int MaxListItems = 30;

    /// <summary>Lists within their caps; no control characters in any text (line breaks only in multi-line texts).</summary>
    private static void CheckText(SaveMeasure input, FieldErrors errors)
    {
        TextRules.CheckCount(errors, "Models", input.Models, MaxListItems);
        TextRules.CheckCount(errors, "ImplementerCodes", input.ImplementerCodes, MaxListItems);
        TextRules.CheckCount(errors, "FunderCodes", input.FunderCodes, MaxListItems);
        TextRules.CheckCount(errors, "Texts", input.Texts, CatalogueCultures.All.Count);
        foreach (var (field, value) in new[]
        {
            ("Slug", input.Slug), ("ParentSlug", input.ParentSlug),
            ("BudgetCurrency", input.BudgetCurrency), ("SourceReference", input.SourceReference),
        })
        {
            TextRules.Check(errors, field, value);
        }

        foreach (var (field, values) in new[] { ("ImplementerCodes", input.ImplementerCodes), ("FunderCodes", input.FunderCodes) })
        {
            foreach (var value in values.Take(MaxListItems))
            {
                TextRules.Check(errors, field, value);
            }
        }

        foreach (var (culture, text) in input.Texts.Take(CatalogueCultures.All.Count))
        {
            TextRules.Check(errors, $"Texts.{culture}.Title", text.Title);
            foreach (var (field, value) in new[]
            {
                ("Implementers", text.Implementers), ("Funders", text.Funders), ("Period", text.Period),
                ("Budget", text.Budget), ("Beneficiaries", text.Beneficiaries), ("Activities", text.Activities),
            })
            {
                TextRules.Check(errors, $"Texts.{culture}.{field}", value, multiLine: true);
            }
        }
    }

    private static void CheckLength(FieldErrors errors, string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(field, "Catalogue.Error.TooLong");
        }
    }

    private static void CheckYear(FieldErrors errors, string field, int? year)
    {
        if (year is < 1900 or > 2100)
        {
            errors.Add(field, "Catalogue.Error.Year");
        }
    }

    private static void CheckMonth(FieldErrors errors, string field, int? month, int? year)
    {
        if (month is < 1 or > 12 || (month is not null && year is null))
        {
            errors.Add(field, "Catalogue.Error.Month");
        }
    }

    private static void SyncModels(SupportMeasure measure, List<MeasureModel> models)
    {
        measure.Models.RemoveAll(m => !models.Contains(m.Model));
        foreach (var model in models.Distinct().Where(m => measure.Models.All(x => x.Model != m)))
        {
            measure.Models.Add(new SupportMeasureModelEntry { MeasureId = measure.Id, Model = model });
        }
    }

    private static void SyncParties(SupportMeasure measure, List<string> implementers, List<string> funders)
    {
        var wanted = CatalogueNumbering.Parties(implementers, funders).ToList();
        measure.Parties.RemoveAll(p => !wanted.Any(w => w.Role == p.Role && w.Code == p.Code));
        foreach (var w in wanted)
        {
            var existing = measure.Parties.FirstOrDefault(p => p.Role == w.Role && p.Code == w.Code);
            if (existing is null)
            {
                w.MeasureId = measure.Id;
                measure.Parties.Add(w);
            }
            else
            {
                existing.Position = w.Position;
            }
        }
    }

    private static void SyncTranslations(SupportMeasure measure, IReadOnlyDictionary<string, MeasureTexts> texts)
    {
        foreach (var culture in CatalogueCultures.All)
        {
            var text = texts.GetValueOrDefault(culture);
            var row = measure.Translations.FirstOrDefault(t => t.Culture == culture);
            if (text is null || text.IsEmpty)
            {
                if (row is not null && culture != CatalogueCultures.Fallback)
                {
                    measure.Translations.Remove(row);
                }

                continue;
            }

            if (row is null)
            {
                row = new SupportMeasureTranslation { MeasureId = measure.Id, Culture = culture, Title = "" };
                measure.Translations.Add(row);
            }

            row.Title = text.Title.Trim();
            row.Implementers = Clean(text.Implementers);
            row.Funders = Clean(text.Funders);
            row.Period = Clean(text.Period);
            row.Budget = Clean(text.Budget);
            row.Beneficiaries = Clean(text.Beneficiaries);
            row.Activities = Clean(text.Activities);
            row.ForWhom = Clean(text.ForWhom);
            row.WhatYouGet = Clean(text.WhatYouGet);
            row.HowToApply = Clean(text.HowToApply);
            row.Contact = Clean(text.Contact);
        }
    }

    /// <summary>Field name → value as text, to name the changed fields in the audit trail (names only, never values).</summary>
    private static Dictionary<string, string> Snapshot(SupportMeasure m)
    {
        var s = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Slug"] = m.Slug,
            ["ParentId"] = m.ParentId?.ToString() ?? "",
            ["Phase"] = m.Phase.ToString(),
            ["Models"] = string.Join(',', m.Models.Select(x => x.Model.ToString()).Order(StringComparer.Ordinal)),
            ["ImplementerCodes"] = string.Join(',', Codes(m, PartyRole.Implementer)),
            ["FunderCodes"] = string.Join(',', Codes(m, PartyRole.Funder)),
            ["Period"] = FormattableString.Invariant($"{m.StartYear}/{m.StartMonth}-{m.EndYear}/{m.EndMonth}/{m.Ongoing}"),
            ["Budget"] = FormattableString.Invariant($"{m.BudgetAmount} {m.BudgetCurrency}"),
            ["Beneficiaries"] = FormattableString.Invariant($"{m.BeneficiariesMin}-{m.BeneficiariesMax}"),
            ["SourceReference"] = m.SourceReference ?? "",
        };
        foreach (var t in m.Translations)
        {
            s["Texts." + t.Culture] = string.Join('\u001f', t.Title, t.Implementers, t.Funders, t.Period, t.Budget, t.Beneficiaries, t.Activities, t.ForWhom, t.WhatYouGet, t.HowToApply, t.Contact);
        }

        return s;
    }

    private IQueryable<SupportMeasure> Measures() =>
        db.Set<SupportMeasure>().AsNoTracking().AsSplitQuery()
            .Include(m => m.Translations).Include(m => m.Models).Include(m => m.Parties)
            .OrderBy(m => m.SortKey).ThenBy(m => m.Slug);

    private sealed record Header(Guid Id, Guid? ParentId, string Slug, string? Reference, int SortKey);

    private async Task<List<(Header Header, List<SupportMeasureTranslation> Titles)>> AllHeadersAsync(CancellationToken ct)
    {
        var rows = await db.Set<SupportMeasure>().AsNoTracking()
            .Select(m => new { m.Id, m.ParentId, m.Slug, m.Reference, m.SortKey, Titles = m.Translations.Select(t => new SupportMeasureTranslation { Culture = t.Culture, Title = t.Title }).ToList() })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.SortKey).Select(r => (new Header(r.Id, r.ParentId, r.Slug, r.Reference, r.SortKey), r.Titles)).ToList();
    }

    private MeasureView ToView(SupportMeasure m, string culture, List<(Header Header, List<SupportMeasureTranslation> Titles)> all)
    {
        culture = CatalogueCultures.Normalize(culture);
        var wanted = m.Translations.FirstOrDefault(t => t.Culture == culture);
        var fr = m.Translations.FirstOrDefault(t => t.Culture == CatalogueCultures.Fallback) ?? m.Translations.FirstOrDefault();
        string? Pick(Func<SupportMeasureTranslation, string?> field) =>
            (wanted is null ? null : Clean(field(wanted))) ?? (fr is null ? null : Clean(field(fr)));

        var (parent, parentTitles) = all.FirstOrDefault(a => a.Header.Id == m.ParentId);
        return new MeasureView
        {
            Id = m.Id,
            Slug = m.Slug,
            Reference = m.Reference,
            Number = m.Number,
            ParentSlug = parent?.Slug,
            ParentReference = parent?.Reference,
            ParentTitle = parentTitles is null ? null : TitleIn(parentTitles, culture),
            Origin = m.Origin,
            Phase = m.Phase,
            Models = m.Models.Select(x => x.Model).Order().ToList(),
            ImplementerCodes = Codes(m, PartyRole.Implementer).ToList(),
            FunderCodes = Codes(m, PartyRole.Funder).ToList(),
            ImplementerInstitutionIds = [.. ImplementerInstitutions(m)],
            StartYear = m.StartYear,
            StartMonth = m.StartMonth,
            EndYear = m.EndYear,
            EndMonth = m.EndMonth,
            Ongoing = m.Ongoing,
            Status = m.StatusOn(Today),
            // PostgreSQL's numeric(18,2) gives 4877481.00 where SQLite gives 4877481: drop trailing zeros so both read alike.
            BudgetAmount = m.BudgetAmount / 1.000000000000000000000000000000000m,
            BudgetCurrency = m.BudgetCurrency,
            BeneficiariesMin = m.BeneficiariesMin,
            BeneficiariesMax = m.BeneficiariesMax,
            SourceReference = m.SourceReference,
            Culture = wanted is null ? fr?.Culture ?? CatalogueCultures.Fallback : culture,
            Title = Pick(t => t.Title) ?? m.Slug,
            Implementers = Lines(Pick(t => t.Implementers)),
            Funders = Lines(Pick(t => t.Funders)),
            Period = Pick(t => t.Period),
            Budget = Pick(t => t.Budget),
            Beneficiaries = Pick(t => t.Beneficiaries),
            Activities = Lines(Pick(t => t.Activities)),
            ForWhom = Pick(t => t.ForWhom),
            WhatYouGet = Pick(t => t.WhatYouGet),
            HowToApply = Pick(t => t.HowToApply),
            Contact = Pick(t => t.Contact),
            Initiatives = all.Where(a => a.Header.ParentId == m.Id)
                .Select(a => new MeasureChild(a.Header.Slug, a.Header.Reference, TitleIn(a.Titles, culture) ?? a.Header.Slug))
                .ToList(),
            UpdatedAt = m.UpdatedAt,
        };
    }

    private static string? TitleIn(List<SupportMeasureTranslation> titles, string culture) =>
        (titles.FirstOrDefault(t => t.Culture == culture) ?? titles.FirstOrDefault(t => t.Culture == CatalogueCultures.Fallback))?.Title;

    private static string AllTexts(SupportMeasure m) =>
        string.Join(' ', m.Translations.Select(t => string.Join(' ', t.Title, t.Implementers, t.Funders, t.Activities, t.Beneficiaries, t.ForWhom, t.WhatYouGet)));

    /// <summary>
    /// Every word of the query appears in the measure, ignoring case and accents, with Arabic spelling normalised on
    /// both sides (<see cref="ArabicNormalizer"/>: "اسبانيا" finds "إسبانيا").
    /// </summary>
    private static bool Matches(MeasureView v, string translations, string text)
    {
        const CompareOptions options = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;
        var haystack = ArabicNormalizer.Normalize(string.Join(' ', [v.Slug, v.Title, .. v.Implementers, .. v.Funders, .. v.Activities, v.Beneficiaries ?? "", .. v.ImplementerCodes, .. v.FunderCodes, translations]));
        return ArabicNormalizer.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .All(word => Compare.IndexOf(haystack, word, options) >= 0);
    }

    private static IEnumerable<Guid> ImplementerInstitutions(SupportMeasure m) =>
        m.Parties.Where(p => p.Role == PartyRole.Implementer && p.InstitutionId is not null).Select(p => p.InstitutionId!.Value);

    private static IEnumerable<string> Codes(SupportMeasure m, PartyRole role) =>
        m.Parties.Where(p => p.Role == role).OrderBy(p => p.Position).Select(p => p.Code);

    private static List<string> CleanCodes(IEnumerable<string> codes) =>
        codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();

    private static string[] Lines(string? text) =>
        text is null ? [] : text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>"Programme d'aide au retour" → "programme-d-aide-au-retour"; empty when nothing Latin is left (e.g. an Arabic-only title).</summary>
    internal static string Slugify(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return "";
        }

        var decomposed = title.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9')
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        var slug = sb.ToString().Trim('-');
        return slug.Length > 80 ? slug[..80].TrimEnd('-') : slug;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{0,39}$")]
    private static partial Regex CodePattern();
}
