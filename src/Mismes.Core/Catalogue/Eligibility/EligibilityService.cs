using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Common;
using Mismes.Core.Data;

namespace Mismes.Core.Catalogue.Eligibility;

/// <summary>
/// The eligibility finder's rules (who each measure is for) and the finder itself: answers in, the measures that fit
/// out, each with its reasons and next step. Rules are edited by those who may edit the measure (CatalogueService.CanEdit).
/// The answers are never stored: the finder is anonymous and keeps nothing about who asked.
/// </summary>
public sealed class EligibilityService(AppDbContext db, CatalogueService catalogue, AuditLog audit, TimeProvider clock)
{
    /// <summary>The rules of a measure, or null when it has none yet.</summary>
    public async Task<EligibilityRulesInput?> RulesAsync(Guid measureId, CancellationToken ct)
    {
        var row = await db.Set<MeasureEligibility>().AsNoTracking().FirstOrDefaultAsync(e => e.MeasureId == measureId, ct);
        return row is null ? null : ToInput(row);
    }

    public async Task<WriteResult<EligibilityRulesInput>> SaveAsync(Guid measureId, EligibilityRulesInput input, CancellationToken ct)
    {
        var measure = await catalogue.FindAsync(measureId.ToString(), CatalogueCultures.Fallback, ct);
        if (measure is null)
        {
            return WriteResult<EligibilityRulesInput>.NotFound();
        }

        if (!catalogue.CanEdit(measure))
        {
            return WriteResult<EligibilityRulesInput>.Forbidden();
        }

        var errors = Validate(input);
        if (!errors.IsEmpty)
        {
            return WriteResult<EligibilityRulesInput>.Invalid(errors);
        }

        var row = await db.Set<MeasureEligibility>().FirstOrDefaultAsync(e => e.MeasureId == measureId, ct);
        var created = row is null;
        row ??= db.Set<MeasureEligibility>().Add(new MeasureEligibility { MeasureId = measureId }).Entity;
        Apply(row, input);
        row.UpdatedAt = clock.GetUtcNow();
        audit.Add(created ? AuditAction.Create : AuditAction.Update, CatalogueService.RecordType, measureId.ToString(), "Eligibility");
        await db.SaveChangesAsync(ct);
        return WriteResult<EligibilityRulesInput>.Ok(ToInput(row));
    }

    /// <summary>
    /// The running (not ended) measures whose rules the answers meet, the most specific first: a measure that names the
    /// person's country and field comes before one open to everyone in her situation. Then the catalogue's order.
    /// </summary>
    public async Task<IReadOnlyList<FinderMatch>> FindAsync(FinderAnswers answers, string culture, CancellationToken ct)
    {
        if (answers.Situation is null)
        {
            return [];
        }

        var rules = await db.Set<MeasureEligibility>().AsNoTracking().ToDictionaryAsync(e => e.MeasureId, ct);
        var measures = await catalogue.SearchAsync(new MeasureFilter { ExcludeEnded = true }, culture, ct);
        return measures
            .Select((m, order) => (m, order, reasons: rules.TryGetValue(m.Id, out var r) ? Fit(ToInput(r), answers) : null))
            .Where(x => x.reasons is not null)
            .OrderByDescending(x => x.reasons!.Count)
            .ThenBy(x => x.order)
            .Select(x => new FinderMatch(x.m, x.reasons!, rules[x.m.Id].NextStepPath ?? "/Catalogue/" + x.m.Slug))
            .ToList();
    }

