using System.Linq.Expressions;

namespace Mismes.Core.Administration;

/// <summary>
/// Who sees which institution's records (docs/adr/0005-roles-and-institution-scope.md). Staff see only their own
/// institution's records; only an Administrator (system or ministry level, and the CLI's <see cref="SystemUser"/>)
/// sees every institution. Someone without an institution who is not an administrator sees nothing.
/// </summary>
public static class InstitutionScope
{
    public static bool SeesAllInstitutions(ICurrentUser user) => user.IsInRole(Roles.Administrator);

    /// <summary>May <paramref name="user"/> see a record owned by <paramref name="recordInstitutionId"/>?</summary>
    public static bool CanSee(ICurrentUser user, Guid? recordInstitutionId) =>
        SeesAllInstitutions(user) || (user.InstitutionId is { } own && recordInstitutionId == own);

    /// <summary>
    /// Filters a query to the records <paramref name="user"/> may see, e.g.
    /// <c>db.Set&lt;Person&gt;().VisibleTo(currentUser, p =&gt; p.InstitutionId)</c>. Translates to SQL on both providers.
    /// </summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> query, ICurrentUser user, Expression<Func<T, Guid?>> institutionOf)
    {
        if (SeesAllInstitutions(user))
        {
            return query;
        }

        if (user.InstitutionId is not { } own)
        {
            return query.Where(_ => false);
        }

        // A closure member (not a constant) so EF Core sends the id as a parameter and reuses the query plan.
        var scope = new ScopeValue(own);
        var body = Expression.Equal(
            institutionOf.Body,
            Expression.Convert(Expression.Property(Expression.Constant(scope), nameof(ScopeValue.InstitutionId)), typeof(Guid?)));
        return query.Where(Expression.Lambda<Func<T, bool>>(body, institutionOf.Parameters));
    }

    /// <summary>Same as the nullable overload for entities whose institution is required.</summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> query, ICurrentUser user, Expression<Func<T, Guid>> institutionOf)
    {
        var nullable = Expression.Lambda<Func<T, Guid?>>(Expression.Convert(institutionOf.Body, typeof(Guid?)), institutionOf.Parameters);
        return query.VisibleTo(user, nullable);
    }

    private sealed class ScopeValue(Guid institutionId)
    {
        public Guid InstitutionId { get; } = institutionId;
    }
}
