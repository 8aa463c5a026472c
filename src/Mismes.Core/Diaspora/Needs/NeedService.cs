using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Common;
using Mismes.Core.Data;
using Mismes.Core.Esco;

namespace Mismes.Core.Diaspora.Needs;

/// <summary>
/// Needs of Moroccan institutions. A need belongs to the institution of the user who posts it; staff see and edit
/// their own institution's needs (administrators every institution's), another's is "not found". The expertise is
/// proposed from the text by the taxonomy (<see cref="ProposeCoding"/>) and kept only as confirmed by its author: a
/// save that changes the occupation or the skills without confirming them leaves the need unconfirmed, and only
/// confirmed, open needs are matched.
/// </summary>
public sealed class NeedService(AppDbContext db, ICurrentUser user, TimeProvider clock, EscoLookup esco)
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 4000;
    public const int MaxPlace = 100;
    public const int MaxSkills = 30;
    public const decimal MaxBudget = 100_000_000m;

    /// <summary>A need's period: up to two years (a long stay included).</summary>
    public const int MaxDays = 731;

    private IQueryable<Need> Visible() => db.Set<Need>().VisibleTo(user, n => n.InstitutionId);

    /// <summary>What the taxonomy proposes for a title and description written in <paramref name="culture"/>'s language.</summary>
    public NeedCodingProposal ProposeCoding(string? title, string? description, string culture) =>
        new(esco.Occupations(title, culture, 5), esco.SkillsIn(string.Join("\n", title, description), culture, 10));

    public async Task<WriteResult<NeedView>> CreateAsync(SaveNeed request, CancellationToken ct)
    {
        var errors = Validate(request);
        if (user.InstitutionId is null)
        {
            errors.Add("Title", NeedErrors.NoInstitution);
        }

        if (!errors.IsEmpty)
        {
            return WriteResult<NeedView>.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var need = new Need { Id = Guid.NewGuid(), InstitutionId = user.InstitutionId!.Value, Title = "", CreatedAt = now, IsDemo = request.IsDemo };
        Apply(need, request, confirmedBefore: false);
        need.UpdatedAt = now;
        db.Set<Need>().Add(need);
        await db.SaveChangesAsync(ct);
        return WriteResult<NeedView>.Ok(View(need));
    }

    public async Task<WriteResult<NeedView>> UpdateAsync(Guid id, SaveNeed request, CancellationToken ct)
    {
        var need = await Visible().Include(n => n.Skills).FirstOrDefaultAsync(n => n.Id == id, ct);
        if (need is null)
        {
            return WriteResult<NeedView>.NotFound();
        }

        var errors = Validate(request);
        if (!errors.IsEmpty)
        {
            return WriteResult<NeedView>.Invalid(errors);
        }

        var sameCoding = need.OccupationUri == Clean(request.OccupationUri)
            && need.Skills.Select(s => s.SkillUri).Order(StringComparer.Ordinal).SequenceEqual(request.SkillUris.Select(u => u.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        Apply(need, request, confirmedBefore: need.CodingConfirmed && sameCoding);
        need.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return WriteResult<NeedView>.Ok(View(need));
    }

    public async Task<NeedView?> GetAsync(Guid id, CancellationToken ct)
    {
        var need = await Visible().Include(n => n.Skills).AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct);
        return need is null ? null : View(need);
    }

    /// <summary>The user's institution's needs, the soonest first.</summary>
    public async Task<Paged<NeedView>> ListAsync(NeedSearch search, CancellationToken ct)
    {
        var query = Visible();
        if (search.Status is { } status)
        {
            query = query.Where(n => n.Status == status);
        }

        if (search.Type is { } type)
        {
            query = query.Where(n => n.Type == type);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.Include(n => n.Skills).AsNoTracking().AsSplitQuery()
            .OrderBy(n => n.StartDate).ThenBy(n => n.Id)
            .Skip(search.Paging.Skip).Take(search.Paging.PageSize).ToListAsync(ct);
        return new Paged<NeedView>([.. rows.Select(View)], total, search.Paging.Page, search.Paging.PageSize);
    }

    /// <summary>
    /// Every open, confirmed need of every institution, for matching (needs hold no personal data: an expert's
    /// adviser may see what any Moroccan institution asks for).
    /// </summary>
    public async Task<IReadOnlyList<NeedView>> OpenConfirmedAsync(CancellationToken ct)
    {
        var rows = await db.Set<Need>().Include(n => n.Skills).AsNoTracking().AsSplitQuery()
            .Where(n => n.Status == NeedStatus.Open && n.CodingConfirmed)
            .OrderBy(n => n.StartDate).ThenBy(n => n.Id).ToListAsync(ct);
        return [.. rows.Select(View)];
    }

    public FieldErrors Validate(SaveNeed r)
    {
        var errors = new FieldErrors();
        Text(errors, nameof(r.Title), r.Title, MaxTitle, required: true, multiLine: false);
        Text(errors, nameof(r.Description), r.Description, MaxDescription, required: false, multiLine: true);
        Text(errors, nameof(r.Place), r.Place, MaxPlace, required: true, multiLine: false);
        if (!Enum.IsDefined(r.Type) || !Enum.IsDefined(r.Mode) || !Enum.IsDefined(r.Status))
        {
            errors.Add("Type", NeedErrors.Choice);
        }

        if (Clean(r.OccupationUri) is { } occupation && !esco.IsOccupation(occupation))
        {
            errors.Add("OccupationUri", NeedErrors.Occupation);
        }

        if (r.SkillUris.Count > MaxSkills)
        {
            errors.Add("SkillUris", NeedErrors.TooMany);
        }
        else if (r.SkillUris.Any(u => !esco.IsSkill(u?.Trim())))
        {
            errors.Add("SkillUris", NeedErrors.Skill);
        }

        if (Clean(r.OccupationUri) is null && r.SkillUris.Count == 0)
        {
            errors.Add("SkillUris", NeedErrors.NoExpertise);
        }

        if (r.StartDate == default || r.EndDate < r.StartDate || r.EndDate.DayNumber - r.StartDate.DayNumber > MaxDays)
        {
            errors.Add("EndDate", NeedErrors.Period);
        }

        if (r.BudgetMad is < 0 or > MaxBudget)
        {
            errors.Add("BudgetMad", NeedErrors.Budget);
        }

        return errors;
    }

    private static void Text(FieldErrors errors, string field, string? value, int max, bool required, bool multiLine)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, NeedErrors.Required);
            }

            return;
        }

        if (value.Trim().Length > max)
        {
            errors.Add(field, NeedErrors.TooLong);
        }
        else if (!TextRules.IsClean(value, multiLine))
        {
            errors.Add(field, NeedErrors.Text);
        }
    }

    private static string? Clean(string? uri) => string.IsNullOrWhiteSpace(uri) ? null : uri.Trim();

    private static void Apply(Need need, SaveNeed r, bool confirmedBefore)
    {
        need.Title = r.Title.Trim();
        need.Description = (r.Description ?? "").Trim();
        need.Type = r.Type;
        need.Status = r.Status;
        need.OccupationUri = Clean(r.OccupationUri);
        need.StartDate = r.StartDate;
        need.EndDate = r.EndDate;
        need.Place = r.Place.Trim();
        need.Mode = r.Mode;
        need.BudgetMad = r.BudgetMad;
        need.CodingConfirmed = r.CodingConfirmed || confirmedBefore;
        var skills = r.SkillUris.Select(u => u.Trim()).ToHashSet(StringComparer.Ordinal);
        need.Skills.RemoveAll(s => !skills.Contains(s.SkillUri));
        foreach (var uri in skills.Where(u => need.Skills.All(s => s.SkillUri != u)))
        {
            need.Skills.Add(new NeedSkill { SkillUri = uri });
        }
    }

    internal static NeedView View(Need n) => new(
        n.Id, n.InstitutionId, n.Title, n.Description, n.Type, n.Status, n.OccupationUri,
        [.. n.Skills.OrderBy(s => s.Id).Select(s => s.SkillUri)], n.CodingConfirmed,
        n.StartDate, n.EndDate, n.Place, n.Mode, n.BudgetMad, n.UpdatedAt);
}
