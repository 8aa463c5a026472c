using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.People;
using Mismes.TestCommon;
using Mismes.TestCommon.People;

namespace Mismes.Core.Tests.People;

public sealed class PeopleDemoSeederTests(PeopleTestDatabase database) : IClassFixture<PeopleTestDatabase>
{
    [Fact]
    public async Task Seed_TwiceOnEmptyDatabase_GivesOneDemoSetAtEveryStage()
    {
        await using (var db = database.NewContext())
        {
            await new PeopleDemoSeeder(db).SeedAsync(CancellationToken.None);
        }

        await using (var db = database.NewContext())
        {
            await new PeopleDemoSeeder(db).SeedAsync(CancellationToken.None);
        }

        await using var check = database.NewContext();
        var people = await check.Set<Person>().Include(p => p.Consents).Include(p => p.Languages).ToListAsync();
        Assert.Equal(PeopleDemoSeeder.Total, people.Count);
        Assert.All(people, p => Assert.True(p.IsDemo));
        Assert.Equal(PeopleDemoSeeder.ProspectiveCount, people.Count(p => p.MigrationStatus == MigrationStatus.ProspectiveMigrant) - people.Count(p => p.MigrationStatus == MigrationStatus.ProspectiveMigrant && p.Phone is null && p.Email is null && p.Languages.Count == 1));
        Assert.True(people.Count(p => p.CountryOfResidence == "ES" && p.MigrationStatus == MigrationStatus.Abroad) >= PeopleDemoSeeder.SeasonalCount);
        Assert.All(new[] { "FR", "DE", "CA", "BE" }, c => Assert.Contains(people, p => p.CountryOfResidence == c));
        Assert.True(people.Count(p => p.MigrationStatus == MigrationStatus.Returned) >= PeopleDemoSeeder.ReturneeCount);
        Assert.True(people.Count(p => p.FirstNameArabic is not null) > PeopleDemoSeeder.Total / 2);
        Assert.Contains(people, p => p.Consents.Any(c => !c.Given));
        Assert.True(people.Select(p => p.RegionCode).Distinct().Count() >= 10);
        Assert.True(await check.Set<Institution>().AnyAsync());
    }

    [Fact]
    public async Task Seed_DeliberateDuplicates_AreFoundByTheDuplicateCheck()
    {
        await using (var db = database.NewContext())
        {
            await new PeopleDemoSeeder(db).SeedAsync(CancellationToken.None);
        }

        await using var check = database.NewContext();
        var admin = new FakeCurrentUser(null, Roles.Administrator);
        var service = database.Service(check, admin);
        var copies = await check.Set<Person>().Where(p => p.IsDemo && p.Phone == null && p.Email == null && p.Languages.Count == 1).ToListAsync();
        var found = 0;
        foreach (var copy in copies)
        {
            var fields = new PersonFields { FirstNameLatin = copy.FirstNameLatin, LastNameLatin = copy.LastNameLatin, BirthDate = copy.BirthDate };
            if ((await service.FindDuplicatesAsync(fields, copy.Id, CancellationToken.None)).Count > 0)
            {
                found++;
            }
        }

        Assert.True(found >= PeopleDemoSeeder.DuplicateCount, $"found {found} of {copies.Count}");
    }
}
