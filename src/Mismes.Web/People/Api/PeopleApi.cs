using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Mismes.Core.Common;
using Mismes.Core.People;
using Mismes.Web.Administration;
using Mismes.Web.Platform;

namespace Mismes.Web.People.Api;

public sealed record LanguageDto(string Language, string Level);

public sealed record ConsentDto(string Purpose, bool Given, DateTimeOffset At, string Channel, int NoticeVersion);

public sealed record PersonEventDto(DateTimeOffset At, string Kind, string? Details, Guid? UserId, Guid? InstitutionId, Guid PersonId);

public sealed record PersonDto(
    Guid Id,
    string FirstNameLatin,
    string LastNameLatin,
    string? FirstNameArabic,
    string? LastNameArabic,
    DateOnly BirthDate,
    string Sex,
    string? Phone,
    string? Email,
    string? RegionCode,
    string? ProvinceCode,
    string CountryOfResidence,
    string MigrationStatus,
    int? IscedLevel,
    int? EqfLevel,
    IReadOnlyList<LanguageDto> Languages,
    string? Notes,
    Guid InstitutionId,
    bool IsDemo,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    Guid? MergedIntoId,
    IReadOnlyList<ConsentDto> CurrentConsents,
    IReadOnlyList<PersonEventDto> History)
{
    public static PersonDto From(Person p, IReadOnlyDictionary<ConsentPurpose, ConsentRecord>? consents = null, IReadOnlyList<PersonEvent>? history = null) => new(
        p.Id, p.FirstNameLatin, p.LastNameLatin, p.FirstNameArabic, p.LastNameArabic, p.BirthDate, p.Sex.ToString(),
        p.Phone, p.Email, p.RegionCode, p.ProvinceCode, p.CountryOfResidence, p.MigrationStatus.ToString(), p.IscedLevel, p.EqfLevel,
        [.. p.Languages.OrderBy(l => l.Language, StringComparer.Ordinal).Select(l => new LanguageDto(l.Language, l.Level.ToString()))],
        p.Notes, p.InstitutionId, p.IsDemo, p.CreatedAt, p.UpdatedAt, p.MergedIntoId,
        [.. (consents ?? PersonService.CurrentConsents(p.Consents)).Values.OrderBy(c => c.Purpose)
            .Select(c => new ConsentDto(c.Purpose.ToString(), c.Given, c.At, c.Channel.ToString(), c.NoticeVersion))],
        [.. (history ?? []).Select(e => new PersonEventDto(e.At, e.Kind.ToString(), e.Details, e.UserId, e.InstitutionId, e.PersonId))]);
}

public sealed record DuplicateCandidateDto(Guid? PersonId, string? DisplayName, DateOnly? BirthDate, IReadOnlyList<string> Reasons, double NameSimilarity, bool InOtherInstitution)
{
    public static DuplicateCandidateDto From(DuplicateCandidate c) =>
        new(c.PersonId, c.DisplayName, c.BirthDate, [.. c.Reasons.Select(r => r.ToString())], c.NameSimilarity, c.InOtherInstitution);
}

public sealed record ConsentInput(string? Purpose, string? Channel, int? NoticeVersion);

/// <summary>
/// The body of POST /api/v1/people/search: the text (a name, phone or e-mail) travels here, never in the URL
/// (docs/adr/0018). Status and region are the same filters GET takes; page and pageSize as everywhere.
/// </summary>
public sealed record PersonSearchInput(string? Text, string? Status, string? Region, int? Page, int? PageSize);

/// <summary>
/// /api/v1/people: the same PersonService the pages use; another institution's person is 404, never 403. API keys need
/// people:read to list, search and read, people:write for everything else (the duplicate check is a step of registering).
/// </summary>
internal static class PeopleApi
{
    /// <summary>The error of a personal search term sent in the URL of GET /api/v1/people.</summary>
    public const string SearchTermsInBody = "People.Error.SearchTermsInBody";

    /// <summary>Longer than any name, phone and e-mail together.</summary>
    private const int MaxSearchText = 200;

    public static IEndpointRouteBuilder MapPeopleApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/people").WithTags("People").RequireAuthorization(Policies.ManagePeople);

