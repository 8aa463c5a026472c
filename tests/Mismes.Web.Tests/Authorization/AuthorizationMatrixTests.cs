using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mismes.Core.Catalogue;
using Mismes.Core.Data;
using Mismes.Core.People;
using Mismes.Core.Placement.Vacancies;
using Mismes.TestCommon;
using Mismes.Web.Platform;
using Mismes.Web.Tests.Platform;

namespace Mismes.Web.Tests.Authorization;

/// <summary>
/// Runs <see cref="AuthorizationMatrix"/> against the real host: every route has a row, every row a route, and every
/// role gets exactly the access its row says — with a record of its own institution (allowed roles must reach it) and
/// of another institution (only administrators may; everybody else gets 404, so ids cannot be probed).
/// </summary>
public sealed class AuthorizationMatrixTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    private const string Own = "TEST-MATRIX-OWN";
    private const string Other = "TEST-MATRIX-OTHER";

    public static TheoryData<string> Roles() => new(AuthorizationMatrix.AllRoles);

    /// <summary>API keys with no scope, each scope alone, and every scope at once (space-separated).</summary>
    public static TheoryData<string> KeyScopeSets() =>
        new([AuthorizationMatrix.AnyKey, .. AuthorizationMatrix.AllScopes, string.Join(' ', AuthorizationMatrix.AllScopes)]);

    [Fact]
    public void Matrix_EveryRouteOfTheHost_HasARule()
    {
        var rules = AuthorizationMatrix.Rules.Select(r => r.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var missing = RouteKeys().Where(k => !rules.Contains(k)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "Routes without a row in tests/Mismes.Web.Tests/Authorization/AuthorizationMatrix.cs:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Matrix_EveryRule_IsARouteOfTheHost()
    {
        var routes = RouteKeys().ToHashSet(StringComparer.OrdinalIgnoreCase);

        var stale = AuthorizationMatrix.Rules.Select(r => r.Key).Where(k => !routes.Contains(k)).ToList();

        Assert.True(stale.Count == 0, "Rows for routes the host no longer has:\n" + string.Join('\n', stale));
    }

    [Fact]
    public void Matrix_PublicRows_AreExactlyThePublicAllowList()
    {
        var publicRows = AuthorizationMatrix.Rules.Where(r => r.IsPublic).Select(r => r.Pattern).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.Equal(PublicRoutes.Patterns.Order(StringComparer.OrdinalIgnoreCase), publicRows.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Role_EveryRoute_AllowedOrDeniedAsTheMatrixSays(string role)
    {
        var own = await SamplesAsync(Own);
        var other = await SamplesAsync(Other);
        var client = await factory.CreateSignedInClientAsync(role, Own);
        var failures = new List<string>();

        foreach (var rule in AuthorizationMatrix.Rules)
        {
            var allowed = rule.Roles is null || rule.Roles.Contains(role, StringComparer.Ordinal);
            var answer = await SendAsync(client, rule, own);
            if (allowed != Allowed(rule, answer))
            {
                failures.Add($"{rule.Key} (own institution): expected {(allowed ? "allowed" : "denied")}, answered {Describe(answer)}");
            }

            if (allowed && answer.StatusCode >= HttpStatusCode.InternalServerError)
            {
                failures.Add($"{rule.Key}: answered {Describe(answer)}");
            }

            // Scope is checked on reads and deletes: a write with an empty body is refused as invalid (400) before any
            // record is looked up, which says nothing about whose record it is.
            // Only the implementing institution (or an administrator) may edit a measure: checked on the edit form,
            // where the record is looked up before any input is read.
            if (allowed && rule.Sample == Sample.Measure && rule.Method == "GET" && rule.Pattern.StartsWith("/Catalogue/Manage/", StringComparison.Ordinal))
            {
                var theirs = await SendAsync(client, rule, other);
                var editsEveryMeasure = role == Mismes.Core.Administration.Roles.Administrator;
                if (editsEveryMeasure != Allowed(rule, theirs))
                {
                    failures.Add($"{rule.Key} (other institution's measure): expected {(editsEveryMeasure ? "allowed" : "denied")}, answered {Describe(theirs)}");
                }
            }

            if (allowed && (rule.Sample is Sample.Person or Sample.Vacancy) && rule.Method is "GET" or "DELETE")
            {
                var theirs = await SendAsync(client, rule, other);
                var seesOtherInstitutions = role == Mismes.Core.Administration.Roles.Administrator;
                if (seesOtherInstitutions == (theirs.StatusCode == HttpStatusCode.NotFound))
                {
                    failures.Add($"{rule.Key} (other institution): expected {(seesOtherInstitutions ? "found" : "404")}, answered {Describe(theirs)}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{role}:\n" + string.Join('\n', failures));
    }

    [Theory]
    [MemberData(nameof(KeyScopeSets))]
    public async Task ApiKey_EveryRoute_AllowedOnlyWithTheScopeItsRowNames(string scopes)
    {
        var own = await SamplesAsync(Own);
        var other = await SamplesAsync(Other);
        var held = scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var client = await factory.CreateApiKeyClientAsync(Own, held);
        var failures = new List<string>();

        foreach (var rule in AuthorizationMatrix.Rules)
        {
            var allowed = rule.IsPublic
                || (rule.Pattern.StartsWith("/api/", StringComparison.Ordinal) && rule.KeyScope is { } needed
                    && (needed == AuthorizationMatrix.AnyKey || held.Contains(needed, StringComparer.Ordinal)));
            var answer = await SendAsync(client, rule, own);
            if (allowed != Allowed(rule, answer))
            {
                failures.Add($"{rule.Key} (own institution): expected {(allowed ? "allowed" : "denied")}, answered {Describe(answer)}");
            }

            if (allowed && answer.StatusCode >= HttpStatusCode.InternalServerError)
            {
                failures.Add($"{rule.Key}: answered {Describe(answer)}");
            }

            // A key acts for its institution only, whatever its scopes: another institution's person is not found.
            if (allowed && (rule.Sample is Sample.Person or Sample.Vacancy) && rule.Method is "GET" or "DELETE")
            {
                var theirs = await SendAsync(client, rule, other);
                if (theirs.StatusCode != HttpStatusCode.NotFound)
                {
                    failures.Add($"{rule.Key} (other institution): expected 404, answered {Describe(theirs)}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"key with [{scopes}]:\n" + string.Join('\n', failures));
    }

    /// <summary>Denied: 401/403, or a page's redirect to sign-in or access denied. Allowed: anything else, but not a 404 for a record of one's own institution.</summary>
    private static bool Allowed(AccessRule rule, HttpResponseMessage answer)
    {
        if (answer.StatusCode is HttpStatusCode.Unauthorized || (answer.StatusCode is HttpStatusCode.Forbidden && !rule.ForbiddenByDesign))
        {
            return false;
        }

        var location = answer.Headers.Location?.OriginalString ?? "";
        if (answer.StatusCode == HttpStatusCode.Redirect
            && (location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase)
                || location.Contains("/Account/SignIn", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        // A record of one's own institution must be found; checked on reads and deletes (an empty write body is
        // refused as invalid, or names no second record, before anything is looked up).
        return rule.Sample == Sample.None || rule.Method is not ("GET" or "DELETE") || answer.StatusCode != HttpStatusCode.NotFound;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, AccessRule rule, Samples samples)
    {
        using var request = new HttpRequestMessage(new HttpMethod(rule.Method), Path(rule, samples));
        if (rule.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = rule.Pattern.StartsWith("/api/", StringComparison.Ordinal)
                ? new StringContent("{}", Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent([]);
        }

        return await client.SendAsync(request);
    }

    private static string Path(AccessRule rule, Samples samples) =>
        RoutePaths.Fill(RoutePatternFactory.Parse(rule.Pattern), parameter => Value(rule, parameter.Name, samples));

    private static string Value(AccessRule rule, string parameter, Samples samples) => (rule.Sample, parameter) switch
    {
        (Sample.Person, "id") => samples.PersonId.ToString(),
        (Sample.Person, "duplicateId") => samples.SecondPersonId.ToString(),
        (Sample.Measure, "slug") => samples.MeasureSlug,
        (Sample.Measure, "id") => samples.MeasureId.ToString(),
        (Sample.Vacancy, "id") => samples.VacancyId.ToString(),
        (_, "purpose") => nameof(ConsentPurpose.ShareProfileWithForeignEmployers),
        (_, "code") => "404",
        (_, "documentName") => "v1",
        _ => Guid.NewGuid().ToString(),
    };

    /// <summary>Two people of the institution (the second is the other record of a merge comparison), and a measure.</summary>
    private sealed record Samples(Guid PersonId, Guid SecondPersonId, Guid MeasureId, string MeasureSlug, Guid VacancyId);

    private async Task<Samples> SamplesAsync(string institutionCode)
    {
        var institutionId = await factory.InstitutionIdAsync(institutionCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var person = new Person
        {
            Id = Guid.NewGuid(),
            InstitutionId = institutionId,
            FirstNameLatin = "Matrix",
            LastNameLatin = "Sample" + institutionCode.Length,
            BirthDate = new DateOnly(1990, 1, 1),
            CountryOfResidence = "MA",
        };
        var second = new Person
        {
            Id = Guid.NewGuid(),
            InstitutionId = institutionId,
            FirstNameLatin = "Matrix",
            LastNameLatin = "Second" + institutionCode.Length,
            BirthDate = new DateOnly(1990, 1, 2),
            CountryOfResidence = "MA",
        };
        db.AddRange(person, second);
        await db.SaveChangesAsync();
        var measure = await MeasureImplementedByAsync(db, institutionCode, institutionId);
        var vacancy = new Vacancy
        {
            Id = Guid.NewGuid(),
            InstitutionId = institutionId,
            EmployerName = "Matrix employer",
            Country = "ES",
            Title = "Matrix vacancy " + institutionCode,
            Source = "matrix",
            SourceId = Guid.NewGuid().ToString("N"),
            ValidUntil = new DateOnly(2027, 6, 30),
        };
        db.Add(vacancy);
        await db.SaveChangesAsync();
        return new Samples(person.Id, second.Id, measure.Id, measure.Slug, vacancy.Id);
    }

    /// <summary>A measure the institution implements: only its staff (and administrators) may edit it.</summary>
    private static async Task<SupportMeasure> MeasureImplementedByAsync(AppDbContext db, string institutionCode, Guid institutionId)
    {
        var slug = "matrix-sample-" + institutionCode.ToLowerInvariant();
        if (await db.Set<SupportMeasure>().FirstOrDefaultAsync(m => m.Slug == slug) is { } existing)
        {
            return existing;
        }

        var id = Guid.NewGuid();
        var measure = new SupportMeasure
        {
            Id = id,
            Slug = slug,
            Origin = MeasureOrigin.Added,
            Phase = MigrationPhase.PreMigration,
            SortKey = 90_000 + institutionCode.Length,
            Translations = [new SupportMeasureTranslation { MeasureId = id, Culture = "fr", Title = "Mesure de la matrice " + institutionCode }],
            Models = [new SupportMeasureModelEntry { MeasureId = id, Model = MeasureModel.PreDepartureInformation }],
            Parties = [new SupportMeasureParty { Id = Guid.NewGuid(), MeasureId = id, Role = PartyRole.Implementer, Position = 1, Code = institutionCode, InstitutionId = institutionId }],
        };
        db.Add(measure);
        await db.SaveChangesAsync();
        return measure;
    }

    private IEnumerable<string> RouteKeys()
    {
        using var _ = factory.CreateClient();
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = PublicRoutes.Normalize(endpoint.RoutePattern.RawText ?? "");
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } declared
                ? declared.Where(m => m is not "OPTIONS" and not "HEAD")
                : ["GET", "POST"]; // a Razor page answers any method: its GET and its form posts
            foreach (var method in methods)
            {
                yield return $"{method} {pattern}";
            }
        }
    }

    private static string Describe(HttpResponseMessage answer) =>
        $"{(int)answer.StatusCode} {answer.Headers.Location}".Trim();
}
