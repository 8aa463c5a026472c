using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.Catalogue;
using Mismes.Core.Data;
using Mismes.Core.Notifications;
using Mismes.Core.People;
using Mismes.TestCommon;

namespace Mismes.Web.Tests.Platform;

/// <summary>
/// The work queue on the role home counts what waits in the user's own institution only (administrators: every
/// institution), from data put straight into the database; runs on SQLite and PostgreSQL like the whole suite.
/// </summary>
public sealed partial class WorkQueueTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private const string Own = "TEST-WQ-OWN";
    private const string Other = "TEST-WQ-OTHER";

    [Fact]
    public async Task Advisor_CountsOfItsOwnInstitution_OnItsHome()
    {
        var own = await factory.InstitutionIdAsync(Own);
        var other = await factory.InstitutionIdAsync(Other);
        var now = factory.Clock.GetUtcNow();
        await SeedAsync(db =>
        {
            // One pair of possible duplicates (a transliteration variant, same birth date), one lone record created a
            // month ago, one person who withdrew a consent yesterday.
            db.Add(NewPerson(own, "Mohamed", "El Amrani", new DateOnly(1990, 3, 14), now.AddDays(-2)));
            db.Add(NewPerson(own, "Mohammed", "Elamrani", new DateOnly(1990, 3, 14), now.AddDays(-1)));
            var old = NewPerson(own, "Zineb", "Tahiri", new DateOnly(1985, 6, 1), now.AddDays(-30));
            old.Consents.Add(new ConsentRecord { Purpose = ConsentPurpose.FollowUpSurveys, Given = true, At = now.AddDays(-30), NoticeVersion = 1 });
            old.Consents.Add(new ConsentRecord { Purpose = ConsentPurpose.FollowUpSurveys, Given = false, At = now.AddDays(-1), NoticeVersion = 1 });
            db.Add(old);
            // A pair the creator confirmed is not a duplicate: not counted again.
            db.Add(NewPerson(own, "Said", "Bennani", new DateOnly(1979, 1, 5), now.AddDays(-40)));
            var confirmed = NewPerson(own, "Saïd", "Bennani", new DateOnly(1979, 1, 5), now.AddDays(-39));
            confirmed.Events[0].Details = "confirmedNotDuplicate";
            db.Add(confirmed);
            // Another institution's duplicates, new records and withdrawals: not the advisor's work.
            db.Add(NewPerson(other, "Youssef", "Alaoui", new DateOnly(1992, 7, 9), now.AddDays(-1)));
            db.Add(NewPerson(other, "Yousef", "Alaoui", new DateOnly(1992, 9, 7), now.AddDays(-1)));
            // Mail: one failed and one stuck for the own institution, one failed elsewhere, one failed long ago.
            db.Add(NewMessage(own, OutboxStatus.Failed, now.AddHours(-3)));
            db.Add(NewMessage(own, OutboxStatus.Queued, now.AddHours(-2)));
            db.Add(NewMessage(own, OutboxStatus.Queued, now.AddMinutes(-5)));
            db.Add(NewMessage(own, OutboxStatus.Failed, now.AddDays(-20)));
            db.Add(NewMessage(other, OutboxStatus.Failed, now.AddHours(-1)));
        });
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, Own);

        var counts = Counts(await client.GetStringAsync(new Uri("/Home", UriKind.Relative)));

        Assert.Equal(1, counts["People.Work.PossibleDuplicates"]);
        Assert.Equal(2, counts["People.Work.CreatedThisWeek"]);
        Assert.Equal(1, counts["People.Work.ConsentsWithdrawn"]);
        Assert.Equal(1, counts["Notifications.Work.Failed"]);
        Assert.Equal(1, counts["Notifications.Work.QueuedTooLong"]);
        // An advisor neither manages the catalogue nor users: those sources are not asked.
        Assert.DoesNotContain(counts.Keys, k => k.StartsWith("Catalogue.", StringComparison.Ordinal) || k.StartsWith("Administration.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProgrammeManager_MeasuresAndLockedOutAccountsOfItsInstitution()
    {
        const string own = "TEST-WQ-PM";
        const string other = "TEST-WQ-PM-OTHER";
        var ownId = await factory.InstitutionIdAsync(own);
        var otherId = await factory.InstitutionIdAsync(other);
        var now = factory.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var soon = today.AddMonths(2);
        var later = today.AddYears(2);
        await SeedAsync(db =>
        {
            // Ends within three months, in French only: ending soon and missing information.
            db.Add(NewMeasure(own, ownId, 2024, soon.Year, soon.Month, ["fr"]));
            // Ends in two years, in all four languages: nothing to do.
            db.Add(NewMeasure(own, ownId, 2024, later.Year, later.Month, ["fr", "ar", "en", "es"]));
            // Ended last year: archived, not work.
            db.Add(NewMeasure(own, ownId, 2020, today.Year - 1, 12, ["fr"]));
            // Another institution's measure ending soon: not this manager's to edit.
            db.Add(NewMeasure(other, otherId, 2024, soon.Year, soon.Month, ["fr"]));
        });
        await LockOutAsync(await factory.CreateUserAsync(Roles.Advisor, own), now.AddMinutes(10));
        await LockOutAsync(await factory.CreateUserAsync(Roles.Advisor, own), now.AddMinutes(-10)); // lockout over
        await LockOutAsync(await factory.CreateUserAsync(Roles.Advisor, other), now.AddMinutes(10));

        var manager = Counts(await (await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, own)).GetStringAsync(new Uri("/Home", UriKind.Relative)));
        var administrator = Counts(await (await factory.CreateSignedInClientAsync(Roles.Administrator, own)).GetStringAsync(new Uri("/Home", UriKind.Relative)));

        Assert.Equal(1, manager["Catalogue.Work.EndingSoon"]);
        Assert.Equal(1, manager["Catalogue.Work.MissingInformation"]);
        Assert.Equal(1, manager["Administration.Work.LockedOut"]);
        // Administrators see every institution: at least both locked-out accounts and both measures ending soon.
        Assert.True(administrator["Administration.Work.LockedOut"] >= 2);
        Assert.True(administrator["Catalogue.Work.EndingSoon"] >= 2);
    }

    /// <summary>Work item text key → the count shown beside it.</summary>
    private static Dictionary<string, int> Counts(string html) =>
        WorkItem().Matches(html).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);

    private async Task SeedAsync(Action<AppDbContext> add)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        add(db);
        await db.SaveChangesAsync();
    }

    private async Task LockOutAsync(TestUser user, DateTimeOffset until)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var account = await users.FindByIdAsync(user.Id.ToString());
        await users.SetLockoutEndDateAsync(account!, until);
    }

    private static Person NewPerson(Guid institutionId, string first, string last, DateOnly birthDate, DateTimeOffset created)
    {
        var person = new Person
        {
            Id = Guid.NewGuid(),
            FirstNameLatin = first,
            LastNameLatin = last,
            BirthDate = birthDate,
            Sex = Sex.Male,
            InstitutionId = institutionId,
            CreatedAt = created,
            UpdatedAt = created,
        };
        person.Events.Add(new PersonEvent { At = created, Kind = PersonEventKind.Created });
        person.RefreshSearchColumns();
        return person;
    }

    private static OutboxMessage NewMessage(Guid institutionId, OutboxStatus status, DateTimeOffset created) => new()
    {
        Id = Guid.NewGuid(),
        Kind = MessageKinds.PasswordReset,
        Recipient = "someone@test.mismes.ma",
        Culture = "fr",
        Subject = "Test",
        HtmlBody = "",
        TextBody = "",
        Status = status,
        InstitutionId = institutionId,
        CreatedAt = created,
        NextAttemptAt = status == OutboxStatus.Queued ? created.AddDays(1) : created,
        FailedAt = status == OutboxStatus.Failed ? created : null,
    };

    private static SupportMeasure NewMeasure(string code, Guid institutionId, int startYear, int endYear, int endMonth, string[] cultures)
    {
        var id = Guid.NewGuid();
        return new SupportMeasure
        {
            Id = id,
            Slug = "test-wq-" + id.ToString("N")[..12],
            StartYear = startYear,
            EndYear = endYear,
            EndMonth = endMonth,
            Translations = [.. cultures.Select(c => new SupportMeasureTranslation { Culture = c, Title = "Mesure " + c })],
            Parties = [new SupportMeasureParty { Id = Guid.NewGuid(), Role = PartyRole.Implementer, Code = code, InstitutionId = institutionId }],
        };
    }

    [GeneratedRegex("data-work=\"([^\"]+)\">\\s*<span[^>]*>(\\d+)</span>", RegexOptions.CultureInvariant)]
    private static partial Regex WorkItem();
}
