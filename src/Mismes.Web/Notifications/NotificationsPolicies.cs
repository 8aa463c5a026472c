using Microsoft.AspNetCore.Authorization;
using Mismes.Core.Administration;

namespace Mismes.Web.Notifications;

/// <summary>Who may use the Notifications pages; which messages they then see is decided in Core by institution.</summary>
public static class NotificationsPolicies
{
    /// <summary>
    /// The outbox page: the staff who send mail on their institution's behalf, and administrators. Not beneficiaries,
    /// employers, experts or partner systems: the page lists people's e-mail addresses.
    /// </summary>
    public const string ReadOutbox = "Notifications.ReadOutbox";

    public static readonly IReadOnlyList<string> OutboxRoles =
        [Roles.Administrator, Roles.ProgrammeManager, Roles.Advisor, Roles.CaseWorker];

    public static AuthorizationBuilder AddNotificationsPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(ReadOutbox, p => p.RequireRole(OutboxRoles));
}
