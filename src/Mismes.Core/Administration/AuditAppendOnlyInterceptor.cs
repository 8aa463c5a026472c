using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mismes.Core.Administration;

/// <summary>
/// Keeps the audit trail append-only: any SaveChanges that would update or delete an <see cref="AuditEntry"/>
/// fails before reaching the database, whichever code path tried it (docs/adr/0006-append-only-audit.md).
/// </summary>
public sealed class AuditAppendOnlyInterceptor : SaveChangesInterceptor
{
    public static readonly AuditAppendOnlyInterceptor Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        if (context.ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new AuditTrailIsAppendOnlyException();
        }
    }
}

public sealed class AuditTrailIsAppendOnlyException : InvalidOperationException
{
    public AuditTrailIsAppendOnlyException()
        : base("The audit trail is append-only: audit entries cannot be changed or deleted.")
    {
    }

    public AuditTrailIsAppendOnlyException(string message)
        : base(message)
    {
    }

    public AuditTrailIsAppendOnlyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
