using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Common;
using Mismes.Core.Data;
using Mismes.Core.People;
using Mismes.TestCommon;
using Mismes.TestCommon.People;

namespace Mismes.Core.Tests.People;

/// <summary>Issue 6, 2.6: merging with a choice per conflicting field, the discarded values in history, and undo.</summary>
public sealed class PersonMergeServiceTests(PeopleTestDatabase database) : IClassFixture<PeopleTestDatabase>
{
    private static int _births;

    /// <summary>A birth year per test, so tests never find each other's people as duplicates.</summary>
    private static DateOnly UniqueBirthDate() => new DateOnly(1911, 4, 21).AddYears(Interlocked.Increment(ref _births));

    private async Task<FakeCurrentUser> AdvisorAsync(string code = "ANAPEC-MERGE") =>
        new(await database.AddInstitutionAsync(code), Roles.Advisor);

    private async Task<(Guid Survivor, Guid Duplicate)> PairAsync(FakeCurrentUser user, string? survivorPhone, string? duplicatePhone, Func<CreatePerson, CreatePerson>? duplicate = null)
    {
        var birth = UniqueBirthDate();
        await using var db = database.NewContext();
        var people = database.Service(db, user);
        var a = await people.CreateAsync(PersonBuilder.Valid("Youssef", "Ouazzani", birth) with { Phone = survivorPhone, ConfirmedNotDuplicate = true }, CancellationToken.None);
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        var b = await people.CreateAsync((duplicate ?? (r => r))(PersonBuilder.Valid("Youssef", "Ouazzani", birth) with { Phone = duplicatePhone, ConfirmedNotDuplicate = true }), CancellationToken.None);
        Assert.Equal(PersonOutcome.Ok, a.Outcome);
        Assert.Equal(PersonOutcome.Ok, b.Outcome);
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        return (a.Person!.Id, b.Person!.Id);
    }

    private async Task<WriteResult<Person>> MergeAsync(FakeCurrentUser user, Guid survivor, Guid duplicate, Dictionary<MergeField, MergeKeep>? keep = null)
    {
        await using var db = database.NewContext();
        return await database.MergeService(db, user).MergeAsync(new MergePeople { SurvivorId = survivor, DuplicateId = duplicate, Keep = keep ?? [] }, CancellationToken.None);
    }

    private async Task<WriteResult<Person>> UndoAsync(FakeCurrentUser user, Guid survivor)
    {
        await using var db = database.NewContext();
        return await database.MergeService(db, user).UndoLastMergeAsync(survivor, CancellationToken.None);
    }

    private async Task<Person> LoadAsync(Guid id)
    {
        await using var db = database.NewContext();
        return await db.Set<Person>().AsNoTracking().Include(p => p.Languages).Include(p => p.Consents).AsSplitQuery().SingleAsync(p => p.Id == id);
    }

    /// <summary>Every stored column of the record, its languages and its consent rows, as one comparable text.</summary>
    private async Task<string> StoredAsync(Guid id)
    {
        var p = await LoadAsync(id);
        var columns = typeof(Person).GetProperties()
            .Where(x => x.PropertyType.IsValueType || x.PropertyType == typeof(string))
            .Select(x => $"{x.Name}={Convert.ToString(x.GetValue(p), CultureInfo.InvariantCulture)}");
        var languages = p.Languages.OrderBy(l => l.Language, StringComparer.Ordinal).Select(l => $"{l.Language}:{l.Level}");
        var consents = p.Consents.OrderBy(c => c.Id).Select(c => $"{c.Id}:{c.Purpose}:{c.Given}");
        return string.Join('\n', columns.Concat(languages).Concat(consents));
    }

    private async Task<List<PersonEvent>> EventsAsync(Guid id)
    {
        await using var db = database.NewContext();
        return await db.Set<PersonEvent>().Where(e => e.PersonId == id).OrderBy(e => e.Id).ToListAsync();
    }

