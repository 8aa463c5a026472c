namespace Mismes.Web.Notifications;

/// <summary>Marker for the Notifications strings in Resources/Notifications/NotificationsResource*.resx (keys "Notifications.…"; fr is the neutral language).</summary>
public sealed class NotificationsResource;