        group.MapGet("/", ListAsync).RequireRateLimiting(RateLimits.Search).WithName("ListPeople").WithSummary("List people, filtered by status and region (non-personal filters only: search by name, phone or e-mail with POST /api/v1/people/search).").RequireApiScope(PeopleModule.ReadScope);
        group.MapPost("/search", SearchAsync).RequireRateLimiting(RateLimits.Search).WithName("SearchPeople").WithSummary("Search people by name (either script, transliteration variants), phone or e-mail, given in the JSON body so it stays out of URLs and logs; filter by status and region.").RequireApiScope(PeopleModule.ReadScope);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetPerson").WithSummary("One person with current consents and history (audited read).").RequireApiScope(PeopleModule.ReadScope);
        group.MapPost("/", CreateAsync).WithName("CreatePerson").WithSummary("Register a person; 409 lists possible duplicates unless confirmNotDuplicate is true.").ProducesProblem(StatusCodes.Status409Conflict).RequireApiScope(PeopleModule.WriteScope);
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdatePerson").WithSummary("Change a person's record.").RequireApiScope(PeopleModule.WriteScope);
        group.MapPost("/duplicates", CheckDuplicatesAsync).RequireRateLimiting(RateLimits.DuplicateCheck).WithName("CheckPersonDuplicates").WithSummary("Possible duplicates of a person about to be registered.").RequireApiScope(PeopleModule.WriteScope);
        group.MapPost("/{id:guid}/consents", GiveConsentAsync).WithName("GivePersonConsent").WithSummary("Record consent for one purpose.").RequireApiScope(PeopleModule.WriteScope);
        group.MapDelete("/{id:guid}/consents/{purpose}", WithdrawConsentAsync).WithName("WithdrawPersonConsent").WithSummary("Withdraw consent for one purpose.").RequireApiScope(PeopleModule.WriteScope);
        return app;
    }

    /// <summary>Query-string keys that would carry personal data; GET refuses them rather than ignoring them (a client
    /// that sends "?text=" would otherwise get everybody, and would keep putting names in URLs).</summary>
    private static readonly string[] PersonalQueryKeys = ["text", "q", "name", "phone", "email"];

    private static async Task<Results<Ok<Paged<PersonSummary>>, ValidationProblem>> ListAsync(
        HttpRequest request, PersonService people, IStringLocalizer<SharedResource> l, string? status, string? region, string? page, string? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        foreach (var key in PersonalQueryKeys.Where(k => request.Query.ContainsKey(k)))
        {
            errors.Add(key, SearchTermsInBody);
        }

        var paging = ApiPaging.Read(page, pageSize, errors);
        return await RunSearchAsync(people, l, null, status, region, paging, errors, ct);
    }

    private static async Task<Results<Ok<Paged<PersonSummary>>, ValidationProblem>> SearchAsync(
        PersonSearchInput input, PersonService people, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = new PageRequest(input.Page ?? 1, input.PageSize ?? PageRequest.DefaultPageSize);
        paging.Validate(errors);
        if (input.Text is { Length: > MaxSearchText })
        {
            errors.Add("Text", PeopleErrors.TooLong);
        }
        else if (!TextRules.IsClean(input.Text))
        {
            errors.Add("Text", TextRules.ControlCharactersError);
        }

        return await RunSearchAsync(people, l, input.Text, input.Status, input.Region, paging, errors, ct);
    }

    private static async Task<Results<Ok<Paged<PersonSummary>>, ValidationProblem>> RunSearchAsync(
        PersonService people, IStringLocalizer<SharedResource> l, string? text, string? status, string? region, PageRequest paging, FieldErrors errors, CancellationToken ct)
    {
        var parsedStatus = PersonInput.ParseEnum<MigrationStatus>(status);
        if (status is not null && parsedStatus is null)
        {
            errors.Add("Status", PeopleErrors.InvalidValue);
        }

        if (!errors.IsEmpty)
        {
            return FieldErrorText.Problem(errors, l, l["People.Error.Title"], PeopleFieldLabels.For(l));
        }

        var result = await people.SearchAsync(new PersonSearch { Text = text, Status = parsedStatus, RegionCode = region, Paging = paging }, ct);
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<PersonDto>, NotFound>> GetAsync(Guid id, PersonService people, CancellationToken ct)
    {
        var record = await people.GetAsync(id, ct);
        return record is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(PersonDto.From(record.Person, record.CurrentConsents, record.History));
    }

    private static async Task<Results<Created<PersonDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        PersonInput input, PersonService people, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var parseErrors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var request = input.ToRequest(parseErrors);
        if (parseErrors.Count > 0)
        {
            return Invalid(parseErrors, people.Validate(request), l);
        }

        var result = await people.CreateAsync(request, ct);
        if (result.Outcome == PersonOutcome.Invalid)
        {
            return Invalid(parseErrors, result.Errors, l);
        }

        if (result.Outcome == PersonOutcome.PossibleDuplicates)
        {
            return TypedResults.Problem(
                title: l["People.Duplicates.Title"],
                detail: l["People.Duplicates.Detail"],
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["candidates"] = result.Duplicates.Select(DuplicateCandidateDto.From).ToList(),
                });
        }

        var person = result.Person!;
        return TypedResults.Created($"/api/v1/people/{person.Id.ToString("D", CultureInfo.InvariantCulture)}", PersonDto.From(person));
    }

    private static async Task<Results<Ok<PersonDto>, NotFound, ValidationProblem>> UpdateAsync(
        Guid id, PersonInput input, PersonService people, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var parseErrors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var request = input.ToRequest(parseErrors);
        if (parseErrors.Count > 0)
        {
            return Invalid(parseErrors, people.Validate(request), l);
        }

        var result = await people.UpdateAsync(id, request, ct);
        return result.Outcome switch
        {
            PersonOutcome.NotFound => TypedResults.NotFound(),
            PersonOutcome.Invalid => Invalid(parseErrors, result.Errors, l),
            _ => TypedResults.Ok(PersonDto.From(result.Person!)),
        };
    }

    private static async Task<Results<Ok<List<DuplicateCandidateDto>>, ValidationProblem>> CheckDuplicatesAsync(
        PersonInput input, PersonService people, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var parseErrors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var request = input.ToRequest(parseErrors);
        if (parseErrors.Count > 0)
        {
            return Invalid(parseErrors, people.Validate(request), l);
        }

        var candidates = await people.FindDuplicatesAsync(request, null, ct);
        return TypedResults.Ok(candidates.Select(DuplicateCandidateDto.From).ToList());
    }

    private static async Task<Results<Ok<PersonDto>, NotFound, ValidationProblem>> GiveConsentAsync(
        Guid id, ConsentInput input, PersonService people, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var purpose = PersonInput.ParseEnum<ConsentPurpose>(input.Purpose);
        var channel = PersonInput.ParseEnum<ConsentChannel>(input.Channel);
        if (purpose is null)
        {
            errors["Purpose"] = [string.IsNullOrWhiteSpace(input.Purpose) ? PeopleErrors.Required : PeopleErrors.InvalidValue];
        }

        if (channel is null)
        {
            errors["Channel"] = [string.IsNullOrWhiteSpace(input.Channel) ? PeopleErrors.Required : PeopleErrors.InvalidValue];
        }

        if (errors.Count > 0)
        {
            return Invalid(errors, null, l);
        }

        var result = await people.GiveConsentAsync(id, purpose!.Value, channel!.Value, input.NoticeVersion, ct);
        return await ConsentResultAsync(result, id, people, l, ct);
    }

    private static async Task<Results<Ok<PersonDto>, NotFound, ValidationProblem>> WithdrawConsentAsync(
        Guid id, string purpose, string? channel, PersonService people, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var parsedPurpose = PersonInput.ParseEnum<ConsentPurpose>(purpose);
        var parsedChannel = string.IsNullOrWhiteSpace(channel) ? ConsentChannel.InPerson : PersonInput.ParseEnum<ConsentChannel>(channel);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (parsedPurpose is null)
        {
            errors["Purpose"] = [PeopleErrors.InvalidValue];
        }

        if (parsedChannel is null)
        {
            errors["Channel"] = [PeopleErrors.InvalidValue];
        }

        if (errors.Count > 0)
        {
            return Invalid(errors, null, l);
        }

        var result = await people.WithdrawConsentAsync(id, parsedPurpose!.Value, parsedChannel!.Value, ct);
        return await ConsentResultAsync(result, id, people, l, ct);
    }

    private static async Task<Results<Ok<PersonDto>, NotFound, ValidationProblem>> ConsentResultAsync(
        PersonWriteResult result, Guid id, PersonService people, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case PersonOutcome.NotFound:
                return TypedResults.NotFound();
            case PersonOutcome.Invalid:
                return Invalid([], result.Errors, l);
            default:
                var record = await people.GetAsync(id, ct);
                return record is null ? TypedResults.NotFound() : TypedResults.Ok(PersonDto.From(record.Person, record.CurrentConsents, record.History));
        }
    }

    private static ValidationProblem Invalid(Dictionary<string, string[]> parseErrors, IReadOnlyDictionary<string, string[]>? serviceErrors, IStringLocalizer l) =>
        TypedResults.ValidationProblem(
            FieldErrorText.Translate(FieldErrorText.Merge(parseErrors, serviceErrors ?? new Dictionary<string, string[]>()), l, FieldErrorText.CamelCase, PeopleFieldLabels.For(l)),
            title: l["People.Error.Title"]);
}