    private async Task<List<AuditEntry>> AuditAsync(Guid id)
    {
        await using var db = database.NewContext();
        var recordId = id.ToString();
        return await db.Set<AuditEntry>().Where(a => a.RecordType == "Person" && a.RecordId == recordId).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task Merge_DuplicateHasThePhoneOnly_PhoneIsTakenWithoutAChoice()
    {
        var user = await AdvisorAsync();
        var (survivor, duplicate) = await PairAsync(user, null, "+212611223344");

        var result = await MergeAsync(user, survivor, duplicate);

        Assert.Equal(WriteOutcome.Ok, result.Outcome);
        Assert.Equal("+212611223344", (await LoadAsync(survivor)).Phone);
        Assert.Equal(survivor, (await LoadAsync(duplicate)).MergedIntoId);
        Assert.Contains(await EventsAsync(survivor), e => e.Kind == PersonEventKind.Merged && e.Details!.Contains("filled:Phone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Merge_ConflictingPhoneKeepSurvivor_DuplicatesPhoneDiscardedIntoHistoryNotAudit()
    {
        var user = await AdvisorAsync();
        var (survivor, duplicate) = await PairAsync(user, "+212611111111", "+212622222222");

        var result = await MergeAsync(user, survivor, duplicate, new() { [MergeField.Phone] = MergeKeep.Survivor });

        Assert.Equal(WriteOutcome.Ok, result.Outcome);
        Assert.Equal("+212611111111", (await LoadAsync(survivor)).Phone);
        var discarded = Assert.Single(await EventsAsync(survivor), e => e.Kind == PersonEventKind.MergeDiscarded);
        Assert.Equal($"Phone;from:{duplicate};of:merged;value:+212622222222", discarded.Details);
        var audit = Assert.Single(await AuditAsync(survivor), a => a.Action == AuditAction.Merge);
        Assert.Contains("discarded:Phone", audit.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("+2126", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_ConflictingPhoneKeepDuplicate_TakesItAndRecordsTheSurvivorsOwnAsDiscarded()
    {
        var user = await AdvisorAsync();
        var (survivor, duplicate) = await PairAsync(user, "+212611111111", "+212622222222");

        var result = await MergeAsync(user, survivor, duplicate, new() { [MergeField.Phone] = MergeKeep.Duplicate });

        Assert.Equal(WriteOutcome.Ok, result.Outcome);
        Assert.Equal("+212622222222", (await LoadAsync(survivor)).Phone);
        var discarded = Assert.Single(await EventsAsync(survivor), e => e.Kind == PersonEventKind.MergeDiscarded);
        Assert.Equal($"Phone;from:{duplicate};of:this;value:+212611111111", discarded.Details);
        Assert.Contains(await EventsAsync(survivor), e => e.Kind == PersonEventKind.Merged && e.Details!.EndsWith("taken:Phone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Merge_ConflictWithoutAChoice_RefusedNamingTheFieldAndNothingChanges()
    {
        var user = await AdvisorAsync();
        var (survivor, duplicate) = await PairAsync(user, "+212611111111", "+212622222222", r => r with { Email = "y.ouazzani@example.ma" });
        var before = await StoredAsync(survivor);

        var result = await MergeAsync(user, survivor, duplicate, new() { [MergeField.Email] = MergeKeep.Duplicate });

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.Equal([nameof(MergeField.Phone)], result.Errors.Keys);
        Assert.Equal([PersonMergeErrors.ChoiceRequired], result.Errors[nameof(MergeField.Phone)]);
        Assert.Equal(before, await StoredAsync(survivor));
        Assert.Null((await LoadAsync(duplicate)).MergedIntoId);
    }

    [Fact]
    public async Task Merge_RecordsOfAnotherInstitution_NotFoundAndUnchanged()
    {
        var owner = await AdvisorAsync("ANAPEC-MERGE-OWNER");
        var (survivor, duplicate) = await PairAsync(owner, null, "+212633333333");
        var stranger = await AdvisorAsync("OIM-MERGE-OTHER");
        var (ownRecord, _) = await PairAsync(stranger, null, null);

        Assert.Equal(WriteOutcome.NotFound, (await MergeAsync(stranger, survivor, duplicate)).Outcome);
        Assert.Equal(WriteOutcome.NotFound, (await MergeAsync(stranger, ownRecord, duplicate)).Outcome);
        await using var db = database.NewContext();
        Assert.Null(await database.MergeService(db, stranger).CompareAsync(survivor, duplicate, CancellationToken.None));
        Assert.Null((await LoadAsync(duplicate)).MergedIntoId);
        Assert.Null((await LoadAsync(survivor)).Phone);
    }

    [Fact]
    public async Task Merge_SameRecordOrAlreadyMerged_Invalid()
    {
        var user = await AdvisorAsync();
        var (survivor, duplicate) = await PairAsync(user, null, null);

        var same = await MergeAsync(user, survivor, survivor);
        Assert.Equal(WriteOutcome.Ok, (await MergeAsync(user, survivor, duplicate)).Outcome);
        var again = await MergeAsync(user, survivor, duplicate);

        Assert.Equal([PeopleErrors.MergeSame], same.Errors["DuplicateId"]);
        Assert.Equal([PeopleErrors.MergeAlreadyMerged], again.Errors["DuplicateId"]);
    }

    [Fact]
    public async Task Compare_TwoRecords_ListsConflictsOlderFirstAndAuditsBothReads()
    {
        var user = await AdvisorAsync();
        var (older, newer) = await PairAsync(user, "+212611111111", "+212622222222", r => r with { Sex = Sex.Female, Email = "only.here@example.ma" });

        await using var db = database.NewContext();
        var comparison = await database.MergeService(db, user).CompareAsync(newer, older, CancellationToken.None);

        Assert.NotNull(comparison);
        Assert.Equal(older, comparison.DefaultSurvivorId);
        Assert.Equal([MergeField.Sex, MergeField.Phone], comparison.Conflicts);
        Assert.Contains(await AuditAsync(older), a => a.Action == AuditAction.Read && a.Details == "merge-compare");
        Assert.Contains(await AuditAsync(newer), a => a.Action == AuditAction.Read && a.Details == "merge-compare");
    }

    [Fact]
    public async Task Undo_AfterMerge_RestoresBothRecordsFieldForField()
    {
        var user = await AdvisorAsync();
        var (survivor, duplicate) = await PairAsync(user, "+212611110001", "+212622220001", r => r with
        {
            Email = "y.ouazzani@example.ma",
            MigrationStatus = MigrationStatus.Abroad,
            CountryOfResidence = "ES",
            Languages = [new LanguageSkill("ar", CefrLevel.B1), new LanguageSkill("es", CefrLevel.C1)],
        });
        await using (var db = database.NewContext())
        {
            var people = database.Service(db, user);
            await people.GiveConsentAsync(survivor, ConsentPurpose.FollowUpSurveys, ConsentChannel.Paper, null, CancellationToken.None);
            await people.GiveConsentAsync(duplicate, ConsentPurpose.ShareProfileWithForeignEmployers, ConsentChannel.Phone, null, CancellationToken.None);
        }

        database.Clock.Advance(TimeSpan.FromMinutes(1));
        var survivorBefore = await StoredAsync(survivor);
        var duplicateBefore = await StoredAsync(duplicate);
        var merged = await MergeAsync(user, survivor, duplicate, new()
        {
            [MergeField.Phone] = MergeKeep.Duplicate,
            [MergeField.MigrationStatus] = MergeKeep.Duplicate,
            [MergeField.CountryOfResidence] = MergeKeep.Survivor,
        });
        Assert.Equal(WriteOutcome.Ok, merged.Outcome);
        Assert.NotEqual(survivorBefore, await StoredAsync(survivor));
        database.Clock.Advance(TimeSpan.FromMinutes(1));

        var undone = await UndoAsync(user, survivor);

        Assert.Equal(WriteOutcome.Ok, undone.Outcome);
        Assert.Equal(survivorBefore, await StoredAsync(survivor));
        Assert.Equal(duplicateBefore, await StoredAsync(duplicate));
        await using var check = database.NewContext();
        var search = await database.Service(check, user).SearchAsync(new PersonSearch { Text = "+212622220001" }, CancellationToken.None);
        Assert.Equal([duplicate], search.Items.Select(p => p.Id));
        Assert.Contains(await EventsAsync(survivor), e => e.Kind == PersonEventKind.MergeUndone && e.Details == $"from:{duplicate}");
        Assert.Contains(await EventsAsync(duplicate), e => e.Kind == PersonEventKind.MergeUndone && e.Details == $"into:{survivor}");
        Assert.Contains(await AuditAsync(survivor), a => a.Action == AuditAction.MergeUndone);
        Assert.Contains(await AuditAsync(duplicate), a => a.Action == AuditAction.MergeUndone);
        Assert.Equal(PersonMergeErrors.NothingToUndo, (await UndoAsync(user, survivor)).ConflictKey);
    }

    [Fact]
    public async Task Undo_TwoMerges_UndoesTheLatestFirstThenTheEarlier()
    {
        var user = await AdvisorAsync();
        var (survivor, first) = await PairAsync(user, null, "+212644444444");
        var original = await StoredAsync(survivor);
        Assert.Equal(WriteOutcome.Ok, (await MergeAsync(user, survivor, first)).Outcome);
        var afterFirst = await StoredAsync(survivor);
        Guid second;
        await using (var db = database.NewContext())
        {
            var birth = (await LoadAsync(survivor)).BirthDate;
            second = (await database.Service(db, user).CreateAsync(PersonBuilder.Valid("Yousef", "Ouazzani", birth) with { ConfirmedNotDuplicate = true, Email = "second@example.ma" }, CancellationToken.None)).Person!.Id;
        }

        database.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(WriteOutcome.Ok, (await MergeAsync(user, survivor, second, new() { [MergeField.FirstNameLatin] = MergeKeep.Survivor })).Outcome);

        Assert.Equal(WriteOutcome.Ok, (await UndoAsync(user, survivor)).Outcome);
        Assert.Equal(afterFirst, await StoredAsync(survivor));
        Assert.Null((await LoadAsync(second)).MergedIntoId);
        Assert.Equal(survivor, (await LoadAsync(first)).MergedIntoId);
        Assert.Equal(WriteOutcome.Ok, (await UndoAsync(user, survivor)).Outcome);
        Assert.Equal(original, await StoredAsync(survivor));
        Assert.Null((await LoadAsync(first)).MergedIntoId);
    }

    [Theory]
    [InlineData("edit")]
    [InlineData("consent")]
    public async Task Undo_SurvivorChangedSinceTheMerge_RefusedAndNothingRestored(string change)
    {
        var user = await AdvisorAsync();
        var (survivor, duplicate) = await PairAsync(user, null, "+212655555555");
        Assert.Equal(WriteOutcome.Ok, (await MergeAsync(user, survivor, duplicate)).Outcome);
        await using (var db = database.NewContext())
        {
            var people = database.Service(db, user);
            var p = await LoadAsync(survivor);
            var result = change == "edit"
                ? await people.UpdateAsync(survivor, PersonBuilder.Valid(p.FirstNameLatin, p.LastNameLatin, p.BirthDate) with { Phone = p.Phone, Notes = "Rappeler en janvier" }, CancellationToken.None)
                : await people.GiveConsentAsync(survivor, ConsentPurpose.FollowUpSurveys, ConsentChannel.InPerson, null, CancellationToken.None);
            Assert.Equal(PersonOutcome.Ok, result.Outcome);
        }

        var stored = await StoredAsync(survivor);
        await using (var db = database.NewContext())
        {
            var last = await database.MergeService(db, user).LastMergeAsync(survivor, CancellationToken.None);
            Assert.False(last!.CanUndo);
        }

        var undone = await UndoAsync(user, survivor);

        Assert.Equal(WriteOutcome.Conflict, undone.Outcome);
        Assert.Equal(PersonMergeErrors.EditedSinceMerge, undone.ConflictKey);
        Assert.Equal(stored, await StoredAsync(survivor));
        Assert.Equal(survivor, (await LoadAsync(duplicate)).MergedIntoId);
    }

    [Fact]
    public async Task Undo_RecordOfAnotherInstitution_NotFound()
    {
        var owner = await AdvisorAsync("ANAPEC-MERGE-OWNER");
        var (survivor, duplicate) = await PairAsync(owner, null, null);
        Assert.Equal(WriteOutcome.Ok, (await MergeAsync(owner, survivor, duplicate)).Outcome);

        var result = await UndoAsync(await AdvisorAsync("OIM-MERGE-OTHER"), survivor);

        Assert.Equal(WriteOutcome.NotFound, result.Outcome);
        Assert.Equal(survivor, (await LoadAsync(duplicate)).MergedIntoId);
    }
}
