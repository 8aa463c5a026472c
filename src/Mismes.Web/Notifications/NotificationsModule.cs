using System.Net;
using Microsoft.Extensions.Options;
using Mismes.Core.Notifications;
using Mismes.Web.Platform;

namespace Mismes.Web.Notifications;

/// <summary>Registers the Notifications capability: the outbox and its sender job, SMTP settings, the development mail sink, policies and pages.</summary>
internal static class NotificationsModule
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddNotificationsCore();

        services.AddSingleton<DevelopmentMailSink>();
        services.AddHostedService(sp => sp.GetRequiredService<DevelopmentMailSink>());
        services.AddOptions<SmtpOptions>()
            .BindConfiguration(SmtpOptions.Section)
            .PostConfigure<DevelopmentMailSink>((o, sink) =>
            {
                // No SMTP server configured in Development: mail goes to this node's sink on loopback.
                if (sink.Enabled)
                {
                    o.Host = IPAddress.Loopback.ToString();
                    o.Port = sink.Port;
                    o.Security = SmtpSecurity.None;
                    o.UserName = null;
                    o.Password = null;
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidation>();

        services.AddAuthorizationBuilder().AddNotificationsPolicies();
        services.AddResourceSet<NotificationsResource>("Notifications");
        services.AddNavigationEntry(new("Notifications.Nav", "/Notifications/Outbox", NotificationsPolicies.ReadOutbox, 80));
        services.AddWorkQueueSource<NotificationsWorkQueue>();
        return services;
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        // Pages only so far (Pages/Outbox, Pages/Captured); no API.
        return app;
    }
}

/// <summary>Refuses to start with unusable SMTP settings; outside Development and tests, without an SMTP server.</summary>
internal sealed class SmtpOptionsValidation(IHostEnvironment environment) : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        var errors = options.Validate(hostRequired: !DevelopmentMailSink.Allowed(environment));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
