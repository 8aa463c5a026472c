using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mismes.Core.Administration;
using Mismes.TestCommon;
using Mismes.TestCommon.Placement;

namespace Mismes.Web.Tests.Training;

/// <summary>Sessions through the real host: the API from creation to completion, bad input, and the trainer's phone page.</summary>
public sealed class TrainingSessionWebTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private const string Code = "TEST-TRAIN-SES";
    private static int _births;

    private async Task<(HttpClient Advisor, Guid Person)> AdvisorWithPersonAsync()
    {
        var user = await factory.CreateUserAsync(Roles.Advisor, Code);
        var client = await factory.CreateSignedInClientAsync(user);
        var person = await factory.Services.AddCandidateAsync(new FakeCurrentUser(user.InstitutionId, Roles.Advisor), consent: false,
            new DateOnly(1940, 1, 1).AddYears(Interlocked.Increment(ref _births)));
        return (client, person);
    }

    private static async Task<string> CourseIdAsync(HttpClient client, string code) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/training/courses")).EnumerateArray()
            .Single(c => c.GetProperty("code").GetString() == code).GetProperty("id").GetString()!;

    private async Task<JsonElement> CreateSessionAsync(HttpClient client, string courseCode, int capacity)
    {
        var start = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(3);
        var response = await client.PostAsJsonAsync("/api/v1/training/sessions", new
        {
            courseId = await CourseIdAsync(client, courseCode), place = "ANAPEC Larache", startDate = start, endDate = start.AddDays(20), capacity,
            sittingDates = new[] { start, start.AddDays(7) },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Api_EnrolAttendComplete_TheCoursesSkillsReachTheCandidateProfileAsTrained()
    {
        var (advisor, person) = await AdvisorWithPersonAsync();
        var session = await CreateSessionAsync(advisor, "ofppt-greenhouse-harvest", capacity: 1);
        var id = session.GetProperty("id").GetString();

        var enrolled = await advisor.PostAsJsonAsync($"/api/v1/training/sessions/{id}/enrolments", new { personId = person });
        var again = await advisor.PostAsJsonAsync($"/api/v1/training/sessions/{id}/enrolments", new { personId = person });
        Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var enrolment = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var trainer = await factory.CreateSignedInClientAsync(Roles.Trainer, Code);
        var sitting = session.GetProperty("sittings")[0].GetProperty("id").GetString();
        var attendance = await trainer.PutAsJsonAsync($"/api/v1/training/sessions/{id}/sittings/{sitting}/attendance", new { present = new[] { enrolment } });
        Assert.Equal(HttpStatusCode.OK, attendance.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await trainer.GetAsync(new Uri($"/api/v1/training/sessions/{id}", UriKind.Relative))).StatusCode);

        var completed = await advisor.PostAsJsonAsync($"/api/v1/training/sessions/{id}/enrolments/{enrolment}/completion", new { completed = true, result = "Validé" });
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);

        var record = await advisor.GetFromJsonAsync<JsonElement>($"/api/v1/training/sessions/{id}");
        var learner = Assert.Single(record.GetProperty("enrolments").EnumerateArray());
        Assert.Equal(("Completed", 1, 1), (learner.GetProperty("status").GetString(), learner.GetProperty("sittingsAttended").GetInt32(), learner.GetProperty("sittingsTaken").GetInt32()));
        var candidate = await advisor.GetFromJsonAsync<JsonElement>($"/api/v1/placement/candidates/{person}");
        var skills = candidate.GetProperty("profile").GetProperty("skills").EnumerateArray()
            .Where(s => session.GetProperty("skillUris").EnumerateArray().Any(u => u.GetString() == s.GetProperty("skillUri").GetString())).ToList();
        Assert.NotEmpty(skills);
        Assert.All(skills, s => Assert.True(s.GetProperty("evidence").GetString() is "Trained" or "Validated" or "Certified"));
    }

    [Fact]
    public async Task Api_BadSession_ProblemNamingEachFieldInTheCallersLanguage()
    {
        var (advisor, _) = await AdvisorWithPersonAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/training/sessions")
        {
            Content = JsonContent.Create(new { courseId = Guid.NewGuid(), startDate = "2026-12-10", endDate = "2026-12-01", capacity = 0 }),
        };
        request.Headers.AcceptLanguage.ParseAdd("es");

        var response = await advisor.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["capacity", "courseId", "endDate", "place"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("plazas", errors.GetProperty("capacity")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrainerPage_TicksWhoIsPresent_WithAPlainForm()
    {
        var (advisor, person) = await AdvisorWithPersonAsync();
        var session = await CreateSessionAsync(advisor, "ebosla-civic-20h", capacity: 5);
        var id = session.GetProperty("id").GetString();
        var enrolled = await advisor.PostAsJsonAsync($"/api/v1/training/sessions/{id}/enrolments", new { personId = person });
        var enrolment = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var sitting = session.GetProperty("sittings")[0].GetProperty("id").GetString();
        var trainer = await factory.CreateSignedInClientAsync(Roles.Trainer, Code);
        var page = $"/Training/Attendance/Take/{id}/{sitting}";

        var html = await trainer.GetStringAsync(new Uri(page, UriKind.Relative));
        Assert.Contains("name=\"present\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        var posted = await trainer.PostFormAsync(page, [new("present", enrolment)]);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var after = await trainer.GetStringAsync(new Uri(page, UriKind.Relative));
        Assert.Contains($"value=\"{enrolment}\" id=\"present-{enrolment}\" checked", after, StringComparison.Ordinal);
        Assert.Contains("id=\"message\"", after, StringComparison.Ordinal);
        var list = await trainer.GetStringAsync(new Uri("/Training/Attendance", UriKind.Relative));
        Assert.Contains(page, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionPage_EnrolsAFoundPerson_AndShowsTheLearner()
    {
        var (advisor, person) = await AdvisorWithPersonAsync();
        var session = await CreateSessionAsync(advisor, "anapec-living-working-abroad", capacity: 5);
        var id = session.GetProperty("id").GetString();
        var page = $"/Training/Sessions/Details/{id}";

        var posted = await advisor.PostFormAsync(page + "?q=Tahiri", [new("personId", person.ToString())], postUrl: page + "?handler=Enrol");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var html = WebUtility.HtmlDecode(await advisor.GetStringAsync(new Uri(page, UriKind.Relative)));
        Assert.Contains("Tahiri, Salma", html, StringComparison.Ordinal);
        Assert.Contains("L'inscription est enregistrée.", html, StringComparison.Ordinal);
        Assert.Contains("/Training/Advice/" + person, html, StringComparison.Ordinal);
    }
}
