using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Mismes.Core.Jobs;
using Mismes.Core.Seeding;

namespace Mismes.Core.Notifications;

public static class NotificationsServices
{
    /// <summary>The outbox, its templates, the sender job and its schedule. The web host binds and validates <see cref="SmtpOptions"/>.</summary>
    public static IServiceCollection AddNotificationsCore(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>();
        services.TryAddSingleton<MessageTemplates>();
        services.AddScoped<NotificationService>();
        services.AddScoped<MailOutbox>();
        services.AddScoped<OutboxQueries>();
        services.AddScoped<OutboxWorkCounts>();
        services.AddScoped<CapturedMailStore>();
        services.AddJobHandler<SendQueuedMailHandler>();
        services.AddScoped<IReferenceDataSeeder, SendQueuedMailSchedule>();
        services.AddJobHandler<PurgeOutboxHandler>();
        services.AddScoped<IReferenceDataSeeder, PurgeOutboxSchedule>();
        return services;
    }
}
