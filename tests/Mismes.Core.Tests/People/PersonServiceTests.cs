using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.People;
using Mismes.TestCommon;
using Mismes.TestCommon.People;

namespace Mismes.Core.Tests.People;

public sealed class PersonServiceTests(PeopleTestDatabase database) : IClassFixture<PeopleTestDatabase>
{
    private async Task<(FakeCurrentUser User, Guid Institution)> AdvisorAsync(string code = "ANAPEC-TEST")
    {
        var institution = await database.AddInstitutionAsync(code);
        return (new FakeCurrentUser(institution, Roles.Advisor), institution);
    }

    private static int _births;

    /// <summary>Each test person is born in a year of their own, so tests never find each other's people as duplicates (the rule also looks at the birth year).</summary>
    private static DateOnly UniqueBirthDate() => new DateOnly(1907, 5, 17).AddYears(Interlocked.Increment(ref _births));

    [Fact]
    public async Task Create_ValidPerson_SavesNormalisedValuesEventAndAudit()
    {
        var (user, institution) = await AdvisorAsync();
        await using var db = database.NewContext();
        var request = PersonBuilder.Valid(birthDate: UniqueBirthDate()) with { Phone = "06 12 34 56 78", Email = " Mohamed.Amrani@Example.MA " };

        var result = await database.Service(db, user).CreateAsync(request, CancellationToken.None);

        Assert.Equal(PersonOutcome.Ok, result.Outcome);
        await using var check = database.NewContext();
        var saved = await check.Set<Person>().Include(p => p.Languages).Include(p => p.Events).SingleAsync(p => p.Id == result.Person!.Id);
        Assert.Equal("+212612345678", saved.Phone);
        Assert.Equal("mohamed.amrani@example.ma", saved.Email);
        Assert.Equal(institution, saved.InstitutionId);
        Assert.Equal(2, saved.Languages.Count);
        Assert.Contains(" mhmd ", saved.NameKeys, StringComparison.Ordinal);
        Assert.Equal(PersonEventKind.Created, Assert.Single(saved.Events).Kind);
        var audit = await check.Set<AuditEntry>().Where(a => a.RecordId == saved.Id.ToString()).ToListAsync();
        Assert.Equal(AuditAction.Create, Assert.Single(audit).Action);
        Assert.Equal(user.UserId, audit[0].UserId);
    }

    /// <summary>Fails the save once the audit rows have been sent (after the person's), as a lost connection or a constraint would.</summary>
    private sealed class FailAfterPeopleInsert : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public override ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData eventData,
            System.Data.Common.DbDataReader result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("AuditEntr", StringComparison.Ordinal)
                ? throw new InvalidOperationException("simulated failure")
                : base.ReaderExecutedAsync(command, eventData, result, cancellationToken);

