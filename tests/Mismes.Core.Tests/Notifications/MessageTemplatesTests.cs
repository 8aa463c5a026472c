using Mismes.Core.Notifications;

namespace Mismes.Core.Tests.Notifications;

public sealed class MessageTemplatesTests
{
    private static readonly MessageTemplates Templates = NotificationsDatabase.Templates;

    /// <summary>A model for every kind the platform ships; a kind added without one fails <see cref="Templates_EveryKind_HasAModelHere"/>.</summary>
    private static readonly Dictionary<string, object> Models = new(StringComparer.Ordinal)
    {
        [MessageKinds.PasswordReset] = NotificationsDatabase.ResetModel(),
        [MessageKinds.AccountCreated] = new AccountCreatedMail("Karim", "ANAPEC", "karim@anapec.ma", "https://mismes.test/Account/SetPassword?t=1"),
        [MessageKinds.Test] = new TestMail("Karim", new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero)),
        [Mismes.Core.Training.TrainingMessageKinds.Enrolled] = new Mismes.Core.Training.TrainingEnrolledMail(
            "Salma", "Italien — E-Bosla (40 h)", new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 31), "ANAPEC Béni Mellal", "ANAPEC / OIM"),
        [Mismes.Core.Training.TrainingMessageKinds.NowFits] = new Mismes.Core.Training.TrainingNowFitsMail(
            "Salma", "Récolte et conditionnement des fruits rouges", 1, "Cueillette de fraises, Huelva (ES)"),
    };

    public static TheoryData<string, string> KindsAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in Templates.Kinds)
        {
            foreach (var language in MessageTemplates.Cultures.Keys.Order(StringComparer.Ordinal))
            {
                data.Add(kind, language);
            }
        }

        return data;
    }

    [Fact]
    public void Templates_PlatformKinds_AllPresent()
    {
        Assert.Superset(
            new HashSet<string>([MessageKinds.PasswordReset, MessageKinds.AccountCreated, MessageKinds.Test], StringComparer.Ordinal),
            Templates.Kinds.ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public void Templates_EveryKind_HasAModelHere()
    {
        Assert.DoesNotContain(Templates.Kinds, k => !Models.ContainsKey(k));
    }

    [Theory]
    [MemberData(nameof(KindsAndLanguages))]
    public void Render_EveryKindInEveryLanguage_FillsEveryPlaceholderAndMarksTheDirection(string kind, string language)
    {
        var message = Templates.Render(kind, language, Models[kind]);

        Assert.Equal(MessageTemplates.Cultures[language], message.Culture);
        Assert.False(string.IsNullOrWhiteSpace(message.Subject));
        Assert.DoesNotContain("{{", message.Subject + message.HtmlBody + message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"lang=\"{language}\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(language == "ar" ? "dir=\"rtl\"" : "dir=\"ltr\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(language == "ar" ? "dir=\"ltr\"" : "dir=\"rtl\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Subject:", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Arabic_IsInArabicWithTheLinkIntact()
    {
        var message = Templates.Render(MessageKinds.PasswordReset, "ar-MA", NotificationsDatabase.ResetModel());

        Assert.Equal("ar-MA", message.Culture);
        Assert.Contains("كلمة مرور", message.Subject, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://mismes.test/Account/Reset?token=abc%2B1&amp;user=42\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://mismes.test/Account/Reset?token=abc%2B1&user=42", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ValuesWithMarkup_AreEncodedInHtmlAndLeftAsTypedInText()
    {
        var message = Templates.Render(MessageKinds.PasswordReset, "fr", NotificationsDatabase.ResetModel("<script>alert(1)</script> Aïcha & \"Co\""));

        Assert.DoesNotContain("<script>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Aïcha &amp; &quot;Co&quot;", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script> Aïcha & \"Co\"", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LineBreakInAValue_NeverReachesTheSubject()
    {
        var message = Templates.Render(MessageKinds.Test, "en", new TestMail("x\r\nBcc: victim@example.org", DateTimeOffset.UnixEpoch));

        Assert.DoesNotContain('\n', message.Subject);
        Assert.DoesNotContain('\r', message.Subject);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/Account/Reset?token=1")]
    [InlineData("ftp://mismes.test/reset")]
    [InlineData("")]
    public void Render_UrlThatIsNotAbsoluteHttp_IsRefused(string url)
    {
        var error = Assert.Throws<ArgumentException>(() => Templates.Render(MessageKinds.PasswordReset, "fr", new PasswordResetMail("Karim", url)));

        Assert.Contains("ResetUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ModelWithoutAPlaceholdersValue_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => Templates.Render(MessageKinds.PasswordReset, "fr", new { DisplayName = "Karim" }));

        Assert.Contains("ResetUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnknownKind_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Templates.Render("NoSuchKind", "fr", new { }));
    }

    [Theory]
    [InlineData(null, "fr")]
    [InlineData("", "fr")]
    [InlineData("de-DE", "fr")]
    [InlineData("fr-FR", "fr")]
    [InlineData("ar", "ar-MA")]
    [InlineData("ar-SA", "ar-MA")]
    [InlineData("AR-MA", "ar-MA")]
    [InlineData("en", "en")]
    [InlineData("es-ES", "es")]
    public void ChooseCulture_Requested_FallsBackToFrench(string? requested, string expected)
    {
        Assert.Equal(expected, MessageTemplates.ChooseCulture(requested));
    }

    [Fact]
    public void Render_DateInArabic_UsesTheGregorianCalendarAndWesternDigits()
    {
        var message = Templates.Render(MessageKinds.Test, "ar-MA", new TestMail("Karim", new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero)));

        Assert.Contains("2026", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("نونبر", message.TextBody, StringComparison.Ordinal);
    }
}
