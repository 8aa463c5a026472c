using Mismes.Core.Administration;
using Mismes.Core.People;
using Mismes.TestCommon;
using Mismes.TestCommon.People;

namespace Mismes.Core.Tests.People;

/// <summary>Issue 6, 2.10: duplicates with a swapped or partly known birth date, or a shortened compound first name.</summary>
public sealed class DuplicateRuleTests
{
    private static PersonIdentity P(string first, string last, string date) => new(first, last, null, null, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("Fatima Zahra", "Bouzidi", "1990-03-07", "Fatima", "Bouzidi", "1990-03-07", DuplicateReason.SimilarNameSameBirthDate)]
    [InlineData("Youssef", "Haddad", "1985-04-09", "Yousef", "Haddad", "1985-09-04", DuplicateReason.SimilarNameSwappedBirthDate)]
    [InlineData("Karim", "Tazi", "1979-06-15", "Karim", "Tazi", "1979-01-01", DuplicateReason.SimilarNameSameBirthYear)]
    [InlineData("Karim", "Tazi", "1979-06-15", "Karim", "Tazi", "1979-06-25", DuplicateReason.SimilarNameSameBirthYear)]
    [InlineData("Mohamed Amine", "Chraibi", "1988-02-11", "Mohammed Amine", "Chraibi", "1988-02-11", DuplicateReason.SimilarNameSameBirthDate)]
    [InlineData("Fatima Zahra", "Bouzidi", "1990-03-07", "Zahra Fatima", "Bouzidi", "1990-03-07", DuplicateReason.SimilarNameSameBirthDate)]
    public void Compare_VariantOfOnePerson_IsFlaggedWithItsReason(string f1, string l1, string d1, string f2, string l2, string d2, DuplicateReason reason)
    {
        var match = DuplicateRule.Compare(P(f1, l1, d1), P(f2, l2, d2));

        Assert.NotNull(match);
        Assert.Equal([reason], match.Reasons);
    }

    [Theory]
    [InlineData("Karim", "Tazi", "1979-06-15", "Khalid", "Tazi", "1979-10-23")] // siblings sharing surname and birth year
    [InlineData("Mohamed Amine", "Chraibi", "1988-02-11", "Mohamed Ali", "Chraibi", "1988-02-11")] // twins
    [InlineData("Karim", "Tazi", "1979-06-15", "Karim", "Tazi", "1979-10-23")] // namesakes born the same year
    [InlineData("Fatima Zahra", "Bouzidi", "1990-03-07", "Fatima", "Bouzidi", "1990-11-21")] // shortened name and year only
    [InlineData("Karim", "Tazi", "1979-06-15", "Karim", "Tazi", "1980-06-15")] // another year
    public void Compare_LookAlikes_AreNotFlagged(string f1, string l1, string d1, string f2, string l2, string d2)
    {
        Assert.Null(DuplicateRule.Compare(P(f1, l1, d1), P(f2, l2, d2)));
    }

    [Fact]
    public void Compare_SamePhone_IsFlaggedWhateverTheNames()
    {
        var match = DuplicateRule.Compare(P("Karim", "Tazi", "1979-06-15") with { Phone = "+212612345678" }, P("Nadia", "Rifi", "1990-01-02") with { Phone = "+212612345678" });

        Assert.Equal([DuplicateReason.SamePhone], match!.Reasons);
    }
}

/// <summary>The same three cases through the service and the database (the candidate query must fetch them).</summary>
public sealed class PersonDuplicateCheckTests(PeopleTestDatabase database) : IClassFixture<PeopleTestDatabase>
{
    private async Task<PersonService> ServiceAsync(Mismes.Core.Data.AppDbContext db) =>
        database.Service(db, new FakeCurrentUser(await database.AddInstitutionAsync("ANAPEC-DUP"), Roles.Advisor));

    [Theory]
    [InlineData("Fatima Zahra", "Bouzidi", "1983-04-09", "Fatima", "Bouzidi", "1983-04-09", DuplicateReason.SimilarNameSameBirthDate)]
    [InlineData("Youssef", "Haddad", "1984-04-09", "Yousef", "Haddad", "1984-09-04", DuplicateReason.SimilarNameSwappedBirthDate)]
    [InlineData("Karim", "Sbai", "1985-06-15", "Karim", "Sbai", "1985-01-01", DuplicateReason.SimilarNameSameBirthYear)]
    [InlineData("Ghizlane", "El Amrani", "1986-06-15", "Ghizlane", "Elamrani", "1986-01-01", DuplicateReason.SimilarNameSameBirthYear)]
    public async Task FindDuplicates_NamedCasesOfIssue6_AreFound(string f1, string l1, string d1, string f2, string l2, string d2, DuplicateReason reason)
    {
        await using var db = database.NewContext();
        var service = await ServiceAsync(db);
        var saved = await service.CreateAsync(PersonBuilder.Valid(f1, l1, DateOnly.Parse(d1, System.Globalization.CultureInfo.InvariantCulture)) with { ConfirmedNotDuplicate = true }, CancellationToken.None);

        var found = await service.FindDuplicatesAsync(PersonBuilder.Valid(f2, l2, DateOnly.Parse(d2, System.Globalization.CultureInfo.InvariantCulture)), null, CancellationToken.None);

        var candidate = Assert.Single(found, c => c.PersonId == saved.Person!.Id);
        Assert.Contains(reason, candidate.Reasons);
    }

    [Fact]
    public async Task FindDuplicates_SiblingSharingSurnameAndBirthYear_IsNotFound()
    {
        await using var db = database.NewContext();
        var service = await ServiceAsync(db);
        await service.CreateAsync(PersonBuilder.Valid("Khalid", "Lahlou", new DateOnly(1987, 10, 23)) with { ConfirmedNotDuplicate = true }, CancellationToken.None);
        await service.CreateAsync(PersonBuilder.Valid("Mohamed Ali", "Lahlou", new DateOnly(1987, 3, 2)) with { ConfirmedNotDuplicate = true }, CancellationToken.None);

        var found = await service.FindDuplicatesAsync(PersonBuilder.Valid("Mohamed Amine", "Lahlou", new DateOnly(1987, 3, 2)), null, CancellationToken.None);

        Assert.Empty(found);
    }
}
