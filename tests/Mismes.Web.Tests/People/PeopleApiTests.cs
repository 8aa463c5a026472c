using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.TestCommon;
using Mismes.TestCommon.People;

namespace Mismes.Web.Tests.People;

public sealed class PeopleApiTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private static readonly Uri People = new("/api/v1/people", UriKind.Relative);
    private static readonly Uri Search = new("/api/v1/people/search", UriKind.Relative);
    private static int _births;

    /// <summary>A birth year no other test (nor the demo data) uses, so tests never see each other's people as duplicates.</summary>
    private static string UniqueBirthDate() => new DateOnly(1933, 7, 19).AddYears(Interlocked.Increment(ref _births)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static object Person(string first, string last, string birthDate, bool confirm = false, string? phone = null) => new
    {
        firstNameLatin = first,
        lastNameLatin = last,
        birthDate,
        sex = "Male",
        migrationStatus = "ProspectiveMigrant",
        regionCode = "MA-01",
        provinceCode = "TNG",
        phone,
        languages = new[] { new { language = "ar", level = "C2" }, new { language = "es", level = "A2" } },
        confirmNotDuplicate = confirm,
    };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<Guid> CreateAsync(HttpClient client, string first, string last, string birthDate)
    {
        var response = await client.PostAsJsonAsync(People, Person(first, last, birthDate, confirm: true));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("id").GetGuid();
    }

    private async Task<List<AuditEntry>> AuditAsync(Guid personId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = personId.ToString();
        return await db.Set<AuditEntry>().Where(a => a.RecordType == "Person" && a.RecordId == id).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task Create_ValidPerson_Returns201AndAuditsCreate()
    {
        var user = await factory.CreateUserAsync(Roles.Advisor, "ANAPEC-API");
        var client = await factory.CreateSignedInClientAsync(user);

        var response = await client.PostAsJsonAsync(People, Person("Naima", "Sbai", UniqueBirthDate(), phone: "06 11 22 33 44"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await JsonAsync(response);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/people/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("+212611223344", body.GetProperty("phone").GetString());
        var audit = Assert.Single(await AuditAsync(id));
        Assert.Equal(AuditAction.Create, audit.Action);
        Assert.Equal(user.Id, audit.UserId);
        Assert.Equal(user.InstitutionId, audit.InstitutionId);
    }

    [Theory]
    [InlineData("en", "The “Last name (Latin script)” field is required.", "Invalid phone number")]
    [InlineData("fr", "Le champ « Nom (lettres latines) » est obligatoire.", "Numéro de téléphone non valide")]
    [InlineData("es", "El campo «Apellido (alfabeto latino)» es obligatorio.", "Número de teléfono no válido")]
    [InlineData("ar-MA", "الحقل « الاسم العائلي (بالحروف اللاتينية) » إلزامي.", "رقم الهاتف غير صالح")]
    public async Task Create_InvalidFields_ReturnsLocalizedProblemDetailsWithFieldErrors(string culture, string required, string phone)
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, "ANAPEC-API");

        var response = await client.PostAsJsonAsync(new Uri($"/api/v1/people?culture={culture}", UriKind.Relative), new
        {
            firstNameLatin = "Karim",
            lastNameLatin = "",
            birthDate = "1990-02-30",
            sex = "Male",
            migrationStatus = "Somewhere",
            phone = "12",
            eqfLevel = 9,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Equal(required, errors.GetProperty("lastNameLatin")[0].GetString());
        Assert.StartsWith(phone, errors.GetProperty("phone")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("birthDate", out _));
        Assert.True(errors.TryGetProperty("migrationStatus", out _));
        Assert.True(errors.TryGetProperty("eqfLevel", out _));
    }

    [Theory]
    [InlineData("Mohammed", "Elamrani")]
    [InlineData("Muhammad", "Al-Amrani")]
    [InlineData("Mhamed", "El Amrani")]
    public async Task Create_TransliterationVariant_Returns409ListingTheExistingPerson(string first, string last)
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, "ANAPEC-API");
        var birth = UniqueBirthDate();
        var existing = await CreateAsync(client, "Mohamed", "El Amrani", birth);

        var response = await client.PostAsJsonAsync(People, Person(first, last, birth));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var candidate = Assert.Single((await JsonAsync(response)).GetProperty("candidates").EnumerateArray());
        Assert.Equal(existing, candidate.GetProperty("personId").GetGuid());
        Assert.Equal("SimilarNameSameBirthDate", candidate.GetProperty("reasons")[0].GetString());

        var confirmed = await client.PostAsJsonAsync(People, Person(first, last, birth, confirm: true));
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
    }

    [Fact]
    public async Task DuplicateCheck_PersonOfAnotherInstitution_TellsOnlyThatOneExists()
    {
        var anapec = await factory.CreateSignedInClientAsync(Roles.Advisor, "ANAPEC-API");
        var iom = await factory.CreateSignedInClientAsync(Roles.CaseWorker, "IOM-API");
        var birth = UniqueBirthDate();
        await CreateAsync(anapec, "Youssef", "Benjelloun", birth);

        var response = await iom.PostAsJsonAsync(new Uri("/api/v1/people/duplicates", UriKind.Relative), Person("Yusuf", "Benjelloun", birth));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var candidate = Assert.Single((await JsonAsync(response)).EnumerateArray());
        Assert.Equal(JsonValueKind.Null, candidate.GetProperty("personId").ValueKind);
        Assert.Equal(JsonValueKind.Null, candidate.GetProperty("displayName").ValueKind);
        Assert.True(candidate.GetProperty("inOtherInstitution").GetBoolean());
    }

    [Fact]
    public async Task AnotherInstitution_GuessingTheId_Gets404EverywhereAndNothingIsAudited()
    {
        var anapec = await factory.CreateSignedInClientAsync(Roles.Advisor, "ANAPEC-API");
        var iom = await factory.CreateSignedInClientAsync(Roles.Advisor, "IOM-API");
        var id = await CreateAsync(anapec, "Hanane", "Kettani", UniqueBirthDate());
        var url = $"/api/v1/people/{id}";

        Assert.Equal(HttpStatusCode.NotFound, (await iom.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await iom.PutAsJsonAsync(new Uri(url, UriKind.Relative), Person("Hanane", "Kettani", "1980-01-01"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await iom.PostAsJsonAsync(new Uri(url + "/consents", UriKind.Relative), new { purpose = "FollowUpSurveys", channel = "Phone" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await iom.DeleteAsync(new Uri(url + "/consents/FollowUpSurveys", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await iom.PostAsJsonAsync(new Uri(url + "/merge", UriKind.Relative), new { duplicateId = Guid.NewGuid() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await iom.GetAsync(new Uri($"/People/Details/{id}", UriKind.Relative))).StatusCode);
        var search = await JsonAsync(await iom.PostAsJsonAsync(Search, new { text = "Kettani" }));
        Assert.DoesNotContain(search.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain(await AuditAsync(id), a => a.Action != AuditAction.Create);
    }

    [Fact]
    public async Task Get_OwnPerson_ReturnsRecordAndAuditsTheRead()
    {
        var user = await factory.CreateUserAsync(Roles.Advisor, "ANAPEC-API");
        var client = await factory.CreateSignedInClientAsync(user);
        var id = await CreateAsync(client, "Salma", "Lahlou", UniqueBirthDate());

        var response = await client.GetAsync(new Uri($"/api/v1/people/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal("Salma", body.GetProperty("firstNameLatin").GetString());
        Assert.Equal("Created", body.GetProperty("history")[0].GetProperty("kind").GetString());
        var read = Assert.Single(await AuditAsync(id), a => a.Action == AuditAction.Read);
        Assert.Equal(user.Id, read.UserId);
    }

    [Fact]
    public async Task Update_ChangedFields_AuditsFieldNamesWithoutValues()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.CaseWorker, "ANAPEC-API");
        var birth = UniqueBirthDate();
        var id = await CreateAsync(client, "Omar", "Naciri", birth);

        var response = await client.PutAsJsonAsync(new Uri($"/api/v1/people/{id}", UriKind.Relative), Person("Omar", "Naciri", birth, phone: "+34 612 345 678"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var update = Assert.Single(await AuditAsync(id), a => a.Action == AuditAction.Update);
        Assert.Equal("Phone", update.Details);
    }

    [Fact]
    public async Task Consent_GiveThenWithdraw_CurrentConsentFollowsAndIsAudited()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, "ANAPEC-API");
        var id = await CreateAsync(client, "Zineb", "Tahiri", UniqueBirthDate());

        var given = await client.PostAsJsonAsync(new Uri($"/api/v1/people/{id}/consents", UriKind.Relative), new { purpose = "ShareProfileWithForeignEmployers", channel = "Paper" });
        Assert.Equal(HttpStatusCode.OK, given.StatusCode);
        var consent = Assert.Single((await JsonAsync(given)).GetProperty("currentConsents").EnumerateArray());
        Assert.True(consent.GetProperty("given").GetBoolean());
        Assert.Equal(1, consent.GetProperty("noticeVersion").GetInt32());

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var withdrawn = await client.DeleteAsync(new Uri($"/api/v1/people/{id}/consents/ShareProfileWithForeignEmployers?channel=Phone", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        consent = Assert.Single((await JsonAsync(withdrawn)).GetProperty("currentConsents").EnumerateArray());
        Assert.False(consent.GetProperty("given").GetBoolean());
        Assert.Equal("Phone", consent.GetProperty("channel").GetString());

        var audit = await AuditAsync(id);
        Assert.Contains(audit, a => a.Action == AuditAction.ConsentGiven);
        Assert.Contains(audit, a => a.Action == AuditAction.ConsentWithdrawn);
    }

    [Fact]
    public async Task Consent_UnknownPurpose_ReturnsFieldError()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, "ANAPEC-API");
        var id = await CreateAsync(client, "Imane", "Jabri", UniqueBirthDate());

        var response = await client.PostAsJsonAsync(new Uri($"/api/v1/people/{id}/consents", UriKind.Relative), new { purpose = "SellToAdvertisers", channel = "Web" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("purpose", out _));
    }

    [Fact]
    public async Task Merge_Duplicate_KeepsBothHistoriesAndHidesTheDuplicate()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, "ANAPEC-API");
        var birth = UniqueBirthDate();
        var survivor = await CreateAsync(client, "Mustapha", "Zerouali", birth);
        var duplicate = await CreateAsync(client, "Mostafa", "Zerouali", birth);
        await client.PostAsJsonAsync(new Uri($"/api/v1/people/{duplicate}/consents", UriKind.Relative), new { purpose = "FollowUpSurveys", channel = "Phone" });

        var response = await client.PostAsJsonAsync(new Uri($"/api/v1/people/{survivor}/merge", UriKind.Relative), new { duplicateId = duplicate, keep = new { firstNameLatin = "survivor" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = await JsonAsync(await client.GetAsync(new Uri($"/api/v1/people/{survivor}", UriKind.Relative)));
        var history = record.GetProperty("history").EnumerateArray().Select(e => (e.GetProperty("personId").GetGuid(), e.GetProperty("kind").GetString())).ToList();
        Assert.Contains((survivor, "Created"), history);
        Assert.Contains((duplicate, "Created"), history);
        Assert.Contains((duplicate, "ConsentGiven"), history);
        Assert.Contains((survivor, "Merged"), history);
        Assert.Contains((duplicate, "MergedInto"), history);
        Assert.Contains(record.GetProperty("currentConsents").EnumerateArray(), c => c.GetProperty("purpose").GetString() == "FollowUpSurveys");
        var merged = await JsonAsync(await client.GetAsync(new Uri($"/api/v1/people/{duplicate}", UriKind.Relative)));
        Assert.Equal(survivor, merged.GetProperty("mergedIntoId").GetGuid());
        var search = await JsonAsync(await client.PostAsJsonAsync(Search, new { text = "Zerouali" }));
        Assert.DoesNotContain(search.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == duplicate);
        Assert.Contains(await AuditAsync(survivor), a => a.Action == AuditAction.Merge);
        Assert.Contains(await AuditAsync(duplicate), a => a.Action == AuditAction.Merge);
    }

    [Fact]
    public async Task Merge_ConflictWithoutAChoice_400NamingTheFieldThenMergeAndUndo()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, "ANAPEC-API");
        var birth = UniqueBirthDate();
        var survivor = (await JsonAsync(await client.PostAsJsonAsync(People, Person("Hamid", "Tazi", birth, confirm: true, phone: "0611111111")))).GetProperty("id").GetGuid();
        var duplicate = (await JsonAsync(await client.PostAsJsonAsync(People, Person("Hamid", "Tazi", birth, confirm: true, phone: "0622222222")))).GetProperty("id").GetGuid();
        var merge = new Uri($"/api/v1/people/{survivor}/merge", UriKind.Relative);
        var undo = new Uri($"/api/v1/people/{survivor}/merge/undo", UriKind.Relative);

        var refused = await client.PostAsJsonAsync(new Uri(merge + "?culture=en", UriKind.Relative), new { duplicateId = duplicate });
        var badValue = await client.PostAsJsonAsync(merge, new { duplicateId = duplicate, keep = new { phone = "both" } });
        var nothingToUndo = await client.PostAsync(undo, null);
        var merged = await client.PostAsJsonAsync(merge, new { duplicateId = duplicate, keep = new { phone = "duplicate" } });
        var undone = await client.PostAsync(undo, null);
        var again = await client.PostAsync(new Uri(undo + "?culture=en", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["Choose which “Phone” to keep."], (await JsonAsync(refused)).GetProperty("errors").GetProperty("keep.phone").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, badValue.StatusCode);
        Assert.True((await JsonAsync(badValue)).GetProperty("errors").TryGetProperty("keep", out _));
        Assert.Equal(HttpStatusCode.Conflict, nothingToUndo.StatusCode);
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal("+212622222222", (await JsonAsync(merged)).GetProperty("phone").GetString());
        Assert.Equal(HttpStatusCode.OK, undone.StatusCode);
        Assert.Equal("+212611111111", (await JsonAsync(undone)).GetProperty("phone").GetString());
        Assert.Equal(JsonValueKind.Null, (await JsonAsync(await client.GetAsync(new Uri($"/api/v1/people/{duplicate}", UriKind.Relative)))).GetProperty("mergedIntoId").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("There is no merge to undo on this record.", (await JsonAsync(again)).GetProperty("detail").GetString());
        Assert.Contains(await AuditAsync(survivor), a => a.Action == AuditAction.MergeUndone);
    }

    [Fact]
    public async Task Search_TransliterationVariantInTheBody_FindsPersonAndPages()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, "ANAPEC-SEARCH");
        await CreateAsync(client, "Youssef", "Haddad", UniqueBirthDate());
        await CreateAsync(client, "Youssef", "Haddad", UniqueBirthDate());

        var response = await client.PostAsJsonAsync(Search, new { text = "Yusuf Hadad", status = "ProspectiveMigrant", pageSize = 1, page = 2 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(2, body.GetProperty("total").GetInt32());
        Assert.Single(body.GetProperty("items").EnumerateArray());
        Assert.Equal(2, body.GetProperty("page").GetInt32());
    }

    [Fact]
    public async Task Search_BadInput_ValidationProblemNamingEachField()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, "ANAPEC-SEARCH");

        var response = await client.PostAsJsonAsync(new Uri("/api/v1/people/search?culture=en", UriKind.Relative),
            new { text = new string('a', 201), status = "Sailing", page = 0, pageSize = 1000 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Equal(["page", "pageSize", "status", "text"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("The “Name (Latin or Arabic script), phone or e-mail” field is too long.", errors.GetProperty("text")[0].GetString());
    }

    [Theory]
    [InlineData("text=Haddad", "text")]
    [InlineData("status=Abroad&email=someone%40example.org", "email")]
    public async Task List_PersonalTermInTheUrl_ValidationProblemPointingToSearch(string query, string field)
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, "ANAPEC-SEARCH");

        var response = await client.GetAsync(new Uri($"/api/v1/people?{query}&culture=en", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Contains("POST /api/v1/people/search", errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_NonPersonalFilters_StillAGet()
    {
        var client = await factory.CreateSignedInClientAsync(Roles.Advisor, "ANAPEC-LIST");
        await CreateAsync(client, "Rachid", "Benali", UniqueBirthDate());

        var response = await client.GetAsync(new Uri("/api/v1/people?status=ProspectiveMigrant&region=MA-01&pageSize=10", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Contains(body.GetProperty("items").EnumerateArray(), p => p.GetProperty("lastNameLatin").GetString() == "Benali");
    }

    [Fact]
    public async Task OpenApi_Document_DescribesPeopleEndpoints()
    {
        var client = factory.CreateClient();

        var json = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Contains("/api/v1/people/{id}/merge", json, StringComparison.Ordinal);
        Assert.Contains("CreatePerson", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_Anonymous_Returns401()
    {
        var client = factory.CreateClient();

        var response = await client.GetAsync(People);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Beneficiary)]
    [InlineData(Roles.Employer)]
    [InlineData(Roles.Analyst)]
    public async Task Api_RoleWithoutManagePeople_Returns403(string role)
    {
        var client = await factory.CreateSignedInClientAsync(role, "ANAPEC-API");

        var response = await client.GetAsync(People);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
