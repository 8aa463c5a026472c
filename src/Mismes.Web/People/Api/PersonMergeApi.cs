using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Mismes.Core.Common;
using Mismes.Core.People;
using Mismes.Web.Administration;
using Mismes.Web.Platform;

namespace Mismes.Web.People.Api;

/// <summary>
/// The body of POST /api/v1/people/{id}/merge: the record to merge into {id}, and for each field where both records
/// hold different values, which one to keep: <c>{"duplicateId": "…", "keep": {"phone": "duplicate", "email": "survivor"}}</c>.
/// </summary>
public sealed record MergeInput(Guid? DuplicateId, Dictionary<string, string?>? Keep);

/// <summary>
/// Merging people and undoing the last merge through the API: the same <see cref="PersonMergeService"/> the pages use,
/// the same answers as the rest of /api/v1/people (another institution's record is 404; a missing choice is a 400
/// validation problem naming the field; an undo that cannot be done is a 409 problem saying why).
/// </summary>
internal static class PersonMergeApi
{
    public static IEndpointRouteBuilder MapPersonMergeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/people").WithTags("People").RequireAuthorization(Policies.ManagePeople);
        group.MapPost("/{id:guid}/merge", MergeAsync).WithName("MergePerson")
            .WithSummary("Merge a duplicate record into this one: `keep` says, for each field where both hold different values, which to keep (survivor or duplicate); languages and consents are united; the discarded values go into the history.")
            .RequireApiScope(PeopleModule.WriteScope);
        group.MapPost("/{id:guid}/merge/undo", UndoAsync).WithName("UndoPersonMerge")
            .WithSummary("Undo the latest merge into this record: both records as they were before. 409 when there is none, or the record has changed since.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireApiScope(PeopleModule.WriteScope);
        return app;
    }

    private static async Task<Results<Ok<PersonDto>, NotFound, ValidationProblem>> MergeAsync(
        Guid id, MergeInput input, PersonMergeService merges, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var keep = new Dictionary<MergeField, MergeKeep>();
        if (input.DuplicateId is null)
        {
            errors.Add("DuplicateId", PeopleErrors.Required);
        }

        if (input.Keep is { Count: > 50 })
        {
            errors.Add("Keep", PeopleErrors.InvalidValue);
        }
        else
        {
            foreach (var (name, value) in input.Keep ?? [])
            {
                if (PersonInput.ParseEnum<MergeField>(name) is { } field && PersonInput.ParseEnum<MergeKeep>(value) is { } side)
                {
                    keep[field] = side;
                }
                else
                {
                    errors.Add("Keep", PeopleErrors.InvalidValue);
                }
            }
        }

        if (!errors.IsEmpty)
        {
            return Invalid(errors, l);
        }

        var result = await merges.MergeAsync(new MergePeople { SurvivorId = id, DuplicateId = input.DuplicateId!.Value, Keep = keep }, ct);
        return result.Outcome switch
        {
            WriteOutcome.NotFound => TypedResults.NotFound(),
            WriteOutcome.Invalid => Invalid(result.Errors, l),
            _ => TypedResults.Ok(PersonDto.From(result.Value!)),
        };
    }

    private static async Task<Results<Ok<PersonDto>, NotFound, ProblemHttpResult>> UndoAsync(
        Guid id, PersonMergeService merges, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await merges.UndoLastMergeAsync(id, ct);
        return result.Outcome switch
        {
            WriteOutcome.NotFound => TypedResults.NotFound(),
            WriteOutcome.Conflict => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: l["People.Merge.Undo.Refused"], detail: l[result.ConflictKey!]),
            _ => TypedResults.Ok(PersonDto.From(result.Value!)),
        };
    }

    /// <summary>A missing choice is reported on <c>keep.phone</c>, where the client puts it, and names the field in words.</summary>
    private static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> errors, IStringLocalizer l) =>
        TypedResults.ValidationProblem(
            FieldErrorText.Translate(errors, l, field => Enum.TryParse<MergeField>(field, out _) ? "keep." + FieldErrorText.CamelCase(field) : FieldErrorText.CamelCase(field), PeopleFieldLabels.For(l)),
            title: l["People.Error.Title"]);
}
