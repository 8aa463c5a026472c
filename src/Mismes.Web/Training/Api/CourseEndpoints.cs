using Microsoft.AspNetCore.Http.HttpResults;
using Mismes.Core.Training;

namespace Mismes.Web.Training.Api;

/// <summary>A course as the API returns it: ESCO skill URIs with their labels in the request's language.</summary>
public sealed record CourseDto(
    Guid Id, string Code, string Title, string Kind, string? Language, string? TargetLevel, decimal Hours, string Provider,
    decimal? CostPerLearner, string? CostCurrency, IReadOnlyList<SkillDto> Skills);

public sealed record SkillDto(string Uri, string Label);

public sealed record ProgrammeDto(Guid Id, string Code, string Title, int? DurationMonths, decimal Hours, string? Description, IReadOnlyList<CourseDto> Courses);

/// <summary>/api/v1/training/courses and /programmes: the course catalogue, read by staff.</summary>
internal static class CourseEndpoints
{
    public static IEndpointRouteBuilder MapCourseEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/training").WithTags("Training").RequireAuthorization(TrainingPolicies.ReadCatalogue);
        group.MapGet("/courses", ListCoursesAsync).WithName("ListTrainingCourses").WithSummary("The course catalogue, optionally of one kind.");
        group.MapGet("/courses/{id:guid}", GetCourseAsync).WithName("GetTrainingCourse").WithSummary("One course with the ESCO skills it develops.");
        group.MapGet("/programmes", ListProgrammesAsync).WithName("ListTrainingProgrammes").WithSummary("The programmes and the courses they bundle.");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<CourseDto>>, ValidationProblem>> ListCoursesAsync(
        TrainingCatalogueService catalogue, TrainingLabels labels, string? kind, CancellationToken ct)
    {
        CourseKind? parsed = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (!Enum.TryParse<CourseKind>(kind, ignoreCase: true, out var k) || !Enum.IsDefined(k))
            {
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["kind"] = [labels["Training.Error.Kind"]] }, title: labels["Training.Error.Invalid"]);
            }

            parsed = k;
        }

        var courses = await catalogue.ListCoursesAsync(parsed, ct);
        return TypedResults.Ok<IReadOnlyList<CourseDto>>(courses.Select(c => ToDto(c, labels)).ToList());
    }

    private static async Task<Results<Ok<CourseDto>, ProblemHttpResult>> GetCourseAsync(Guid id, TrainingCatalogueService catalogue, TrainingLabels labels, CancellationToken ct) =>
        await catalogue.FindCourseAsync(id, ct) is { } c
            ? TypedResults.Ok(ToDto(c, labels))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: labels["Training.Course.NotFound"]);

    private static async Task<Ok<IReadOnlyList<ProgrammeDto>>> ListProgrammesAsync(TrainingCatalogueService catalogue, TrainingLabels labels, CancellationToken ct)
    {
        var programmes = await catalogue.ListProgrammesAsync(ct);
        return TypedResults.Ok<IReadOnlyList<ProgrammeDto>>(programmes
            .Select(p => new ProgrammeDto(p.Id, p.Code, p.Title, p.DurationMonths, p.Hours, p.Description, p.Courses.Select(c => ToDto(c, labels)).ToList()))
            .ToList());
    }

    private static CourseDto ToDto(CourseView c, TrainingLabels labels) => new(
        c.Id, c.Code, c.Title, c.Kind.ToString(), c.Language, c.TargetLevel?.ToString(), c.Hours, c.Provider, c.CostPerLearner, c.CostCurrency,
        c.SkillUris.Select(u => new SkillDto(u, labels.Skill(u))).ToList());
}
