using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Mismes.Core.Administration;

namespace Mismes.Web.Administration;

/// <summary>
/// Keeps the sign-in ticket in the database (<see cref="UserSessions"/>) and only its key in the cookie, so signing
/// out, or any change to the user's access, ends the session at once on every node (docs/adr/0015-server-side-sessions.md).
/// A singleton (the cookie options hold it): each call opens its own scope, so it never saves a page's pending changes.
/// </summary>
internal sealed class DatabaseTicketStore(IServiceScopeFactory scopes) : ITicketStore
{
    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("A signed-in principal without a user id."));
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserSessions>()
            .CreateAsync(userId, TicketSerializer.Default.Serialize(ticket), cancellationToken);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UserSessions>()
            .RenewAsync(key, TicketSerializer.Default.Serialize(ticket), cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var bytes = await scope.ServiceProvider.GetRequiredService<UserSessions>().FindAsync(key, cancellationToken);
        return bytes is null ? null : TicketSerializer.Default.Deserialize(bytes);
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UserSessions>().RemoveAsync(key, cancellationToken);
    }
}
