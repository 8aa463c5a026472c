using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.People;
using Mismes.Core.Placement.Candidates;
using Mismes.Core.Placement.Shortlists;
using Mismes.Core.Placement.Vacancies;
using Mismes.TestCommon;
using Mismes.TestCommon.People;
using Mismes.TestCommon.Placement;

namespace Mismes.Web.Tests.Placement.Shortlists;

/// <summary>The shortlist page through the real host: ranking with explanations, pre-selection, "not retained" with a reason, sending; what an employer sees.</summary>
public sealed partial class ShortlistPageTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private static readonly string Picker = TestEsco.Occupation("cueilleur de fruits");
    private static int _births;

    internal sealed record Setup(TestUser Advisor, Guid EmployerInstitution, Guid VacancyId, IReadOnlyList<Guid> People);

    /// <summary>An agency with <paramref name="candidates"/> consenting fruit pickers (with phones) and a vacancy of an employer known to Mismes.</summary>
    internal static async Task<Setup> SetupAsync(MismesWebFactory factory, string code, int candidates)
    {
        var advisor = await factory.CreateUserAsync(Roles.Advisor, code);
        var employerInstitution = await factory.InstitutionIdAsync(code + "-EMP");
        await using var scope = factory.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        (await db.Set<Institution>().FindAsync(employerInstitution))!.Kind = InstitutionKind.Employer;
        await db.SaveChangesAsync();
        var acting = new FakeCurrentUser(advisor.InstitutionId, Roles.Advisor);
        var (people, profiles) = CandidateHostServices.For(sp, acting);
        var ids = new List<Guid>();
        var skills = TestEsco.EssentialSkillsOf(Picker);
        for (var i = 0; i < candidates; i++)
        {
            var created = await people.CreateAsync(PersonBuilder.Valid("Salma" + i, "Tahiri", new DateOnly(1960, 1, 1).AddDays(Interlocked.Increment(ref _births))) with
            {
                Phone = "+2126" + (10000000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), Email = null, ConfirmedNotDuplicate = true,
            }, CancellationToken.None);
            var person = created.PersonId!.Value;
            var saved = await profiles.SaveProfileAsync(person, new CandidateProfileInput
            {
                Occupations = [new OccupationExperienceInput(Picker, 12 + i)],
                Skills = [.. skills.Take(1 + (i % 2)).Select(s => new SkillEvidenceInput(s, Mismes.Matching.SkillEvidence.Declared))],
            }, CancellationToken.None);
            Assert.True(saved.Succeeded);
            await people.GiveConsentAsync(person, ConsentPurpose.ShareProfileWithForeignEmployers, ConsentChannel.InPerson, null, CancellationToken.None);
            ids.Add(person);
        }

        var vacancy = await ActivatorUtilities.CreateInstance<VacancyService>(sp, acting, ActivatorUtilities.CreateInstance<AuditLog>(sp, acting))
            .CreateAsync(VacancyBuilder.Valid("Cueilleur " + code) with
            {
                OccupationUri = Picker, EssentialSkillUris = [.. skills.Take(3)], Languages = [], ExperienceMonths = 0,
                EmployerInstitutionId = employerInstitution,
            }, CancellationToken.None);
        Assert.True(vacancy.Succeeded, string.Join(",", vacancy.Errors.Keys));
        return new Setup(advisor, employerInstitution, vacancy.Value!.Id, ids);
    }

    /// <summary>The page once the index has caught up with the new candidates (the change feed is asynchronous).</summary>
    internal static async Task<(string Html, IReadOnlyList<long> Ranked)> RankedPageAsync(HttpClient client, Guid vacancyId, int atLeast)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var html = await client.GetStringAsync(new Uri($"/Placement/Vacancies/Shortlist/{vacancyId}", UriKind.Relative));
            var ranked = RankedId().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            if (ranked.Count >= atLeast || DateTime.UtcNow > deadline)
            {
                return (html, ranked);
            }

            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Advisor_PreSelectsTwo_RejectsOneWithReason_Sends_HistoryShowsWhoAndWhen()
    {
        var s = await SetupAsync(factory, "TEST-SL-PAGE", 3);
        var client = await factory.CreateSignedInClientAsync(s.Advisor);
        var page = $"/Placement/Vacancies/Shortlist/{s.VacancyId}";
        var (html, ranked) = await RankedPageAsync(client, s.VacancyId, 3);
        Assert.Equal(3, ranked.Count);
        Assert.Contains("data-testid=\"skill-gap\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"time-left\"", html, StringComparison.Ordinal);
        Assert.Contains("Salma0 Tahiri", html, StringComparison.Ordinal);
        Assert.DoesNotContain("+2126", WebUtility.HtmlDecode(html), StringComparison.Ordinal);

        var none = await client.PostFormAsync(page, [], page + "?handler=Propose");
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("href=\"#CandidateIds\"", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var chosen = await client.PostFormAsync(page, [new("candidateIds", ranked[0].ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("candidateIds", ranked[1].ToString(System.Globalization.CultureInfo.InvariantCulture)), new("preSelect", "true")], page + "?handler=Propose");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        var proposed = await client.PostFormAsync(page, [new("candidateIds", ranked[2].ToString(System.Globalization.CultureInfo.InvariantCulture)), new("preSelect", "false")], page + "?handler=Propose");
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);

        Guid third;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            third = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ShortlistEntry>()
                .Where(e => e.VacancyId == s.VacancyId && e.CandidateId == ranked[2]).Select(e => e.Id).SingleAsync();
        }

        var noReason = await client.PostFormAsync(page, [new("entryId", third.ToString()), new("status", "NotRetained")], page + "?handler=Status&culture=fr");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var noReasonHtml = WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync());
        Assert.Contains("href=\"#Reason\"", noReasonHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"Reason\"", noReasonHtml, StringComparison.Ordinal);
        var bogus = await client.PostFormAsync(page, [new("entryId", third.ToString()), new("status", "Teleported")], page + "?handler=Status");
        Assert.Equal(HttpStatusCode.BadRequest, bogus.StatusCode);
        var rejected = await client.PostFormAsync(page, [new("entryId", third.ToString()), new("status", "NotRetained"), new("reason", "Pas de permis de travail agricole")], page + "?handler=Status");
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);

        var sent = await client.PostFormAsync(page, [], page + "?handler=Send");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var after = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(page, UriKind.Relative)));
        Assert.Equal(2, Regex.Count(after, "data-status=\"SentToEmployer\""));
        Assert.Contains("Pas de permis de travail agricole", after, StringComparison.Ordinal);
        Assert.Contains("Test Advisor", after, StringComparison.Ordinal);
        Assert.DoesNotContain("+2126", after, StringComparison.Ordinal);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var entries = await db.Set<ShortlistEntry>().Include(e => e.History).Where(e => e.VacancyId == s.VacancyId).ToListAsync();
            Assert.Equal([ShortlistStatus.SentToEmployer, ShortlistStatus.SentToEmployer, ShortlistStatus.NotRetained], entries.Select(e => e.Status).Order());
            Assert.All(entries.SelectMany(e => e.History), h => Assert.Equal(s.Advisor.Id, h.By));
            Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.RecordType == ShortlistService.RecordType && a.RecordId == s.VacancyId.ToString() && a.Action == AuditAction.Read));
        }
    }

    [Fact]
    public async Task Employer_SeesOnlyWhatWasSentToIt_WithoutPhones_AndAnotherEmployerSeesNothing()
    {
        var s = await SetupAsync(factory, "TEST-SL-EMP", 3);
        var advisor = await factory.CreateSignedInClientAsync(s.Advisor);
        var page = $"/Placement/Vacancies/Shortlist/{s.VacancyId}";
        var (_, ranked) = await RankedPageAsync(advisor, s.VacancyId, 3);
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync(page, [new("candidateIds", ranked[0].ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("candidateIds", ranked[1].ToString(System.Globalization.CultureInfo.InvariantCulture)), new("preSelect", "true")], page + "?handler=Propose")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync(page, [new("candidateIds", ranked[2].ToString(System.Globalization.CultureInfo.InvariantCulture)), new("preSelect", "false")], page + "?handler=Propose")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync(page, [], page + "?handler=Send")).StatusCode);

        var employerUser = await factory.CreateUserAsync(Roles.Employer, "TEST-SL-EMP-EMP");
        var employer = await factory.CreateSignedInClientAsync(employerUser);
        var html = WebUtility.HtmlDecode(await employer.GetStringAsync(new Uri(page, UriKind.Relative)));
        Assert.Equal(2, Regex.Count(html, "data-testid=\"entry\""));
        Assert.DoesNotContain("data-testid=\"ranked\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("+2126", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-status=\"Proposed\"", html, StringComparison.Ordinal);

        // The employer reports the hiring of one: only then does it see her phone.
        Guid hired;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            hired = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ShortlistEntry>()
                .Where(e => e.VacancyId == s.VacancyId && e.CandidateId == ranked[0]).Select(e => e.Id).SingleAsync();
        }

        var preSelect = await employer.PostFormAsync(page, [new("entryId", hired.ToString()), new("status", "Departed")], page + "?handler=Status");
        Assert.Equal(HttpStatusCode.BadRequest, preSelect.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await employer.PostFormAsync(page, [new("entryId", hired.ToString()), new("status", "Hired")], page + "?handler=Status")).StatusCode);
        var afterHire = WebUtility.HtmlDecode(await employer.GetStringAsync(new Uri(page, UriKind.Relative)));
        Assert.Single(Regex.Matches(afterHire, "data-testid=\"entry-contact\""));
        Assert.Contains("+2126", afterHire, StringComparison.Ordinal);

        var otherEmployer = await factory.CreateSignedInClientAsync(await factory.CreateUserAsync(Roles.Employer, "TEST-SL-EMP-OTHER"));
        Assert.Equal(HttpStatusCode.NotFound, (await otherEmployer.GetAsync(new Uri(page, UriKind.Relative))).StatusCode);
        var employerSends = await employer.PostFormAsync(page, [], page + "?handler=Send");
        Assert.Equal(HttpStatusCode.NotFound, employerSends.StatusCode);
    }

    [GeneratedRegex("data-candidate=\"(\\d+)\"")]
    private static partial Regex RankedId();
}
