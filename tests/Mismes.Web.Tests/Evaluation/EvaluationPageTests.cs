using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.Evaluation;
using Mismes.Core.People;
using Mismes.TestCommon;
using Mismes.TestCommon.People;

namespace Mismes.Web.Tests.Evaluation;

/// <summary>Issue 10: the indicator dashboard, its export, aggregate figures import and a person's journey, through the web host.</summary>
public sealed class EvaluationPageTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private const string Institution = "TEST-EVAL";

    /// <summary>Three women and two men of <see cref="Institution"/> departed for Spain in 2024; one woman came back.</summary>
    private async Task<Guid> DeparturesAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var institution = await SignInHelpers.EnsureInstitutionAsync(db, Institution);
        if (await db.Set<OutcomeEvent>().AnyAsync(e => e.InstitutionId == institution))
        {
            return institution;
        }

        var departed = new DateTimeOffset(2024, 4, 1, 8, 0, 0, TimeSpan.Zero);
        var sexes = new[] { "Female", "Female", "Female", "Male", "Male" };
        for (var i = 0; i < sexes.Length; i++)
        {
            var person = Guid.NewGuid();
            db.Add(Event(person, institution, "placement.departed", departed, sexes[i]));
            if (i == 0)
            {
                db.Add(Event(person, institution, "placement.returned", departed.AddMonths(4), sexes[i]));
            }
        }

        await db.SaveChangesAsync();
        return institution;
    }

    private static OutcomeEvent Event(Guid person, Guid institution, string kind, DateTimeOffset at, string sex) => new()
    {
        Id = Guid.CreateVersion7(at),
        PersonId = person,
        Kind = kind,
        Capability = OutcomeKind.CapabilityOf(kind),
        InstitutionId = institution,
        At = at,
        Sex = sex,
        AgeGroup = "25-34",
        MigrationPhase = "Abroad",
        Country = "ES",
    };

    [Fact]
    public async Task Dashboard_ManagerSeesTheirInstitutionsRate_BrokenDownBySex()
    {
        await DeparturesAsync();
        var client = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, Institution);

        var html = await client.GetStringAsync(new Uri("/Evaluation?culture=fr&indicator=non-return-rate&year=2024&by=Sex", UriKind.Relative));

        // Women: 2 of 3 not back → 66,7 %; men: 2 of 2 → 100 %; total 4 of 5 → 80 %.
        Assert.Contains("data-key=\"Female\"", html, StringComparison.Ordinal);
        Assert.Contains("66,7 %", html, StringComparison.Ordinal);
        Assert.Contains("100 %", html, StringComparison.Ordinal);
        Assert.Contains("80 %", html, StringComparison.Ordinal);
        Assert.Contains("Femmes", html, StringComparison.Ordinal);
        Assert.Contains("id=\"indicator-chart\" role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_ShowsTheStudysPublishedFiguresBesideTheComputedOnes()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Analyst, Institution);

        var html = await client.GetStringAsync(new Uri("/Evaluation?culture=fr", UriKind.Relative));

        Assert.Contains("data-indicator=\"seasonal-selected\"", html, StringComparison.Ordinal);
        Assert.Contains("data-aggregate=\"2008\"", html, StringComparison.Ordinal);
        Assert.Contains("13\u202F600", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("year=abc", "filter-year", "Année : choisissez une année de la liste.")]
    [InlineData("by=Nope", "filter-by", "Ventiler par : choisissez une ventilation de la liste.")]
    [InlineData("measure=00000000-0000-0000-0000-000000000001", "filter-measure", "Mesure : choisissez une mesure du catalogue.")]
    [InlineData("indicator=nope", "filter-indicator", "Indicateur à détailler : cet indicateur n'existe pas.")]
    public async Task Dashboard_BadFilter_NamesTheFieldInTheSummary(string query, string fieldId, string message)
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Analyst, Institution);

        var response = await client.GetAsync(new Uri("/Evaluation?culture=fr&" + query, UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"#" + fieldId + "\"", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Csv_HasTheBreakdownAndTheTotal()
    {
        await DeparturesAsync();
        var client = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, Institution);

        var response = await client.GetAsync(new Uri("/Evaluation?handler=Export&format=csv&culture=en&indicator=departures&year=2024&by=Sex", UriKind.Relative));
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Women,3", csv, StringComparison.Ordinal);
        Assert.Contains("Men,2", csv, StringComparison.Ordinal);
        Assert.Contains("Total,5", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_Csv_ReportsEachRow()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, Institution);
        var page = await client.GetStringAsync(new Uri("/Evaluation/Import", UriKind.Relative));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(SignInHelpers.ExtractAntiforgeryToken(page)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("indicator,measure,year,value,source\ndepartures,,2019,1200,Ministère\nnope,,2019,1,x\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "figures.csv");

        var response = await client.PostAsync(new Uri("/Evaluation/Import?culture=fr", UriKind.Relative), form);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-line=\"2\" data-outcome=\"Accepted\"", html, StringComparison.Ordinal);
        Assert.Contains("data-line=\"3\" data-outcome=\"Rejected\"", html, StringComparison.Ordinal);
        Assert.Contains("Colonne « indicator » : cet indicateur n'existe pas.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WrongType_IsRefusedWithTheField()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.ProgrammeManager, Institution);
        var page = await client.GetStringAsync(new Uri("/Evaluation/Import", UriKind.Relative));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(SignInHelpers.ExtractAntiforgeryToken(page)), "__RequestVerificationToken" },
            { new ByteArrayContent([0x25, 0x50, 0x44, 0x46]), "Upload", "figures.pdf" },
        };

        var html = WebUtility.HtmlDecode(await (await client.PostAsync(new Uri("/Evaluation/Import?culture=fr", UriKind.Relative), form)).Content.ReadAsStringAsync());

        Assert.Contains("href=\"#Upload\"", html, StringComparison.Ordinal);
        Assert.Contains("seuls les fichiers .csv et .xlsx sont acceptés", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyJourney_BeneficiarySeesHerOwnSteps_InArabic()
    {
        var beneficiary = await factory.CreateUserAsync(Roles.Beneficiary, "TEST-EVAL-JOURNEY");
        var personId = await factory.Services.AddLinkedRecordAsync(beneficiary, factory.Clock.GetUtcNow());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var recorder = scope.ServiceProvider.GetRequiredService<OutcomeRecorder>();
            await recorder.RecordAsync(new OutcomeInput { Kind = "placement.departed", PersonId = personId, InstitutionId = beneficiary.InstitutionId, Country = "ES", At = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero) }, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        var client = await factory.CreateSignedInClientAsync(beneficiary);
        var html = await client.GetStringAsync(new Uri("/Evaluation/MyJourney?culture=ar-MA", UriKind.Relative));

        Assert.Contains("data-kind=\"placement.departed\"", html, StringComparison.Ordinal);
        Assert.Contains("المغادرة", html, StringComparison.Ordinal);
        Assert.Contains("dir=\"rtl\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Journey_StaffOfThePersonsInstitution_SeeIt_ReadIsAudited()
    {
        var beneficiary = await factory.CreateUserAsync(Roles.Beneficiary, "TEST-EVAL-STAFF");
        var personId = await factory.Services.AddLinkedRecordAsync(beneficiary, factory.Clock.GetUtcNow());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var recorder = scope.ServiceProvider.GetRequiredService<OutcomeRecorder>();
            await recorder.RecordAsync(new OutcomeInput { Kind = "placement.hired", PersonId = personId, InstitutionId = beneficiary.InstitutionId }, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        var advisor = await factory.CreateSignedInClientAsync(Roles.Advisor, "TEST-EVAL-STAFF");
        var html = await advisor.GetStringAsync(new Uri($"/Evaluation/Journey/{personId}?culture=fr", UriKind.Relative));

        Assert.Contains("Recrutement", html, StringComparison.Ordinal);
        await using var check = factory.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = personId.ToString("D", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.RecordType == PersonService.RecordType && a.RecordId == id && a.Action == AuditAction.Read));
    }
}
