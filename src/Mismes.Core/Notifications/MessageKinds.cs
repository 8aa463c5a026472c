namespace Mismes.Core.Notifications;

/// <summary>
/// The kinds of message the platform sends. Each kind has eight templates, embedded in Mismes.Core from a capability's
/// <c>Mail/</c> folder: <c>&lt;Kind&gt;.&lt;fr|ar|en|es&gt;.html</c> and <c>.text</c> (see <see cref="MessageTemplates"/>).
/// A capability that adds a kind adds its constant, its model record and its templates.
/// </summary>
public static class MessageKinds
{
    /// <summary>"Forgot password" or a reset asked by an administrator. Model: <see cref="PasswordResetMail"/>.</summary>
    public const string PasswordReset = "PasswordReset";

    /// <summary>Welcome to a new account, with a link to choose a password. Model: <see cref="AccountCreatedMail"/>.</summary>
    public const string AccountCreated = "AccountCreated";

    /// <summary>A test message staff send themselves from the outbox page. Model: <see cref="TestMail"/>.</summary>
    public const string Test = "Test";
}

/// <summary>The values of a <see cref="MessageKinds.PasswordReset"/> message. <paramref name="ResetUrl"/> is absolute (http or https).</summary>
public sealed record PasswordResetMail(string DisplayName, string ResetUrl);

/// <summary>The values of a <see cref="MessageKinds.AccountCreated"/> message. <paramref name="SetPasswordUrl"/> is absolute (http or https).</summary>
public sealed record AccountCreatedMail(string DisplayName, string InstitutionName, string UserName, string SetPasswordUrl);

/// <summary>The values of a <see cref="MessageKinds.Test"/> message; the time is written in the recipient's language.</summary>
public sealed record TestMail(string DisplayName, DateTimeOffset RequestedAt);
