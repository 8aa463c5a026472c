using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mismes.Core.Common;
using Mismes.Core.Training;

namespace Mismes.Web.Training.Pages.Sessions;

/// <summary>/Training/Sessions/Create: a new session of a catalogue course (provider and cost default to the course's).</summary>
[Authorize(Policy = TrainingPolicies.ManageSessions)]
public sealed class CreateModel(TrainingSessionService sessions, TrainingCatalogueService catalogue, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class SessionForm
    {
        public Guid? CourseId { get; set; }
        public string? Provider { get; set; }
        public string? Place { get; set; }
        public bool Online { get; set; }
        [DataType(DataType.Date)]
        public DateOnly? StartDate { get; set; }
        [DataType(DataType.Date)]
        public DateOnly? EndDate { get; set; }
        public decimal? Hours { get; set; }
        public int? Capacity { get; set; }
        public decimal? CostPerLearner { get; set; }
        public string? CostCurrency { get; set; } = "MAD";
    }

    [BindProperty]
    public SessionForm Input { get; set; } = new();

    public IReadOnlyList<CourseView> Courses { get; private set; } = [];

    public async Task OnGetAsync(Guid? course, CancellationToken ct)
    {
        Input.CourseId = course;
        Courses = await catalogue.ListCoursesAsync(null, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Values the binder could not read are already in ModelState with the field's name; required ones are checked here.
        var errors = new FieldErrors();
        foreach (var (field, missing) in new (string, bool)[]
                 {
                     ("CourseId", Input.CourseId is null), ("StartDate", Input.StartDate is null), ("EndDate", Input.EndDate is null), ("Capacity", Input.Capacity is null),
                 })
        {
            if (missing && ModelState.GetFieldValidationState("Input." + field) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                errors.Add(field, TrainingErrors.Required);
            }
        }

        if (errors.IsEmpty && ModelState.IsValid)
        {
            var result = await sessions.CreateAsync(new CreateSession
            {
                CourseId = Input.CourseId!.Value, Provider = Input.Provider, Place = Input.Place, Online = Input.Online,
                StartDate = Input.StartDate!.Value, EndDate = Input.EndDate!.Value, Hours = Input.Hours, Capacity = Input.Capacity!.Value,
                CostPerLearner = Input.CostPerLearner, CostCurrency = Input.CostCurrency,
            }, ct);
            if (result.Succeeded)
            {
                TempData["Training.Message"] = "Training.Session.Created";
                return RedirectToPage("Details", new { id = result.Value!.Id });
            }

            errors = result.Errors;
        }

        TrainingForms.AddErrors(ModelState, errors, l, "Input.");
        Courses = await catalogue.ListCoursesAsync(null, ct);
        return Page();
    }
}
