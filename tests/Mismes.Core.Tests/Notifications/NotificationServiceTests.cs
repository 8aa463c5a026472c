using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Jobs;
using Mismes.Core.Notifications;

namespace Mismes.Core.Tests.Notifications;

public sealed class NotificationServiceTests(NotificationsDatabase database) : IClassFixture<NotificationsDatabase>
{
    [Fact]
    public async Task Enqueue_NotSaved_AddsToTheCallersUnitOfWorkOnly()
    {
        await database.ClearAsync();
        await using var db = database.NewContext();

        var message = database.Notifications(db).Enqueue(MessageKinds.PasswordReset, "karim@example.org", "en", NotificationsDatabase.ResetModel());

        Assert.Equal(EntityState.Added, db.Entry(message).State);
        await using var other = database.NewContext();
        Assert.False(await other.Set<OutboxMessage>().AnyAsync());
    }

    [Fact]
    public async Task Enqueue_SavedWithTheChange_StoresRenderedMessageAndOneSenderRun()
    {
        await database.ClearAsync();
        var institution = Guid.NewGuid();
        await using (var db = database.NewContext())
        {
            var notifications = database.Notifications(db);
            db.Set<Institution>().Add(new Institution { Id = institution, Code = "T-" + institution.ToString("N")[..8], Name = "Test", Kind = InstitutionKind.Ngo, IsDemo = true });
            notifications.Enqueue(MessageKinds.PasswordReset, "karim@example.org", "es-ES", NotificationsDatabase.ResetModel("Karim"), institution);
            notifications.Enqueue(MessageKinds.PasswordReset, "amina@example.org", null, NotificationsDatabase.ResetModel("Amina"), institution);
            await db.SaveChangesAsync();
        }

        await using var check = database.NewContext();
        var messages = await check.Set<OutboxMessage>().OrderBy(m => m.Recipient).ToListAsync();
        Assert.Equal(["amina@example.org", "karim@example.org"], messages.Select(m => m.Recipient));
        Assert.All(messages, m =>
        {
            Assert.Equal(OutboxStatus.Queued, m.Status);
            Assert.Equal(0, m.Attempts);
            Assert.Equal(institution, m.InstitutionId);
            Assert.Equal(database.Clock.GetUtcNow(), m.NextAttemptAt);
        });
        Assert.Equal("fr", messages[0].Culture);
        Assert.Equal("es", messages[1].Culture);
        Assert.Contains("Karim", messages[1].TextBody, StringComparison.Ordinal);
        Assert.Equal("Elegir una nueva contraseña de Mismes", messages[1].Subject);
        Assert.Equal(1, await check.Set<BackgroundJob>().CountAsync(j => j.Kind == SendQueuedMailHandler.JobKind && j.Status == JobStatus.Pending));
    }

    [Fact]
    public async Task Enqueue_ChangeRolledBack_StoresNoMessage()
    {
        await database.ClearAsync();
        var institution = Guid.NewGuid();
        await using (var db = database.NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Set<Institution>().Add(new Institution { Id = institution, Code = "R-" + institution.ToString("N")[..8], Name = "Rolled back", Kind = InstitutionKind.Ngo, IsDemo = true });
            database.Notifications(db).Enqueue(MessageKinds.PasswordReset, "karim@example.org", "fr", NotificationsDatabase.ResetModel(), institution);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await using var check = database.NewContext();
        Assert.False(await check.Set<Institution>().AnyAsync(i => i.Id == institution));
        Assert.False(await check.Set<OutboxMessage>().AnyAsync());
        Assert.False(await check.Set<BackgroundJob>().AnyAsync(j => j.Kind == SendQueuedMailHandler.JobKind));
    }

    [Fact]
    public async Task Enqueue_ChangeFailsToSave_StoresNoMessage()
    {
        await database.ClearAsync();
        var code = "D-" + Guid.NewGuid().ToString("N")[..8];
        await using (var db = database.NewContext())
        {
            db.Set<Institution>().Add(new Institution { Id = Guid.NewGuid(), Code = code, Name = "First", Kind = InstitutionKind.Ngo, IsDemo = true });
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            // The same code again: the unique index refuses the change, and the message with it.
            db.Set<Institution>().Add(new Institution { Id = Guid.NewGuid(), Code = code, Name = "Duplicate", Kind = InstitutionKind.Ngo, IsDemo = true });
            database.Notifications(db).Enqueue(MessageKinds.AccountCreated, "karim@example.org", "fr", new AccountCreatedMail("Karim", "Duplicate", "karim@example.org", "https://mismes.test/set"));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using var check = database.NewContext();
        Assert.False(await check.Set<OutboxMessage>().AnyAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-address")]
    [InlineData("Karim <karim@example.org>")]
    [InlineData("a@b@c")]
    [InlineData("karim@")]
    [InlineData("@example.org")]
    [InlineData("karim@example.org, amina@example.org")]
    public async Task Enqueue_InvalidRecipient_IsRefusedAndNothingAdded(string recipient)
    {
        await using var db = database.NewContext();

        Assert.Throws<ArgumentException>(() => database.Notifications(db).Enqueue(MessageKinds.Test, recipient, "fr", new TestMail("K", DateTimeOffset.UnixEpoch)));

        Assert.Empty(db.ChangeTracker.Entries());
    }

    [Theory]
    [InlineData("karim@example.org", true)]
    [InlineData("fatima.zahra+mismes@anapec.ma", true)]
    [InlineData(" karim@example.org ", true)]
    [InlineData(null, false)]
    [InlineData("karim", false)]
    public void IsValidAddress_Examples(string? address, bool expected)
    {
        Assert.Equal(expected, NotificationService.IsValidAddress(address));
    }
}
