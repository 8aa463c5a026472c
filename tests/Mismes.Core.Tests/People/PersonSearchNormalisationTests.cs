using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.People;
using Mismes.TestCommon;
using Mismes.TestCommon.People;

namespace Mismes.Core.Tests.People;

/// <summary>Issue 6, 2.2: Arabic spelling variants find the person, whatever the interface language.</summary>
public sealed class PersonSearchNormalisationTests(PeopleTestDatabase database) : IClassFixture<PeopleTestDatabase>
{
    private static int _births;

    private static DateOnly UniqueBirthDate() => new DateOnly(1950, 1, 1).AddDays(Interlocked.Increment(ref _births));

    private async Task<FakeCurrentUser> AdvisorAsync(string code) =>
        new(await database.AddInstitutionAsync(code), Roles.Advisor);

    [Theory]
    [InlineData("fr", "ادريس")]
    [InlineData("en", "ادريس")]
    [InlineData("ar-MA", "ادريس")]
    [InlineData("fr", "إدريس")]
    [InlineData("en", "الانصاري")]
    [InlineData("fr", "ادريس الانصاري")]
    [InlineData("en", "إدْرِيس")]
    [InlineData("fr", "فاطمه")]
    [InlineData("en", "مصطفي")]
    public async Task Search_ArabicSpellingVariant_FindsPersonInAnyInterfaceLanguage(string culture, string query)
    {
        var user = await AdvisorAsync("ANAPEC-AR");
        await using var db = database.NewContext();
        var service = database.Service(db, user);
        if (!await db.Set<Person>().AnyAsync(p => p.LastNameLatin == "Ansari"))
        {
            await service.CreateAsync(PersonBuilder.Valid("Idriss", "Ansari", UniqueBirthDate()) with
            {
                FirstNameArabic = "إدريس", LastNameArabic = "الأنصاري", ConfirmedNotDuplicate = true,
            }, CancellationToken.None);
            await service.CreateAsync(PersonBuilder.Valid("Fatima", "Ansari-Tazi", UniqueBirthDate()) with
            {
                FirstNameArabic = "فاطمة", ConfirmedNotDuplicate = true,
            }, CancellationToken.None);
            await service.CreateAsync(PersonBuilder.Valid("Mustapha", "Ansari-Alami", UniqueBirthDate()) with
            {
                FirstNameArabic = "مصطفى", ConfirmedNotDuplicate = true,
            }, CancellationToken.None);
        }

        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            var result = await service.SearchAsync(new PersonSearch { Text = query }, CancellationToken.None);

            Assert.NotEmpty(result.Items);
            Assert.All(result.Items, p => Assert.StartsWith("Ansari", p.LastNameLatin, StringComparison.Ordinal));
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }

    [Fact]
    public async Task Search_ArabicIndicPhoneDigits_FindPerson()
    {
        var user = await AdvisorAsync("ANAPEC-AR2");
        await using var db = database.NewContext();
        var service = database.Service(db, user);
        await service.CreateAsync(PersonBuilder.Valid("Karima", "Sefrioui", UniqueBirthDate()) with { Phone = "0698765432" }, CancellationToken.None);

        var result = await service.SearchAsync(new PersonSearch { Text = "٠٦٩٨٧٦٥٤٣٢" }, CancellationToken.None);

        Assert.Equal("Sefrioui", Assert.Single(result.Items).LastNameLatin);
    }

    [Fact]
    public async Task Refresher_RowsSavedWithOlderRules_AreRecomputedAndThenFound()
    {
        var user = await AdvisorAsync("ANAPEC-AR3");
        await using var db = database.NewContext();
        var service = database.Service(db, user);
        var person = (await service.CreateAsync(PersonBuilder.Valid("Amine", "Ouazzani", UniqueBirthDate()) with { LastNameArabic = "الوزاني", FirstNameArabic = "أمين" }, CancellationToken.None)).Person!;
        // As a row written before the normalisation: hamza kept in the stored text, no version.
        await db.Set<Person>().Where(p => p.Id == person.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.SearchText, " أمين ").SetProperty(p => p.NameKeys, " ").SetProperty(p => p.SearchVersion, 0));
        Assert.Empty((await service.SearchAsync(new PersonSearch { Text = "امين" }, CancellationToken.None)).Items);

        await using (var refresh = database.NewContext())
        {
            await new PersonSearchColumnsRefresher(refresh).SeedAsync(CancellationToken.None);
        }

        await using var check = database.NewContext();
        Assert.Equal(Person.CurrentSearchVersion, (await check.Set<Person>().SingleAsync(p => p.Id == person.Id)).SearchVersion);
        Assert.False(await check.Set<Person>().AnyAsync(p => p.SearchVersion < Person.CurrentSearchVersion));
        var found = await database.Service(check, user).SearchAsync(new PersonSearch { Text = "امين" }, CancellationToken.None);
        Assert.Equal(person.Id, Assert.Single(found.Items).Id);
    }
}