        public override ValueTask<int> NonQueryExecutedAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData eventData,
            int result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("AuditEntr", StringComparison.Ordinal)
                ? throw new InvalidOperationException("simulated failure")
                : base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
    }

    [Fact]
    public async Task Create_SaveFailsHalfway_LeavesNoPersonEventOrAudit()
    {
        var (user, _) = await AdvisorAsync();
        var birth = UniqueBirthDate();
        await using var db = database.NewContext(new FailAfterPeopleInsert());

        await Assert.ThrowsAnyAsync<Exception>(() => database.Service(db, user).CreateAsync(PersonBuilder.Valid("Tarik", "Hajji", birth), CancellationToken.None));

        await using var check = database.NewContext();
        Assert.False(await check.Set<Person>().AnyAsync(p => p.BirthDate == birth));
        Assert.False(await check.Set<PersonEvent>().AnyAsync(e => e.Details == null && e.At == database.Clock.GetUtcNow() && e.UserId == user.UserId));
        Assert.False(await check.Set<AuditEntry>().AnyAsync(a => a.UserId == user.UserId));
    }

    [Theory]
    [InlineData(nameof(PersonFields.FirstNameLatin), PeopleErrors.Required)]
    [InlineData(nameof(PersonFields.FirstNameArabic), PeopleErrors.ArabicScript)]
    [InlineData(nameof(PersonFields.LastNameLatin), PeopleErrors.LatinScript)]
    [InlineData(nameof(PersonFields.BirthDate), PeopleErrors.BirthDateFuture)]
    [InlineData(nameof(PersonFields.Phone), PeopleErrors.Phone)]
    [InlineData(nameof(PersonFields.Email), PeopleErrors.Email)]
    [InlineData(nameof(PersonFields.RegionCode), PeopleErrors.Region)]
    [InlineData(nameof(PersonFields.ProvinceCode), PeopleErrors.Province)]
    [InlineData(nameof(PersonFields.CountryOfResidence), PeopleErrors.Country)]
    [InlineData(nameof(PersonFields.IscedLevel), PeopleErrors.Isced)]
    [InlineData(nameof(PersonFields.EqfLevel), PeopleErrors.Eqf)]
    [InlineData("Languages[1]", PeopleErrors.LanguageTwice)]
    public async Task Create_InvalidField_ReturnsFieldErrorAndSavesNothing(string field, string error)
    {
        var (user, _) = await AdvisorAsync();
        var valid = PersonBuilder.Valid(birthDate: UniqueBirthDate());
        var request = field switch
        {
            nameof(PersonFields.FirstNameLatin) => valid with { FirstNameLatin = " " },
            nameof(PersonFields.FirstNameArabic) => valid with { FirstNameArabic = "Mohamed" },
            nameof(PersonFields.LastNameLatin) => valid with { LastNameLatin = "العمراني" },
            nameof(PersonFields.BirthDate) => valid with { BirthDate = new DateOnly(2027, 1, 1) },
            nameof(PersonFields.Phone) => valid with { Phone = "12" },
            nameof(PersonFields.Email) => valid with { Email = "not-an-address" },
            nameof(PersonFields.RegionCode) => valid with { RegionCode = "MA-13", ProvinceCode = null },
            nameof(PersonFields.ProvinceCode) => valid with { ProvinceCode = "CAS" },
            nameof(PersonFields.CountryOfResidence) => valid with { CountryOfResidence = "XX" },
            nameof(PersonFields.IscedLevel) => valid with { IscedLevel = 9 },
            nameof(PersonFields.EqfLevel) => valid with { EqfLevel = 0 },
            _ => valid with { Languages = [new LanguageSkill("es", CefrLevel.A1), new LanguageSkill("ES", CefrLevel.B1)] },
        };
        await using var db = database.NewContext();
        var before = await db.Set<Person>().CountAsync();

        var result = await database.Service(db, user).CreateAsync(request, CancellationToken.None);

        Assert.Equal(PersonOutcome.Invalid, result.Outcome);
        Assert.Equal([error], result.Errors[field]);
        Assert.Single(result.Errors);
        Assert.Equal(before, await db.Set<Person>().CountAsync());
    }

    [Theory]
    [InlineData("Mohammed", "Elamrani", DuplicateReason.SimilarNameSameBirthDate)]
    [InlineData("Muhammad", "Al Amrani", DuplicateReason.SimilarNameSameBirthDate)]
    [InlineData("Mhamed", "El-Amrani", DuplicateReason.SimilarNameSameBirthDate)]
    [InlineData("محمد", "العمراني", DuplicateReason.SimilarNameSameBirthDate)]
    public async Task Create_TransliterationVariantSameBirthDate_ReturnsCandidate(string first, string last, DuplicateReason reason)
    {
        var (user, _) = await AdvisorAsync();
        var birth = UniqueBirthDate();
        await using var db = database.NewContext();
        var service = database.Service(db, user);
        var original = await service.CreateAsync(PersonBuilder.Valid("Mohamed", "El Amrani", birth), CancellationToken.None);
        var variant = first.Any(c => c > '\u0600')
            ? PersonBuilder.Valid("Mohamed", "Amrani", birth) with { FirstNameLatin = "X", LastNameLatin = "Y", FirstNameArabic = first, LastNameArabic = last }
            : PersonBuilder.Valid(first, last, birth);

        var result = await service.CreateAsync(variant, CancellationToken.None);

        Assert.Equal(PersonOutcome.PossibleDuplicates, result.Outcome);
        var candidate = Assert.Single(result.Duplicates);
        Assert.Equal(original.Person!.Id, candidate.PersonId);
        Assert.Contains(reason, candidate.Reasons);
        Assert.False(candidate.InOtherInstitution);
    }

    [Fact]
    public async Task Create_SamePhoneDifferentName_ReturnsPhoneCandidate()
    {
        var (user, _) = await AdvisorAsync();
        await using var db = database.NewContext();
        var service = database.Service(db, user);
        var phone = "+2126" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await service.CreateAsync(PersonBuilder.Valid("Naima", "Tazi", UniqueBirthDate()) with { Phone = phone }, CancellationToken.None);

        var result = await service.CreateAsync(PersonBuilder.Valid("Karim", "Berrada", UniqueBirthDate()) with { Phone = phone }, CancellationToken.None);

        Assert.Equal(PersonOutcome.PossibleDuplicates, result.Outcome);
        Assert.Equal([DuplicateReason.SamePhone], Assert.Single(result.Duplicates).Reasons);
    }

    [Fact]
    public async Task Create_DifferentNameSameBirthDate_IsNotADuplicate()
    {
        var (user, _) = await AdvisorAsync();
        var birth = UniqueBirthDate();
        await using var db = database.NewContext();
        var service = database.Service(db, user);
        await service.CreateAsync(PersonBuilder.Valid("Mohamed", "Alaoui", birth), CancellationToken.None);

        var result = await service.CreateAsync(PersonBuilder.Valid("Ahmed", "Alaoui", birth), CancellationToken.None);

        Assert.Equal(PersonOutcome.Ok, result.Outcome);
    }

    [Fact]
    public async Task Create_ConfirmedNotDuplicate_CreatesAnyway()
    {
        var (user, _) = await AdvisorAsync();
        var birth = UniqueBirthDate();
        await using var db = database.NewContext();
        var service = database.Service(db, user);
        await service.CreateAsync(PersonBuilder.Valid("Youssef", "Bennani", birth), CancellationToken.None);

        var result = await service.CreateAsync(PersonBuilder.Valid("Yusuf", "Bennani", birth) with { ConfirmedNotDuplicate = true }, CancellationToken.None);

        Assert.Equal(PersonOutcome.Ok, result.Outcome);
    }

    [Fact]
    public async Task FindDuplicates_OtherInstitution_TellsOnlyThatOneExists()
    {
        var (anapec, _) = await AdvisorAsync("ANAPEC-DUP");
        var (iom, _) = await AdvisorAsync("IOM-DUP");
        var birth = UniqueBirthDate();
        await using var db = database.NewContext();
        await database.Service(db, anapec).CreateAsync(PersonBuilder.Valid("Fatima", "Zerouali", birth), CancellationToken.None);

        var candidates = await database.Service(db, iom).FindDuplicatesAsync(PersonBuilder.Valid("Fatna", "Zerouali", birth), null, CancellationToken.None);

        var candidate = Assert.Single(candidates);
        Assert.True(candidate.InOtherInstitution);
        Assert.Null(candidate.PersonId);
        Assert.Null(candidate.DisplayName);
        Assert.Null(candidate.BirthDate);
    }

    [Fact]
    public async Task Get_OtherInstitution_ReturnsNullAndAuditsNothing()
    {
        var (anapec, _) = await AdvisorAsync("ANAPEC-GET");
        var (iom, _) = await AdvisorAsync("IOM-GET");
        await using var db = database.NewContext();
        var created = await database.Service(db, anapec).CreateAsync(PersonBuilder.Valid(birthDate: UniqueBirthDate()), CancellationToken.None);

        var read = await database.Service(db, iom).GetAsync(created.Person!.Id, CancellationToken.None);

        Assert.Null(read);
        Assert.False(await db.Set<AuditEntry>().AnyAsync(a => a.RecordId == created.Person.Id.ToString() && a.Action == AuditAction.Read));
    }

    [Fact]
    public async Task Get_Administrator_SeesEveryInstitutionAndReadIsAudited()
    {
        var (anapec, _) = await AdvisorAsync("ANAPEC-ADM");
        var admin = new FakeCurrentUser(null, Roles.Administrator);
        await using var db = database.NewContext();
        var created = await database.Service(db, anapec).CreateAsync(PersonBuilder.Valid(birthDate: UniqueBirthDate()), CancellationToken.None);

        var read = await database.Service(db, admin).GetAsync(created.Person!.Id, CancellationToken.None);

        Assert.NotNull(read);
        Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.RecordId == created.Person.Id.ToString() && a.Action == AuditAction.Read && a.UserId == admin.UserId));
    }

    [Fact]
    public async Task Update_ChangedFields_RecordsFieldNamesOnly()
    {
        var (user, _) = await AdvisorAsync();
        await using var db = database.NewContext();
        var service = database.Service(db, user);
        var created = await service.CreateAsync(PersonBuilder.Valid(birthDate: UniqueBirthDate()), CancellationToken.None);
        var change = PersonBuilder.Valid(birthDate: created.Person!.BirthDate) with { Phone = "0661122334", MigrationStatus = MigrationStatus.Abroad, CountryOfResidence = "ES" };

        var result = await service.UpdateAsync(created.Person.Id, change, CancellationToken.None);

        Assert.Equal(PersonOutcome.Ok, result.Outcome);
        await using var check = database.NewContext();
        var updated = await check.Set<PersonEvent>().SingleAsync(e => e.PersonId == created.Person.Id && e.Kind == PersonEventKind.Updated);
        Assert.Equal("Phone,CountryOfResidence,MigrationStatus", updated.Details);
        var audit = await check.Set<AuditEntry>().SingleAsync(a => a.RecordId == created.Person.Id.ToString() && a.Action == AuditAction.Update);
        Assert.DoesNotContain("0661122334", audit.Details!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consent_GiveThenWithdraw_CurrentIsLatest()
    {
        var (user, _) = await AdvisorAsync();
        await using var db = database.NewContext();
        var service = database.Service(db, user);
        var created = await service.CreateAsync(PersonBuilder.Valid(birthDate: UniqueBirthDate()), CancellationToken.None);
        var id = created.Person!.Id;

        await service.GiveConsentAsync(id, ConsentPurpose.FollowUpSurveys, ConsentChannel.Paper, null, CancellationToken.None);
        await service.GiveConsentAsync(id, ConsentPurpose.ShareProfileWithForeignEmployers, ConsentChannel.InPerson, 1, CancellationToken.None);
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        await service.WithdrawConsentAsync(id, ConsentPurpose.FollowUpSurveys, ConsentChannel.Phone, CancellationToken.None);

        var record = await service.GetAsync(id, CancellationToken.None);
        Assert.False(record!.CurrentConsents[ConsentPurpose.FollowUpSurveys].Given);
        Assert.Equal(ConsentChannel.Phone, record.CurrentConsents[ConsentPurpose.FollowUpSurveys].Channel);
        Assert.True(record.CurrentConsents[ConsentPurpose.ShareProfileWithForeignEmployers].Given);
        Assert.Equal(1, record.CurrentConsents[ConsentPurpose.ShareProfileWithForeignEmployers].NoticeVersion);
        Assert.Contains(record.History, e => e.Kind == PersonEventKind.ConsentWithdrawn);
    }

    [Fact]
    public async Task Consent_UnknownNoticeVersion_IsInvalid()
    {
        var (user, _) = await AdvisorAsync();
        await using var db = database.NewContext();
        var service = database.Service(db, user);
        var created = await service.CreateAsync(PersonBuilder.Valid(birthDate: UniqueBirthDate()), CancellationToken.None);

        var result = await service.GiveConsentAsync(created.Person!.Id, ConsentPurpose.FollowUpSurveys, ConsentChannel.Web, 99, CancellationToken.None);

        Assert.Equal(PersonOutcome.Invalid, result.Outcome);
    }

    [Theory]
    [InlineData("Muhammad", "Ouarzazi")]
    [InlineData("محمد", "Ouarzazi")]
    [InlineData("mohamed ouarzazi", null)]
    [InlineData("ouarz", null)]
    public async Task Search_NameVariantOrScript_FindsPerson(string text, string? secondWord)
    {
        var (user, _) = await AdvisorAsync("ANAPEC-SEARCH");
        await using var db = database.NewContext();
        var service = database.Service(db, user);
        if (!await db.Set<Person>().AnyAsync(p => p.LastNameLatin == "Ouarzazi"))
        {
            await service.CreateAsync(PersonBuilder.Valid("Mohamed", "Ouarzazi", UniqueBirthDate()) with { FirstNameArabic = "محمد", ConfirmedNotDuplicate = true }, CancellationToken.None);
        }

        var result = await service.SearchAsync(new PersonSearch { Text = secondWord is null ? text : $"{text} {secondWord}" }, CancellationToken.None);

        Assert.Contains(result.Items, p => p.LastNameLatin == "Ouarzazi");
    }

    [Fact]
    public async Task Search_OtherInstitutionsPeople_AreNotListed()
    {
        var (anapec, _) = await AdvisorAsync("ANAPEC-S2");
        var (iom, _) = await AdvisorAsync("IOM-S2");
        await using var db = database.NewContext();
        await database.Service(db, anapec).CreateAsync(PersonBuilder.Valid("Ghizlane", "Belkadi", UniqueBirthDate()), CancellationToken.None);

        var result = await database.Service(db, iom).SearchAsync(new PersonSearch { Text = "Belkadi" }, CancellationToken.None);

        Assert.Empty(result.Items);
    }
}