    /// <summary>
    /// Null when a rule rules the person out; otherwise the answers that met a rule which asks something. An unknown
    /// answer meets every rule (a person who skips a question is shown more, never less).
    /// </summary>
    public static IReadOnlyList<FitReason>? Fit(EligibilityRulesInput rules, FinderAnswers answers)
    {
        if (answers.Situation is not { } situation || !rules.Situations.Contains(situation))
        {
            return null;
        }

        var reasons = new List<FitReason> { FitReason.Situation };
        if (answers.Schooling is { } schooling && (rules.MinEqf is not null || rules.MaxEqf is not null))
        {
            var eqf = EligibilityVocabulary.Eqf(schooling);
            if (eqf < (rules.MinEqf ?? 1) || eqf > (rules.MaxEqf ?? 8))
            {
                return null;
            }

            reasons.Add(FitReason.Schooling);
        }

        if (answers.Languages.Count > 0 && rules.Languages.Count > 0)
        {
            if (!answers.Languages.Intersect(rules.Languages, StringComparer.Ordinal).Any())
            {
                return null;
            }

            reasons.Add(FitReason.Language);
        }

        if (answers.Field is { } field && rules.Fields.Count > 0)
        {
            if (!rules.Fields.Contains(field))
            {
                return null;
            }

            reasons.Add(FitReason.Field);
        }

        if (answers.Country is { } country && rules.Countries.Count > 0)
        {
            if (!rules.Countries.Contains(country, StringComparer.Ordinal))
            {
                return null;
            }

            reasons.Add(FitReason.Country);
        }

        return reasons;
    }

    public static FieldErrors Validate(EligibilityRulesInput input)
    {
        var errors = new FieldErrors();
        if (input.Situations.Count == 0)
        {
            errors.Add(nameof(input.Situations), "Catalogue.Eligibility.Error.Situations");
        }
        else if (input.Situations.Any(s => !Enum.IsDefined(s)))
        {
            errors.Add(nameof(input.Situations), "Catalogue.Eligibility.Error.Value");
        }

        if (input.MinEqf is < 1 or > 8)
        {
            errors.Add(nameof(input.MinEqf), "Catalogue.Eligibility.Error.Eqf");
        }

        if (input.MaxEqf is < 1 or > 8)
        {
            errors.Add(nameof(input.MaxEqf), "Catalogue.Eligibility.Error.Eqf");
        }

        if (input.MinEqf is { } min && input.MaxEqf is { } max && min > max)
        {
            errors.Add(nameof(input.MaxEqf), "Catalogue.Eligibility.Error.EqfOrder");
        }

        if (input.Languages.Any(l => !EligibilityVocabulary.Languages.Contains(l, StringComparer.Ordinal)))
        {
            errors.Add(nameof(input.Languages), "Catalogue.Eligibility.Error.Value");
        }

        if (input.Fields.Any(f => !Enum.IsDefined(f)))
        {
            errors.Add(nameof(input.Fields), "Catalogue.Eligibility.Error.Value");
        }

        if (input.Countries.Any(c => !EligibilityVocabulary.Countries.Contains(c, StringComparer.Ordinal)))
        {
            errors.Add(nameof(input.Countries), "Catalogue.Eligibility.Error.Value");
        }

        // A local path only: the finder must never send a citizen off-site ("//evil.example", "https://...").
        if (input.NextStepPath is { } path && (path.Length > EligibilityRulesInput.MaxPathLength || !path.StartsWith('/')
            || path.StartsWith("//", StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal) || path.Any(char.IsWhiteSpace)))
        {
            errors.Add(nameof(input.NextStepPath), "Catalogue.Eligibility.Error.Path");
        }

        return errors;
    }

    internal static void Apply(MeasureEligibility row, EligibilityRulesInput input)
    {
        row.Situations = string.Join(',', input.Situations.Distinct().Order());
        row.MinEqf = input.MinEqf;
        row.MaxEqf = input.MaxEqf;
        row.Languages = string.Join(',', input.Languages.Distinct(StringComparer.Ordinal));
        row.Fields = string.Join(',', input.Fields.Distinct().Order());
        row.Countries = string.Join(',', input.Countries.Distinct(StringComparer.Ordinal));
        row.NextStepPath = string.IsNullOrWhiteSpace(input.NextStepPath) ? null : input.NextStepPath;
    }

    private static EligibilityRulesInput ToInput(MeasureEligibility row) => new()
    {
        Situations = [.. Split(row.Situations).Select(Enum.Parse<Situation>)],
        MinEqf = row.MinEqf,
        MaxEqf = row.MaxEqf,
        Languages = Split(row.Languages),
        Fields = [.. Split(row.Fields).Select(Enum.Parse<WorkField>)],
        Countries = Split(row.Countries),
        NextStepPath = row.NextStepPath,
    };

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
